package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.TypeBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The JDBC side of a {@link Cursor}: the connection, statement and result set of one running SELECT,
 * read a row at a time. Owns the connection from {@link #open} until it closes: on a pooled connection
 * in auto-commit mode, for a dialect whose driver streams only inside a transaction
 * ({@link Dialect#cursorNeedsTransaction()}, PostgreSQL), it turns auto-commit off and the connection
 * read-only, and ends and undoes that when it closes.
 *
 * <p>It closes when the cursor closes it, at the end of the result, after a failure, when the
 * transaction it was opened in ends or its database closes ({@link #end}; a later read then throws), and
 * when every cursor over it has become unreachable without being closed ({@link #reclaim}, run by
 * {@link ResultCursor}'s cleaner, which logs a WARN naming where the cursor was opened). Reading is for
 * one thread at a time; closing may come from another thread (the cleaner, {@code Database.close()},
 * the transaction's end) and happens once.
 */
final class LazyResult<R extends Row> {
    /** The logger of cursors that were not closed: {@code dev.quarry.cursor}. */
    static final String LEAK_LOGGER = "dev.quarry.cursor";
    private static final Logger LEAKS = LoggerFactory.getLogger(LEAK_LOGGER);
    /** SQL:2016 section 24.1, class 24 "invalid cursor state". */
    static final String INVALID_CURSOR_STATE = "24000";

    private final Executor executor;
    private final Rendered rendered;
    private final Connection connection;
    private final boolean ownTransaction;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final RowType rowType;
    private final TypeBinding<?>[] readers;
    private final RowFactory<R> factory;
    private final long startNanos;
    private final String openedAt;
    private int rows;
    private volatile boolean closed;
    /** Why the result was closed under its cursor (its transaction ended, its database closed); null otherwise. */
    private volatile String endedBecause;
    /** The token of the cursor that reads this result, once one has started to (a mapped cursor shares the result). */
    private Object reader;

    private LazyResult(Executor executor, Rendered rendered, Connection connection, boolean ownTransaction,
                       PreparedStatement statement, ResultSet resultSet, RowType rowType, TypeBinding<?>[] readers,
                       RowFactory<R> factory, long startNanos, String openedAt) {
        this.executor = executor;
        this.rendered = rendered;
        this.connection = connection;
        this.ownTransaction = ownTransaction;
        this.statement = statement;
        this.resultSet = resultSet;
        this.rowType = rowType;
        this.readers = readers;
        this.factory = factory;
        this.startNanos = startNanos;
        this.openedAt = openedAt;
    }

    /**
     * Acquires a connection, prepares and runs the query with the fetch size under the statement timeout;
     * releases everything again if that fails.
     *
     * @throws DataAccessException if the database refuses; {@link QueryTimeoutException} if the query
     *         does not start returning rows within the timeout
     */
    static <R extends Row> LazyResult<R> open(Executor executor, Rendered r, List<Field<?>> fields,
                                              RowFactory<R> factory, int fetchSize) {
        Dialect dialect = executor.dialect();
        RowType rowType = new RowType(fields);
        TypeBinding<?>[] readers = executor.readers(fields);
        long timeout = executor.effectiveTimeout(r.sql());
        String openedAt = callerFrame();
        long start = System.nanoTime();
        Connection c = executor.acquireConnection(r.sql());
        boolean own = false;
        PreparedStatement ps = null;
        try {
            if (dialect.cursorNeedsTransaction() && c.getAutoCommit()) {
                c.setAutoCommit(false);
                own = true;
                c.setReadOnly(true);
            }
            ps = c.prepareStatement(r.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(fetchSize);
            executor.bindTo(ps, r);
            PreparedStatement query = ps;
            ResultSet rs = executor.timed(ps, r.sql(), timeout, query::executeQuery);
            LazyResult<R> result = new LazyResult<>(executor, r, c, own, ps, rs, rowType, readers, factory, start, openedAt);
            executor.source().cursorOpened(result);
            return result;
        } catch (SQLException e) {
            DataAccessException translated = executor.failures().translate(e, r.sql());
            abandon(executor, r, c, own, ps, translated);
            throw translated;
        } catch (RuntimeException | Error e) {
            abandon(executor, r, c, own, ps, e);
            throw e;
        }
    }

    /** The first stack frame outside Quarry's own execution classes: where the user opened the cursor. */
    private static String callerFrame() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("dev.quarry.dsl.") && !f.getClassName().startsWith("dev.quarry.mapping."))
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .map(StackTraceElement::toString)
                .orElse("an unknown place"));
    }

    private static void abandon(Executor executor, Rendered r, Connection c, boolean own, PreparedStatement ps, Throwable cause) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
        if (own) endOwnTransaction(c, false, cause);
        try {
            executor.releaseConnection(c, r.sql());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Ends the cursor's own transaction (commit after success, rollback after a failure) and restores
     * auto-commit and read-write, recording failures on {@code cause}, or returning the first when there
     * is no cause.
     */
    private static SQLException endOwnTransaction(Connection c, boolean commit, Throwable cause) {
        SQLException first = null;
        try {
            if (commit) c.commit();
            else c.rollback();
        } catch (SQLException e) {
            first = e;
        }
        try {
            c.setReadOnly(false);
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // a pool resets both when the connection comes back; a broken connection is discarded there
            if (first == null) first = e;
            else first.addSuppressed(e);
        }
        if (first != null && cause != null) {
            cause.addSuppressed(first);
            return null;
        }
        return first;
    }

    /** Marks the cursor whose token this is as the reader of this result; another cursor over it cannot read any more. */
    void claim(Object cursorToken) {
        if (reader == null) {
            reader = cursorToken;
        } else if (reader != cursorToken) {
            throw new IllegalStateException("the rows of this cursor are read through another cursor over the same result "
                    + "(one made by map(), or the one map() was called on); read them through one cursor only");
        }
    }

    boolean isClosed() { return closed; }

    /** @return where the cursor was opened: the caller's stack frame */
    String openedAt() { return openedAt; }

    /**
     * Reads the next row.
     *
     * @return the row, or null at the end of the result (the result is then closed) or when the cursor closed it
     * @throws DataAccessException if reading fails (the result is closed first), or with SQLState 24000
     *         (invalid cursor state) if the result was closed because its transaction ended or its database closed
     */
    R next() {
        if (closed) {
            String why = endedBecause;
            if (why != null) {
                throw new DataAccessException("cannot read the cursor: " + why + " [SQL: " + rendered.sql() + "]",
                        rendered.sql(), INVALID_CURSOR_STATE, null);
            }
            return null;
        }
        try {
            if (!resultSet.next()) {
                close();
                return null;
            }
            Object[] values = new Object[readers.length];
            ColumnReads.read(resultSet, readers, rowType.fields(), values);
            rows++;
            return factory.create(rowType, values);
        } catch (SQLException e) {
            if (closed && endedBecause != null) return next();
            DataAccessException translated = executor.failures().translate(e, rendered.sql());
            fail(translated);
            throw translated;
        }
    }

    /** Closes after a failure while reading or in a caller's function: rolls back the cursor's own transaction. */
    void fail(Throwable cause) {
        if (!markClosed()) return;
        release(false, cause);
    }

    /**
     * Closes the result set and statement, ends the cursor's own transaction with a commit, and releases
     * the connection. Idempotent.
     *
     * @throws DataAccessException if ending the transaction or releasing fails (after releasing)
     */
    void close() {
        if (!markClosed()) return;
        release(true, null);
    }

    /**
     * Closes the result under its cursor because what it lives in ends: the transaction it was opened in
     * (called on the transaction's thread before the commit or rollback) or its database. A later read
     * throws a {@link DataAccessException} that gives the reason. Failures while closing are dropped: the
     * connection's owner ends it anyway.
     *
     * @param reason why, as the read's message says it, such as {@code "its transaction has ended"}
     */
    void end(String reason) {
        if (!markEnded("the cursor opened at " + openedAt + " was closed because " + reason
                + "; read a cursor inside the block or session that opened it")) return;
        try {
            release(false, new IllegalStateException(reason));
        } catch (RuntimeException ignored) {
            // the owner of the connection ends it in any case
        }
    }

    /**
     * Closes a result whose every cursor became unreachable without being closed, and logs a WARN on
     * {@value #LEAK_LOGGER} naming where the cursor was opened. Runs on the cleaner's thread. A result
     * opened in a transaction is left to the transaction's end, which closes it on the transaction's own
     * thread (its connection is in use there); one opened on a database gives its connection back to the
     * pool now.
     *
     * @param inTransaction whether the cursor was opened in a transaction
     */
    void reclaim(boolean inTransaction) {
        if (closed) return;
        LEAKS.warn("a cursor was not closed and became unreachable; {}. It was opened at {}: close cursors with "
                + "try-with-resources. [SQL: {}]", inTransaction ? "its transaction closes it when it ends"
                : "Quarry closed it and gave its connection back to the pool", openedAt, rendered.sql());
        if (inTransaction) return;
        if (!markEnded("the cursor opened at " + openedAt + " was reclaimed after it became unreachable")) return;
        try {
            release(false, new IllegalStateException("the cursor became unreachable"));
        } catch (RuntimeException ignored) {
            // reclaiming is best effort; the pool evicts a broken connection
        }
    }

    private synchronized boolean markClosed() {
        if (closed) return false;
        closed = true;
        return true;
    }

    /** As {@link #markClosed()}, recording why first, so that a reader who sees it closed sees the reason too. */
    private synchronized boolean markEnded(String why) {
        if (closed) return false;
        endedBecause = why;
        closed = true;
        return true;
    }

    private void release(boolean commit, Throwable cause) {
        executor.source().cursorClosed(this);
        SQLException failure = null;
        try {
            resultSet.close();
        } catch (SQLException e) {
            failure = e;
        }
        try {
            statement.close();
        } catch (SQLException e) {
            if (failure == null) failure = e;
            else failure.addSuppressed(e);
        }
        if (ownTransaction) {
            SQLException ending = endOwnTransaction(connection, commit && failure == null, cause);
            if (ending != null) {
                if (failure == null) failure = ending;
                else failure.addSuppressed(ending);
            }
        }
        RuntimeException releasing = null;
        try {
            executor.releaseConnection(connection, rendered.sql());
        } catch (RuntimeException e) {
            releasing = e;
        }
        executor.logFinished(rendered, rows, startNanos);
        if (cause != null) {
            if (failure != null) cause.addSuppressed(failure);
            if (releasing != null) cause.addSuppressed(releasing);
            return;
        }
        if (failure != null) {
            DataAccessException translated = executor.failures().translate(failure, rendered.sql());
            if (releasing != null) translated.addSuppressed(releasing);
            throw translated;
        }
        if (releasing != null) throw releasing;
    }
}
