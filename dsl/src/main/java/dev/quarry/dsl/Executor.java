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
                    for (int i = 0; i < readers.length; i++) values[i] = readers[i].get(rs, i + 1);
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
                    while (rs.next()) keys.add(reader.get(rs, 1));
                }
            } else {
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    while (rs.next()) keys.add(reader.get(rs, 1));
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
                    for (int i = 0; i < readers.length; i++) values[i] = readers[i].get(rs, i + 1);
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
}
