package dev.quarry.sqlite;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.IntegrityConstraintViolationException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.QueryTimeoutException;
import dev.quarry.dsl.ReadOnlyTransactionException;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.IdentifierLimit;
import dev.quarry.dsl.spi.PoolSettings;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.TypeBinding;
import dev.quarry.schema.DdlDialect;
import dev.quarry.schema.DdlRenderer;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The SQLite dialect (sqlite-jdbc, SQLite 3.35 or later for RETURNING). Accepts URLs that start with
 * {@code jdbc:sqlite:}. Every connection runs with {@code foreign_keys} on and a busy timeout of
 * 5,000 ms. An in-memory database ({@code jdbc:sqlite::memory:}, {@code jdbc:sqlite:} or
 * {@code mode=memory}) lives as long as its connection, so it gets a pool of exactly one connection
 * that is never retired; a file database gets a pool of 4.
 *
 * <p>Storage conventions for types SQLite lacks are described in the README's type table.
 */
public final class SqliteDialect implements Dialect, DdlDialect {
    /** The shared instance, also registered for {@link java.util.ServiceLoader}. */
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private static final Renderer RENDERER = new SqliteRenderer();
    private static final Map<String, String> DRIVER_PROPERTIES = Map.of("foreign_keys", "true", "busy_timeout", "5000");

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE}. */
    public SqliteDialect() {}

    @Override
    public String name() { return "sqlite"; }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:");
    }

    @Override
    public Renderer renderer() { return RENDERER; }

    @Override
    public <T> TypeBinding<T> binding(DataType<T> type) {
        return SqliteBindings.of(type);
    }

    /**
     * @return 32,766, SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32 ("Limits In SQLite", item 9).
     *         sqlite-jdbc 3.50.3.0 is compiled with 250,000 ({@code PRAGMA compile_options} lists
     *         {@code MAX_VARIABLE_NUMBER=250000}); Quarry keeps SQLite's default, so that a statement Quarry
     *         accepts runs on any SQLite build and the many-row INSERT chunks stay as measured.
     */
    @Override
    public int maxBindParameters() { return 32_766; }

    /**
     * @return {@link IdentifierLimit#NONE}: SQLite sets no limit on the length of a name ("Limits In
     *         SQLite" limits only a statement's length, 1,000,000,000 bytes by default)
     */
    @Override
    public IdentifierLimit identifierLimit() { return IdentifierLimit.NONE; }

    @Override
    public boolean supportsInsertReturning() { return true; }

    // ---- statement preparation ----
    // sqlite-jdbc has no statement cache and no option for one: each PreparedStatement compiles its SQL
    // with sqlite3_prepare_v2 in-process (microseconds, no round trip), so Quarry sets nothing here; the
    // compiled-SQL cache saves the rendering, not SQLite's compilation.
    @Override
    public PoolSettings poolSettings(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        boolean memory = rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory");
        return new PoolSettings(memory ? 1 : 4, memory, DRIVER_PROPERTIES);
    }

    /** Runs {@code PRAGMA defer_foreign_keys = ON}, which lasts until the transaction ends. */
    @Override
    public void deferForeignKeyChecks(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA defer_foreign_keys = ON");
        }
    }

    @Override
    public DdlRenderer ddl() { return SqliteDdlRenderer.INSTANCE; }

    /**
     * Translates SQLite's extended result codes ("Result and Error Codes" in the SQLite manual) and
     * attaches the standard SQLState of the same condition, since sqlite-jdbc reports none.
     * SQLITE_BUSY_SNAPSHOT (in WAL mode, a transaction that read a snapshot tries to write after another
     * connection committed) is a {@link SerializationFailureException} (40001), which transaction blocks
     * retry; the other SQLITE_BUSY and SQLITE_LOCKED codes are a {@link LockTimeoutException} (55P03), not
     * retried, since the busy timeout has already waited and SQLite's plain SQLITE_BUSY does not tell a
     * timeout from a lock-upgrade deadlock. SQLITE_READONLY (a write under {@code PRAGMA query_only}, or to a
     * read-only file) is a {@link ReadOnlyTransactionException} (25006). SQLITE_INTERRUPT (a statement
     * stopped by {@code sqlite3_interrupt}, which is how sqlite-jdbc cancels one) is a
     * {@link QueryTimeoutException} (57014). A failed CHECK constraint that
     * {@link SqliteDdlRenderer#valueConstraints} declared to hold a column to its type is a
     * {@link DataException} naming the column: {@code "range:t.c"} 22003 (numeric value out of range),
     * {@code "length:t.c"} 22001 (string data, right truncation), as PostgreSQL and MariaDB report the
     * same value.
     */
    @Override
    public DataAccessException translate(SQLException e, String sql) {
        if (!(e instanceof SQLiteException se)) return Dialect.super.translate(e, sql);
        String message = e.getMessage() + (sql == null ? "" : " [SQL: " + sql + "]");
        if (se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK) {
            DataException value = valueConstraintFailure(e, sql);
            if (value != null) return value;
        }
        if (se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER && e.getMessage() != null
                && e.getMessage().contains("FOREIGN KEY constraint failed")) {
            // SQLite enforces ON DELETE / ON UPDATE RESTRICT with a RAISE in a generated trigger program
            return new ForeignKeyViolationException(message, sql, "23503", e);
        }
        return switch (se.getResultCode()) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> new UniqueViolationException(message, sql, "23505", e);
            case SQLITE_CONSTRAINT_FOREIGNKEY -> new ForeignKeyViolationException(message, sql, "23503", e);
            case SQLITE_CONSTRAINT_NOTNULL -> new NotNullViolationException(message, sql, "23502", e);
            case SQLITE_CONSTRAINT_CHECK -> new CheckViolationException(message, sql, "23514", e);
            case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_COMMITHOOK, SQLITE_CONSTRAINT_DATATYPE, SQLITE_CONSTRAINT_FUNCTION,
                    SQLITE_CONSTRAINT_PINNED, SQLITE_CONSTRAINT_ROWID, SQLITE_CONSTRAINT_TRIGGER, SQLITE_CONSTRAINT_VTAB ->
                    new IntegrityConstraintViolationException(message, sql, "23000", e);
            case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED,
                    SQLITE_LOCKED_SHAREDCACHE -> new LockTimeoutException(message, sql, "55P03", e);
            // ---- transactions, logging and errors ----
            case SQLITE_BUSY_SNAPSHOT -> new SerializationFailureException(message, sql, "40001", e);
            case SQLITE_READONLY -> new ReadOnlyTransactionException(message, sql, "25006", e);
            case SQLITE_INTERRUPT -> new QueryTimeoutException(message, sql, "57014", e);
            default -> new DataAccessException(message, sql, e.getSQLState(), e);
        };
    }

    private static final java.util.regex.Pattern VALUE_CONSTRAINT = java.util.regex.Pattern.compile(
            "CHECK constraint failed: (" + SqliteDdlRenderer.RANGE + "|" + SqliteDdlRenderer.LENGTH + ")(.+?)\\)?$");

    private static DataException valueConstraintFailure(SQLException e, String sql) {
        java.util.regex.Matcher m = e.getMessage() == null ? null : VALUE_CONSTRAINT.matcher(e.getMessage());
        if (m == null || !m.find()) return null;
        boolean range = m.group(1).equals(SqliteDdlRenderer.RANGE);
        String message = "column " + m.group(2) + ": "
                + (range ? "a value out of the range of the column's type" : "a string longer than the column's length")
                + " (" + e.getMessage() + ")" + (sql == null ? "" : " [SQL: " + sql + "]");
        return new DataException(message, sql,
                range ? DataException.NUMERIC_VALUE_OUT_OF_RANGE : DataException.STRING_DATA_RIGHT_TRUNCATION, e);
    }

    // ---- transactions, logging and errors ----

    /**
     * SQLite has no SET TRANSACTION: every transaction is SERIALIZABLE between connections ("Isolation In
     * SQLite"), so a requested level needs no statement, except READ UNCOMMITTED, which turns on
     * {@code PRAGMA read_uncommitted} (effective only between connections that share a cache, see
     * {@link Isolation}); read-only is {@code PRAGMA query_only = 1}, under which a write fails with
     * SQLITE_READONLY. Both pragmas are connection state: {@link #endTransactionSql} resets them.
     */
    @Override
    public java.util.List<String> beginTransactionSql(Isolation isolation, boolean readOnly) {
        java.util.List<String> sql = new java.util.ArrayList<>(2);
        if (isolation == Isolation.READ_UNCOMMITTED) sql.add("PRAGMA read_uncommitted = 1");
        if (readOnly) sql.add("PRAGMA query_only = 1");
        return java.util.List.copyOf(sql);
    }

    /** Resets what {@link #beginTransactionSql} turned on: {@code PRAGMA query_only = 0}, {@code PRAGMA read_uncommitted = 0}. */
    @Override
    public java.util.List<String> endTransactionSql(Isolation isolation, boolean readOnly) {
        java.util.List<String> sql = new java.util.ArrayList<>(2);
        if (readOnly) sql.add("PRAGMA query_only = 0");
        if (isolation == Isolation.READ_UNCOMMITTED) sql.add("PRAGMA read_uncommitted = 0");
        return java.util.List.copyOf(sql);
    }

    @Override
    public String toString() { return "SqliteDialect"; }

    // ---- batching ----

    /**
     * Multi-row VALUES into a table with an AUTOINCREMENT column, a JDBC batch (one prepared statement run
     * once per row, in a transaction) into any other. SQLite updates {@code sqlite_sequence} at the end of
     * every INSERT statement into an AUTOINCREMENT table (SQLite manual, "SQLite Autoincrement": the keyword
     * "imposes extra CPU, memory, disk space, and disk I/O overhead"), which a batch pays once per row and
     * one multi-row statement once; without it the batch was the faster form in the JMH measurements
     * ({@code benchmarks/README.md}).
     *
     * @param table the table the rows go into
     * @return the form
     */
    @Override
    public dev.quarry.dsl.spi.InsertBatching insertBatching(dev.quarry.dsl.TableLike table) {
        for (dev.quarry.dsl.TableField<?> column : table.fields()) {
            if (column.isAutoIncrement()) return dev.quarry.dsl.spi.InsertBatching.MULTI_ROW_VALUES;
        }
        return dev.quarry.dsl.spi.InsertBatching.JDBC_BATCH;
    }
}
