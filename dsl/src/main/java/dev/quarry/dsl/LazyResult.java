package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.TypeBinding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The JDBC side of a {@link Cursor}: the connection, statement and result set of one running SELECT,
 * read a row at a time. Owns the connection from {@link #open} until {@link #close}: on a pooled
 * connection in auto-commit mode, for a dialect whose driver streams only inside a transaction
 * ({@link Dialect#cursorNeedsTransaction()}, PostgreSQL), it turns auto-commit off and the connection
 * read-only, and ends and undoes that when it closes. Not thread-safe.
 */
final class LazyResult<R extends Row> {
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
    private int rows;
    private boolean closed;
    /** The cursor that reads this result, once one has started to (a mapped cursor shares the result). */
    private Object reader;

    private LazyResult(Executor executor, Rendered rendered, Connection connection, boolean ownTransaction,
                       PreparedStatement statement, ResultSet resultSet, RowType rowType, TypeBinding<?>[] readers,
                       RowFactory<R> factory, long startNanos) {
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
    }

    /**
     * Acquires a connection, prepares and runs the query with the fetch size; releases everything again
     * if that fails.
     *
     * @throws DataAccessException if the database refuses
     */
    static <R extends Row> LazyResult<R> open(Executor executor, Rendered r, List<Field<?>> fields,
                                              RowFactory<R> factory, int fetchSize) {
        Dialect dialect = executor.dialect();
        RowType rowType = new RowType(fields);
        TypeBinding<?>[] readers = new TypeBinding<?>[fields.size()];
        for (int i = 0; i < readers.length; i++) readers[i] = dialect.binding(fields.get(i).type());
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
            ResultSet rs = ps.executeQuery();
            return new LazyResult<>(executor, r, c, own, ps, rs, rowType, readers, factory, start);
        } catch (SQLException e) {
            DataAccessException translated = dialect.translate(e, r.sql());
            abandon(executor, r, c, own, ps, translated);
            throw translated;
        } catch (RuntimeException | Error e) {
            abandon(executor, r, c, own, ps, e);
            throw e;
        }
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

    /** Marks {@code cursor} as the reader of this result; another cursor over it cannot read any more. */
    void claim(Object cursor) {
        if (reader == null) {
            reader = cursor;
        } else if (reader != cursor) {
            throw new IllegalStateException("the rows of this cursor are read through another cursor over the same result "
                    + "(one made by map(), or the one map() was called on); read them through one cursor only");
        }
    }

    boolean isClosed() { return closed; }

    /**
     * Reads the next row.
     *
     * @return the row, or null at the end of the result (the result is then closed) or when it is closed
     * @throws DataAccessException if reading fails (the result is closed first)
     */
    R next() {
        if (closed) return null;
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
            DataAccessException translated = executor.dialect().translate(e, rendered.sql());
            fail(translated);
            throw translated;
        }
    }

    /** Closes after a failure while reading or in a caller's function: rolls back the cursor's own transaction. */
    void fail(Throwable cause) {
        if (closed) return;
        closed = true;
        release(false, cause);
    }

    /**
     * Closes the result set and statement, ends the cursor's own transaction with a commit, and releases
     * the connection. Idempotent.
     *
     * @throws DataAccessException if ending the transaction or releasing fails (after releasing)
     */
    void close() {
        if (closed) return;
        closed = true;
        release(true, null);
    }

    private void release(boolean commit, Throwable cause) {
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
            DataAccessException translated = executor.dialect().translate(failure, rendered.sql());
            if (releasing != null) translated.addSuppressed(releasing);
            throw translated;
        }
        if (releasing != null) throw releasing;
    }
}
