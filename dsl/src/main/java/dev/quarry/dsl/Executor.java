package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.TypeBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rendered statements on connections from a {@link ConnectionSource}: binds values through the
 * dialect's bindings, reads rows, translates {@link SQLException}s, and logs SQL, bind count (or values),
 * row count and elapsed time at DEBUG on the logger {@code dev.quarry.sql}, slow statements at WARN on
 * {@code dev.quarry.sql.slow} ({@link SqlLog}).
 */
final class Executor {
    private static final Logger LOG = LoggerFactory.getLogger("dev.quarry.sql");

    interface ConnectionSource {
        Connection acquire() throws SQLException;

        void release(Connection connection) throws SQLException;
    }

    private final Dialect dialect;
    private final ConnectionSource source;

    Executor(Dialect dialect, ConnectionSource source) {
        this(dialect, source, SqlLog.DEFAULT);
    }

    // ---- transactions, logging and errors (issue 5) ----

    private final SqlLog sqlLog;

    /** @param sqlLog what to log about each statement (the database's settings) */
    Executor(Dialect dialect, ConnectionSource source, SqlLog sqlLog) {
        this.dialect = dialect;
        this.source = source;
        this.sqlLog = sqlLog;
    }

    SqlLog sqlLog() { return sqlLog; }

    // ---- end of transactions, logging and errors (issue 5) ----

    Dialect dialect() { return dialect; }

    List<Row> fetch(Rendered r, List<Field<?>> fields) {
        return fetch(r, fields, Row::new);
    }

    <R extends Row> List<R> fetch(Rendered r, List<Field<?>> fields, RowFactory<R> factory) {
        RowType rowType = new RowType(fields);
        TypeBinding<?>[] readers = new TypeBinding<?>[fields.size()];
        for (int i = 0; i < readers.length; i++) readers[i] = dialect.binding(fields.get(i).type());
        long start = System.nanoTime();
        Connection c = acquire(r.sql());
        try (PreparedStatement ps = c.prepareStatement(r.sql())) {
            bind(ps, r);
            List<R> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[readers.length];
                    ColumnReads.read(rs, readers, fields, values);
                    rows.add(factory.create(rowType, values));
                }
            }
            log(r, rows.size(), start);
            return rows;
        } catch (SQLException e) {
            throw dialect.translate(e, r.sql());
        } finally {
            release(c, r.sql());
        }
    }

    int execute(Rendered r) {
        long start = System.nanoTime();
        Connection c = acquire(r.sql());
        try (PreparedStatement ps = c.prepareStatement(r.sql())) {
            bind(ps, r);
            int count = ps.executeUpdate();
            log(r, count, start);
            return count;
        } catch (SQLException e) {
            throw dialect.translate(e, r.sql());
        } finally {
            release(c, r.sql());
        }
    }

    /**
     * Runs an INSERT and reads the generated values of one column: from the statement's own result
     * when it was rendered with RETURNING, else through {@link PreparedStatement#getGeneratedKeys()}.
     */
    <K> List<K> executeReturning(Rendered r, TableField<K> key, boolean viaReturning) {
        TypeBinding<K> reader = dialect.binding(key.type());
        long start = System.nanoTime();
        Connection c = acquire(r.sql());
        try (PreparedStatement ps = viaReturning ? c.prepareStatement(r.sql())
                : c.prepareStatement(r.sql(), new String[] {key.name()})) {
            bind(ps, r);
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
            log(r, keys.size(), start);
            return keys;
        } catch (SQLException e) {
            throw dialect.translate(e, r.sql());
        } finally {
            release(c, r.sql());
        }
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
            throw dialect.translate(e, sql);
        }
    }

    private void release(Connection c, String sql) {
        try {
            source.release(c);
        } catch (SQLException e) {
            throw dialect.translate(e, sql);
        }
    }

    private void log(Rendered r, int rows, long startNanos) {
        sqlLog.statement(r, rows, startNanos);   // transactions, logging and errors (issue 5): see SqlLog
    }

    // ---- compiled-SQL cache (issue 5) ----

    /** The database's compiled-SQL cache, shared with its transactions; null renders every time. */
    private RenderCache renderCache;

    void renderCache(RenderCache cache) { this.renderCache = cache; }

    RenderCache renderCache() { return renderCache; }

    /** Renders a query through the cache: the same shape with other values is not rendered again. */
    Rendered render(Select<?> statement) {
        RenderCache cache = renderCache;
        return cache == null ? statement.render(dialect) : cache.render(statement, dialect);
    }

    /**
     * Runs a query and fills one record per row through a prebuilt mapper, without building
     * {@link Row}s: each column is read by its binding, then passed to the record's constructor.
     */
    <E> List<E> fetchInto(Rendered r, List<Field<?>> fields, RecordMapper<E> mapper) {
        TypeBinding<?>[] readers = new TypeBinding<?>[fields.size()];
        for (int i = 0; i < readers.length; i++) readers[i] = dialect.binding(fields.get(i).type());
        long start = System.nanoTime();
        Connection c = acquire(r.sql());
        try (PreparedStatement ps = c.prepareStatement(r.sql())) {
            bind(ps, r);
            List<E> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                Object[] values = new Object[readers.length];
                while (rs.next()) {
                    ColumnReads.read(rs, readers, fields, values);
                    out.add(mapper.create(values));
                }
            }
            log(r, out.size(), start);
            return out;
        } catch (SQLException e) {
            throw dialect.translate(e, r.sql());
        } finally {
            release(c, r.sql());
        }
    }

    // ---- streaming and batching (issue 5) ----

    /**
     * Opens a lazy cursor over the result of a rendered SELECT (see {@link LazyResult}): the statement runs
     * now, rows are read as the cursor is iterated.
     */
    <R extends Row> Cursor<R> fetchLazy(Rendered r, List<Field<?>> fields, RowFactory<R> factory, int fetchSize) {
        return ResultCursor.of(LazyResult.open(this, r, fields, factory, fetchSize));
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
            if (own) rollbackQuietly(c, e);
            throw dialect.translate(e, sql);
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

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** As {@link #execute(Rendered)}, on a connection the caller holds. */
    int executeOn(Connection c, Rendered r) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(r.sql())) {
            bind(ps, r);
            int count = ps.executeUpdate();
            log(r, count, start);
            return count;
        }
    }

    /** As {@link #executeReturning}, on a connection the caller holds. */
    <K> List<K> executeReturningOn(Connection c, Rendered r, TableField<K> key, boolean viaReturning) throws SQLException {
        TypeBinding<K> reader = dialect.binding(key.type());
        long start = System.nanoTime();
        try (PreparedStatement ps = viaReturning ? c.prepareStatement(r.sql())
                : c.prepareStatement(r.sql(), new String[] {key.name()})) {
            bind(ps, r);
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
            log(r, keys.size(), start);
            return keys;
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
