package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.TypeBinding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rendered statements on connections from a {@link ConnectionSource}: binds values through the
 * dialect's bindings, reads rows, enforces the statement timeout ({@link StatementTimer}), translates
 * {@link SQLException}s (through {@link Failures}, which keeps sensitive values out of messages), and
 * logs SQL, bind count (or values), row count and elapsed time at DEBUG on the logger
 * {@code dev.quarry.sql}, slow statements at WARN on {@code dev.quarry.sql.slow} ({@link SqlLog}).
 *
 * <p>An executor is immutable apart from its compiled-SQL cache, which is set once when its session is
 * made; {@link #withQueryTimeout} makes a copy for one statement.
 */
final class Executor {
    /** Where an executor gets its connections: a {@link Database}'s pool or a {@link Transaction}'s one connection. */
    interface ConnectionSource {
        /**
         * @return a connection for one statement (or for a cursor, until it closes)
         * @throws SQLException if the pool or driver fails
         * @throws IllegalStateException if the database is closed or the transaction has ended
         */
        Connection acquire() throws SQLException;

        void release(Connection connection) throws SQLException;

        /**
         * @return the {@link System#nanoTime()} by which every statement from this source must have
         *         finished (a transaction's timeout), or {@link StatementTimer#NO_DEADLINE}
         */
        default long deadlineNanos() { return StatementTimer.NO_DEADLINE; }

        /** @return whether the connections are a transaction's (which closes its cursors when it ends) */
        default boolean isTransaction() { return false; }

        /** Tells the source that a cursor now holds a connection from it, until {@link #cursorClosed}. */
        default void cursorOpened(LazyResult<?> cursor) {
            // nothing tracks cursors
        }

        /** Tells the source that a cursor has released what it held. */
        default void cursorClosed(LazyResult<?> cursor) {
            // nothing tracks cursors
        }
    }

    /** What one statement does with its prepared statement once the values are bound. */
    @FunctionalInterface
    interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final Dialect dialect;
    private final ConnectionSource source;
    private final SqlLog sqlLog;
    private final Failures failures;
    /** The statement timeout in nanoseconds; 0 for none. */
    private final long timeoutNanos;
    /** The database's compiled-SQL cache, shared with its transactions; null renders every time. */
    private RenderCache renderCache;

    /**
     * @param sqlLog what to log about each statement (the database's settings)
     * @param failures how driver exceptions become Quarry's (the database's sensitive columns)
     * @param timeoutNanos the statement timeout, 0 for none
     */
    Executor(Dialect dialect, ConnectionSource source, SqlLog sqlLog, Failures failures, long timeoutNanos) {
        this.dialect = dialect;
        this.source = source;
        this.sqlLog = sqlLog;
        this.failures = failures;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * @param nanos the statement timeout for statements run through the copy, more than 0
     * @return a copy of this executor on the same connections and cache with that timeout
     */
    Executor withQueryTimeout(long nanos) {
        Executor copy = new Executor(dialect, source, sqlLog, failures, nanos);
        copy.renderCache = renderCache;
        return copy;
    }

    SqlLog sqlLog() { return sqlLog; }

    Failures failures() { return failures; }

    Dialect dialect() { return dialect; }

    ConnectionSource source() { return source; }

    long timeoutNanos() { return timeoutNanos; }

    // ---- running one statement ----

    /**
     * Runs one statement on a connection of the source and releases it: prepares, binds, runs the work
     * under the statement timeout, logs, translates failures.
     *
     * @param rows how many rows the result counts, for the log
     */
    private <T> T run(Rendered r, StatementWork<T> work, java.util.function.ToIntFunction<T> rows, String[] keyColumns) {
        long timeout = effectiveTimeout(r.sql());
        Connection c = acquire(r.sql());
        try {
            return runOn(c, r, work, rows, keyColumns, timeout);
        } finally {
            release(c, r.sql());
        }
    }

    /** As {@link #run}, on a connection the caller holds. */
    private <T> T runOn(Connection c, Rendered r, StatementWork<T> work, java.util.function.ToIntFunction<T> rows,
                        String[] keyColumns, long timeout) {
        long start = System.nanoTime();
        try (PreparedStatement ps = keyColumns == null ? c.prepareStatement(r.sql()) : c.prepareStatement(r.sql(), keyColumns)) {
            bind(ps, r);
            T result = timed(ps, r.sql(), timeout, () -> work.run(ps));
            log(r, rows.applyAsInt(result), start);
            return result;
        } catch (SQLException e) {
            throw failures.translate(e, r.sql());
        }
    }

    /** Work that may run under a statement timeout. */
    @FunctionalInterface
    interface TimedCall<T> {
        T call() throws SQLException;
    }

    /**
     * Runs a call on a statement under a timeout: the statement is cancelled on the server
     * ({@link Statement#cancel()}) when the timeout passes, and the call then ends with a
     * {@link QueryTimeoutException}, also when the driver returned normally after the cancel (MySQL's
     * {@code SLEEP()} returns 1 when its query is killed).
     *
     * @param timeout nanoseconds, or 0 for no timeout
     * @throws QueryTimeoutException if the timeout passed
     * @throws SQLException from the call, when the timeout did not pass
     */
    <T> T timed(Statement statement, String sql, long timeout, TimedCall<T> call) throws SQLException {
        if (timeout == 0) return call.call();
        StatementTimer.Watch watch = StatementTimer.watch(statement, timeout);
        T result;
        try {
            result = call.call();
        } catch (SQLException e) {
            if (watch.stop()) throw timedOut(sql, timeout, e);
            throw e;
        }
        if (watch.stop()) throw timedOut(sql, timeout, null);
        return result;
    }

    private QueryTimeoutException timedOut(String sql, long timeoutNanos, SQLException cause) {
        return failures.timeout(sql, timeoutNanos, cause);
    }

    /**
     * The timeout of a statement that starts now: the executor's own, shortened to what is left of the
     * source's deadline.
     *
     * @return nanoseconds, 0 for none
     * @throws QueryTimeoutException if the source's deadline has already passed: nothing is sent
     */
    long effectiveTimeout(String sql) {
        long deadline = source.deadlineNanos();
        if (deadline == StatementTimer.NO_DEADLINE) return timeoutNanos;
        long left = deadline - System.nanoTime();
        if (left <= 0) throw failures.transactionTimedOut(sql);
        return timeoutNanos == 0 ? left : Math.min(timeoutNanos, left);
    }

    // ---- the statements ----

    List<Row> fetch(Rendered r, List<Field<?>> fields) {
        return fetch(r, fields, Row::new);
    }

    <R extends Row> List<R> fetch(Rendered r, List<Field<?>> fields, RowFactory<R> factory) {
        return run(r, ps -> readRows(ps, fields, factory), List::size, null);
    }

    /** As {@link #fetch(Rendered, List, RowFactory)}, on a connection the caller holds. */
    <R extends Row> List<R> fetchOn(Connection c, Rendered r, List<Field<?>> fields, RowFactory<R> factory) {
        return runOn(c, r, ps -> readRows(ps, fields, factory), List::size, null, effectiveTimeout(r.sql()));
    }

    private <R extends Row> List<R> readRows(PreparedStatement ps, List<Field<?>> fields, RowFactory<R> factory) throws SQLException {
        RowType rowType = new RowType(fields);
        TypeBinding<?>[] readers = readers(fields);
        List<R> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] values = new Object[readers.length];
                ColumnReads.read(rs, readers, fields, values);
                rows.add(factory.create(rowType, values));
            }
        }
        return rows;
    }

    /**
     * Runs a query and fills one record per row through a prebuilt mapper, without building
     * {@link Row}s: each column is read by its binding, then passed to the record's constructor.
     */
    <E> List<E> fetchInto(Rendered r, List<Field<?>> fields, RecordMapper<E> mapper) {
        return run(r, ps -> {
            TypeBinding<?>[] readers = readers(fields);
            List<E> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                Object[] values = new Object[readers.length];
                while (rs.next()) {
                    ColumnReads.read(rs, readers, fields, values);
                    out.add(mapper.create(values));
                }
            }
            return out;
        }, List::size, null);
    }

    int execute(Rendered r) {
        return run(r, PreparedStatement::executeUpdate, n -> n, null);
    }

    /** As {@link #execute(Rendered)}, on a connection the caller holds. */
    int executeOn(Connection c, Rendered r) {
        return runOn(c, r, PreparedStatement::executeUpdate, n -> n, null, effectiveTimeout(r.sql()));
    }

    /**
     * Runs an INSERT and reads the generated values of one column: from the statement's own result
     * when it was rendered with RETURNING, else through {@link PreparedStatement#getGeneratedKeys()}.
     */
    <K> List<K> executeReturning(Rendered r, TableField<K> key, boolean viaReturning) {
        return run(r, ps -> readKeys(ps, key, viaReturning), List::size, viaReturning ? null : new String[] {key.name()});
    }

    /** As {@link #executeReturning}, on a connection the caller holds. */
    <K> List<K> executeReturningOn(Connection c, Rendered r, TableField<K> key, boolean viaReturning) {
        return runOn(c, r, ps -> readKeys(ps, key, viaReturning), List::size,
                viaReturning ? null : new String[] {key.name()}, effectiveTimeout(r.sql()));
    }

    private <K> List<K> readKeys(PreparedStatement ps, TableField<K> key, boolean viaReturning) throws SQLException {
        TypeBinding<K> reader = dialect.binding(key.type());
        List<K> keys = new ArrayList<>();
        if (viaReturning) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(ColumnReads.read(rs, reader, key));
            }
        } else {
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) keys.add(ColumnReads.read(rs, reader, key));
            }
        }
        return keys;
    }

    /** The bindings that read the columns of a result, in select-list order. */
    TypeBinding<?>[] readers(List<Field<?>> fields) {
        TypeBinding<?>[] readers = new TypeBinding<?>[fields.size()];
        for (int i = 0; i < readers.length; i++) readers[i] = dialect.binding(fields.get(i).type());
        return readers;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bind(PreparedStatement ps, Rendered r) throws SQLException {
        List<Object> binds = r.binds();
        List<DataType<?>> types = r.bindTypes();
        for (int i = 0; i < binds.size(); i++) {
            TypeBinding binding = dialect.binding(types.get(i));
            binding.set(ps, i + 1, binds.get(i));
        }
    }

    private Connection acquire(String sql) {
        try {
            return source.acquire();
        } catch (SQLException e) {
            throw failures.translate(e, sql);
        }
    }

    private void release(Connection c, String sql) {
        try {
            source.release(c);
        } catch (SQLException e) {
            throw failures.translate(e, sql);
        }
    }

    private void log(Rendered r, int rows, long startNanos) {
        sqlLog.statement(r, rows, startNanos);
    }

    // ---- the compiled-SQL cache ----

    void renderCache(RenderCache cache) { this.renderCache = cache; }

    RenderCache renderCache() { return renderCache; }

    /** Renders a query through the cache: the same shape with other values is not rendered again. */
    Rendered render(Select<?> statement) {
        RenderCache cache = renderCache;
        return cache == null ? statement.render(dialect) : cache.render(statement, dialect);
    }

    // ---- cursors and work on one connection ----

    /**
     * Opens a lazy cursor over the result of a rendered SELECT (see {@link LazyResult}): the statement runs
     * now, under the statement timeout; rows are read as the cursor is iterated.
     */
    <R extends Row> Cursor<R> fetchLazy(Rendered r, List<Field<?>> fields, RowFactory<R> factory, int fetchSize) {
        return ResultCursor.of(LazyResult.open(this, r, fields, factory, fetchSize), source.isTransaction());
    }

    /** Work on one JDBC connection, for {@link #inOneTransaction}. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work that sends several statements on one connection, atomically: a pooled connection in
     * auto-commit mode (a {@link Database}) gets a transaction of its own, committed when the work returns
     * and rolled back when it throws; a connection already in a transaction (a {@link Transaction}) is used
     * as it is. The connection is released in every case.
     *
     * @param sql the SQL named in a translated failure
     */
    <T> T inOneTransaction(String sql, ConnectionWork<T> work) {
        Connection c = acquire(sql);
        boolean own = false;
        try {
            own = c.getAutoCommit();
            if (own) c.setAutoCommit(false);
            T result = work.run(c);
            if (own) c.commit();
            return result;
        } catch (SQLException e) {
            DataAccessException translated = failures.translate(e, sql);
            if (own) rollbackQuietly(c, translated);
            throw translated;
        } catch (RuntimeException | Error e) {
            if (own) rollbackQuietly(c, e);
            throw e;
        } finally {
            if (own) {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the pool resets auto-commit and discards broken connections
                }
            }
            release(c, sql);
        }
    }

    private void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(failures.translate(e, "ROLLBACK"));
        }
    }

    /** Binds a rendered statement's values, for {@link LazyResult}. */
    void bindTo(PreparedStatement ps, Rendered r) throws SQLException {
        bind(ps, r);
    }

    Connection acquireConnection(String sql) {
        return acquire(sql);
    }

    void releaseConnection(Connection c, String sql) {
        release(c, sql);
    }

    /** Logs a statement that has finished: a cursor when it closes, a JDBC batch (the one-row statement, its row count). */
    void logFinished(Rendered r, int rows, long startNanos) {
        log(r, rows, startNanos);
    }
}
