package dev.quarry.postgres;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.IdentifierLimit;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.TypeBinding;
import dev.quarry.schema.DdlDialect;
import dev.quarry.schema.DdlRenderer;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL dialect (PostgreSQL 10 or later, PostgreSQL JDBC driver 42.x). Accepts URLs that start
 * with {@code jdbc:postgresql:}.
 *
 * <ul>
 *   <li>SQL: the SPI's defaults, which follow PostgreSQL, with {@code LOCALTIMESTAMP} for the current
 *       timestamp; INSERT/UPDATE/DELETE ... RETURNING, and generated keys are read with RETURNING.</li>
 *   <li>Types: native {@code boolean}, {@code numeric(p, s)}, {@code timestamp(6)} and
 *       {@code timestamptz} through {@code java.time} (JDBC 4.2), {@code uuid}, {@code bytea},
 *       {@code json}/{@code jsonb} and arrays; see {@link PostgresBindings}. A {@code CHAR(n)} value is
 *       read back blank-padded to n characters, as PostgreSQL stores it ({@code "ab"} in a
 *       {@code CHAR(3)} reads {@code "ab "}; PostgreSQL manual, "Character Types").
 *       {@code timestamptz} values read back at offset UTC: the instant is kept, the offset given is
 *       not.</li>
 *   <li>DDL: identity columns, deferrable foreign keys, {@code DROP ... CASCADE}; see
 *       {@link PostgresDdlRenderer}.</li>
 *   <li>Errors: the server's SQLState (PostgreSQL manual, appendix A) through
 *       {@link Dialect#translate}'s table, taken from the failing entry of a
 *       {@link BatchUpdateException} and from the driver's exception under a wrapper without
 *       SQLState.</li>
 *   <li>At most 65,535 bind parameters per statement (the protocol's 16-bit parameter count, which
 *       pgjdbc reads as unsigned).</li>
 *   <li>Connections get {@code reWriteBatchedInserts=true} (pgjdbc: a JDBC batch of one-row INSERTs is
 *       sent as multi-row INSERTs), which {@code Insert.execute()} uses for many rows; a lazy cursor
 *       reads through a portal inside a transaction (see {@link #cursorNeedsTransaction()}).</li>
 * </ul>
 */
public final class PostgresDialect implements Dialect, DdlDialect {
    /** The shared instance, also registered for {@link java.util.ServiceLoader}. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    /** The URL prefix this dialect accepts. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    private static final Renderer RENDERER = new PostgresRenderer();

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE}. */
    public PostgresDialect() {}

    @Override
    public String name() { return "postgresql"; }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(URL_PREFIX);
    }

    /**
     * Refuses servers before PostgreSQL 10, which lack identity columns.
     *
     * @throws UnsupportedDialectFeatureException for PostgreSQL 9.x and older
     */
    @Override
    public Dialect forServer(DatabaseMetaData metaData) throws SQLException {
        int major = metaData.getDatabaseMajorVersion();
        if (major < 10) {
            throw new UnsupportedDialectFeatureException(name(), "PostgreSQL " + metaData.getDatabaseProductVersion()
                    + " (identity columns need PostgreSQL 10 or later)");
        }
        return this;
    }

    @Override
    public Renderer renderer() { return RENDERER; }

    @Override
    public <T> TypeBinding<T> binding(DataType<T> type) {
        return PostgresBindings.of(type);
    }

    /**
     * @return 65,535: the frontend/backend protocol counts a statement's parameters in 16 bits (Bind
     *         message, PostgreSQL manual "Message Formats"), and pgjdbc reads the count as unsigned
     */
    @Override
    public int maxBindParameters() { return 65_535; }

    /**
     * @return 63 bytes of UTF-8: {@code NAMEDATALEN} - 1, the most an identifier keeps; PostgreSQL cuts a
     *         longer one with only a NOTICE (PostgreSQL manual 4.1.1 "Identifiers and Key Words"). Counted
     *         in UTF-8, the encoding of Quarry's databases (the server counts bytes of its own encoding)
     */
    @Override
    public IdentifierLimit identifierLimit() { return IDENTIFIER_LIMIT; }

    private static final IdentifierLimit IDENTIFIER_LIMIT = IdentifierLimit.utf8Bytes(63,
            "NAMEDATALEN - 1; PostgreSQL cuts longer names with only a NOTICE, PostgreSQL manual 4.1.1 \"Identifiers and Key Words\"");

    @Override
    public boolean supportsInsertReturning() { return true; }

    /**
     * Runs {@code SET CONSTRAINTS ALL DEFERRED}, which lasts until the transaction ends and applies to
     * the foreign keys Quarry declares, all {@code DEFERRABLE} (a constraint declared elsewhere without
     * DEFERRABLE stays immediate).
     */
    @Override
    public void deferForeignKeyChecks(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET CONSTRAINTS ALL DEFERRED");
        }
    }

    @Override
    public DdlRenderer ddl() { return PostgresDdlRenderer.INSTANCE; }

    /**
     * Translates by SQLState with {@link Dialect#translate}'s table (23505 unique, 23503 foreign key,
     * 23502 not null, 23514 check, other 23xxx integrity, 40001 serialization failure, 40P01 deadlock,
     * 55P03 lock not available), after finding the server's error: the next exception of a
     * {@link BatchUpdateException} (the failing batch entry), or the cause of a wrapper that carries no
     * SQLState. The wrapper is kept as a suppressed exception.
     */
    @Override
    public DataAccessException translate(SQLException e, String sql) {
        SQLException server = serverError(e);
        DataAccessException translated = Dialect.super.translate(server, sql);
        if (server != e) translated.addSuppressed(e);
        return translated;
    }

    static SQLException serverError(SQLException e) {
        SQLException s = e;
        if (s instanceof BatchUpdateException && s.getNextException() != null) s = s.getNextException();
        for (int depth = 0; depth < 8 && s.getSQLState() == null; depth++) {
            if (s.getCause() instanceof SQLException cause && cause != s) s = cause;
            else if (s.getNextException() != null && s.getNextException() != s) s = s.getNextException();
            else break;
        }
        return s;
    }

    /**
     * Replaces the values PostgreSQL repeats in its messages with {@code ***}: the key of
     * {@code Detail: Key (token)=(...) already exists} (and of the foreign-key and exclusion details), the
     * row of {@code Detail: Failing row contains (...)}, and the input of
     * {@code invalid input syntax for type integer: "..."}, {@code value "..." is out of range} and
     * {@code ... out of range: "..."} (PostgreSQL manual, Appendix A and the messages of
     * {@code src/backend/utils/adt}). Column, constraint and table names stay.
     *
     * @param message a message
     * @return the message with the values hidden
     */
    @Override
    public String redactValues(String message) {
        String out = message;
        for (java.util.regex.Pattern p : VALUE_PATTERNS) out = p.matcher(out).replaceAll("$1***$2");
        return out;
    }

    /** Each pattern keeps group 1 (the text before the value) and group 2 (its closing quote or parenthesis). */
    private static final java.util.List<java.util.regex.Pattern> VALUE_PATTERNS = java.util.List.of(
            java.util.regex.Pattern.compile("((?:Key|key) \\([^)]*\\)=\\().*(\\))(?= already exists| is not present| is still referenced| conflicts with|\\.)",
                    java.util.regex.Pattern.DOTALL),
            java.util.regex.Pattern.compile("(Failing row contains \\().*(\\))(?=\\.)", java.util.regex.Pattern.DOTALL),
            java.util.regex.Pattern.compile("((?:invalid input syntax for|invalid input value for)[^:\\n]*: \")[^\\n]*(\")"),
            java.util.regex.Pattern.compile("(value \")[^\\n]*(\")(?= is out of range)"),
            java.util.regex.Pattern.compile("(out of range: \")[^\\n]*(\")"));

    /**
     * pgjdbc's timeouts, in whole seconds, rounded up (pgjdbc "Connection Parameters"):
     * {@code socketTimeout} for every read, {@code connectTimeout} for the TCP connect and
     * {@code loginTimeout} for connecting and authenticating.
     *
     * @param socketTimeout the longest wait for one answer; zero for none
     * @param connectTimeout the longest time to connect and log in
     * @return the three properties
     */
    @Override
    public java.util.Map<String, String> networkTimeoutProperties(java.time.Duration socketTimeout, java.time.Duration connectTimeout) {
        return java.util.Map.of("socketTimeout", seconds(socketTimeout), "connectTimeout", seconds(connectTimeout),
                "loginTimeout", seconds(connectTimeout));
    }

    private static String seconds(java.time.Duration d) {
        return Long.toString((d.toMillis() + 999) / 1000);
    }

    @Override
    public String toString() { return "PostgresDialect"; }

    // ---- statement preparation ----

    /**
     * pgjdbc's statement preparation, set explicitly (pgjdbc documentation, "Server Prepared
     * Statements"): {@code prepareThreshold=5}, so the fifth execution of the same SQL on a connection
     * switches to a named server-side prepared statement, parsed and planned once;
     * {@code preparedStatementCacheQueries=256} and {@code preparedStatementCacheSizeMiB=5}, the
     * per-connection cache that keeps those statements across {@code PreparedStatement} objects. Quarry's
     * compiled-SQL cache and IN-list padding make the same statement shape produce the same SQL text,
     * which is what this cache is keyed by. Batching: {@code reWriteBatchedInserts=true}
     * (pgjdbc "Connection Parameters": a batch of INSERTs is rewritten into multi-row INSERTs of up to
     * 128 rows). Ten pooled connections.
     *
     * @param jdbcUrl the URL (settings in it win over these, as pgjdbc reads URL parameters last)
     * @return the pool settings
     */
    @Override
    public dev.quarry.dsl.spi.PoolSettings poolSettings(String jdbcUrl) {
        return new dev.quarry.dsl.spi.PoolSettings(10, false, java.util.Map.of(
                "prepareThreshold", "5",
                "preparedStatementCacheQueries", "256",
                "preparedStatementCacheSizeMiB", "5",
                "reWriteBatchedInserts", "true"));
    }

    // ---- streaming and batching ----

    /**
     * @return true: pgjdbc reads a result a fetch size at a time (through a named portal) only with
     *         auto-commit off (pgjdbc documentation, "Getting results based on a cursor"); otherwise it
     *         reads every row into memory before {@code executeQuery} returns
     */
    @Override
    public boolean cursorNeedsTransaction() { return true; }

    /**
     * @param table the table, whatever it is
     * @return {@link dev.quarry.dsl.spi.InsertBatching#JDBC_BATCH}: with {@code reWriteBatchedInserts} (set by
     *         {@link #poolSettings}) a batch of 10,000 one-row INSERTs and one 10,000-row VALUES statement
     *         took the same time within the noise of the JMH measurements ({@code benchmarks/README.md}); pgjdbc
     *         rewrites a batch into statements of 128 rows and smaller powers of two, a handful of texts that
     *         the server and pgjdbc's statement cache prepare once, where every row count would be another
     *         VALUES text of up to 65,535 parameters
     */
    @Override
    public dev.quarry.dsl.spi.InsertBatching insertBatching(dev.quarry.dsl.TableLike table) { return dev.quarry.dsl.spi.InsertBatching.JDBC_BATCH; }
}
