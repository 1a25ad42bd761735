package dev.quarry.mysql;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.QueryTimeoutException;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.IdentifierLimit;
import dev.quarry.dsl.spi.PoolSettings;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.TypeBinding;
import dev.quarry.schema.DdlDialect;
import dev.quarry.schema.DdlRenderer;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The MySQL and MariaDB dialect, on MariaDB Connector/J 3 (which talks to both). It accepts URLs that
 * start with {@code jdbc:mariadb:} or {@code jdbc:mysql:}; the targets are MariaDB 10.6 and later and
 * MySQL 8.0.
 *
 * <p><b>One class, one instance per server.</b> Where the two products or their versions differ
 * (RETURNING, CHECK constraints, DDL details, vendor codes), an instance renders for one server.
 * {@code Database} calls {@link #forServer(DatabaseMetaData)} on its first connection, which returns
 * the instance for the product and version the server reports. Before that, and for rendering without
 * a database, use {@link #MARIADB} or {@link #MYSQL_8}, or {@link #of(String, String)} for a given
 * version. The instance {@link java.util.ServiceLoader} creates (the public constructor) assumes
 * MariaDB 10.6, like {@link #MARIADB}.
 *
 * <p><b>Connections.</b> A URL connected with {@code Database.connect} gets a HikariCP pool of 10 and
 * these driver properties (MariaDB Connector/J, "Optional URL Parameters"):
 * <ul>
 *   <li>{@code jdbcCompliantTruncation=true}: every session adds {@code STRICT_TRANS_TABLES} to its
 *       {@code sql_mode}, so a NULL for a NOT NULL column, a string that is too long or a number out of
 *       range fails instead of being stored changed with a warning, whatever the server's default mode;</li>
 *   <li>{@code connectionTimeZone=UTC} and {@code forceConnectionTimeZoneToSession=true}: every session
 *       runs with {@code time_zone = '+00:00'}, so {@code CURRENT_TIMESTAMP} is UTC (as on SQLite)
 *       whatever the server's zone; DATETIME values themselves are never converted (see the bindings);</li>
 *   <li>{@code returnMultiValuesGeneratedIds=true}: JDBC generated keys of a multi-row INSERT are all
 *       the ids, not only the first (used where INSERT ... RETURNING is missing, that is on MySQL). The
 *       driver computes them from the first id and {@code auto_increment_increment}, which is exact
 *       while one statement's ids are consecutive: always with {@code innodb_autoinc_lock_mode} 0 or 1,
 *       but with 2, MySQL 8's default, only without concurrent inserts into the same table (MySQL 8.0
 *       manual, 17.6.1.6 "AUTO_INCREMENT Handling in InnoDB"). MariaDB reads keys with RETURNING.</li>
 *   <li>{@code sessionVariables} ({@link #sessionVariables(boolean)}): {@code collation_connection} is the
 *       binary NO PAD collation, so that string literals and text made from other values
 *       ({@code CAST(x AS CHAR)}) compare by code point, as the tables' columns do; columns keep their
 *       own collation, which wins over the connection's (MySQL 8.0 manual, 12.8.4 "Collation
 *       Coercibility in Expressions"). It does not reach the parameters of server-side prepared
 *       statements on MariaDB 10.11, which take utf8mb4's default collation ({@code utf8mb4_general_ci}),
 *       so two bind values compared with each other ignore case there;</li>
 *   <li>{@code useBulkStmtsForInserts=true} (Connector/J 3.5's default, set so that it stays on): a JDBC
 *       batch of INSERTs goes to MariaDB as one {@code COM_STMT_BULK_EXECUTE}, which
 *       {@code Insert.execute()} uses for many rows on MariaDB ({@link #insertBatching}). MySQL servers
 *       lack the bulk command, and get multi-row VALUES instead.</li>
 * </ul>
 * A {@code jdbc:mysql:} URL gets {@code permitMysqlScheme} added, without which Connector/J 3 refuses
 * it. If MySQL's own Connector/J is on the class path as well, the JDBC DriverManager may pick either
 * driver for {@code jdbc:mysql:}; use {@code jdbc:mariadb:} to be sure. A {@link javax.sql.DataSource}
 * given to {@code Database.connect(dataSource)} is used as it is, without these properties.
 *
 * <p><b>Errors</b> are translated by vendor code ({@link java.sql.SQLException#getErrorCode()};
 * MariaDB "Error Codes" and MySQL 8.0 "Server Error Message Reference"), carrying the SQLState the driver
 * reports: 23000 for integrity violations (but HY000 for a NOT NULL column left out, 1364, and for
 * MySQL's CHECK violation, 3819), 40001 for a deadlock, HY000 for a lock wait timeout. See
 * {@link #translate}.
 */
public final class MysqlDialect implements Dialect, DdlDialect {
    /** A MariaDB 10.6 server: INSERT and DELETE ... RETURNING, enforced CHECK constraints. */
    public static final MysqlDialect MARIADB = new MysqlDialect(new ServerVersion(true, 10, 6, 0), false);

    /** A MySQL 8.0.16 (or later 8.x) server: no RETURNING at all, enforced CHECK constraints, expression defaults. */
    public static final MysqlDialect MYSQL_8 = new MysqlDialect(new ServerVersion(false, 8, 0, 16), false);

    private static final Pattern PERMIT_MYSQL_SCHEME = Pattern.compile("[?&;]permitMysqlScheme([=&;]|$)");

    private static final Map<String, String> DRIVER_PROPERTIES = Map.of(
            "jdbcCompliantTruncation", "true",
            "connectionTimeZone", "UTC",
            "forceConnectionTimeZoneToSession", "true",
            "returnMultiValuesGeneratedIds", "true",
            // server-side prepared statements, cached per connection
            "useServerPrepStmts", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "256",
            // many-row inserts through the bulk protocol
            "useBulkStmtsForInserts", "true");

    /**
     * The connection collation: the binary NO PAD utf8mb4 collation the server has, chosen on the server
     * since the pool's properties are fixed before the product is known: {@code utf8mb4_nopad_bin}
     * (MariaDB), else {@code utf8mb4_0900_bin} (MySQL 8.0.17+), else {@code utf8mb4_bin}. Written without
     * commas, which Connector/J takes as separators between variables.
     */
    static final String CONNECTION_COLLATION = "collation_connection=(SELECT CASE WHEN MAX(COLLATION_NAME) IS NULL"
            + " THEN 'utf8mb4_bin' ELSE MAX(COLLATION_NAME) END FROM information_schema.COLLATIONS"
            + " WHERE COLLATION_NAME = 'utf8mb4_nopad_bin' OR COLLATION_NAME = 'utf8mb4_0900_bin')";

    /**
     * The value of Connector/J's {@code sessionVariables} option, the one place where the session
     * variables of pooled connections are listed: {@code name=value} assignments joined by commas, which
     * the driver sends as one {@code SET} right after connecting (MariaDB Connector/J, "Optional URL
     * Parameters", sessionVariables). A value must hold no comma or semicolon outside quotes, and no
     * backslash. {@link #CONNECTION_COLLATION} on every server, and {@code innodb_snapshot_isolation=ON}
     * where the server has that variable ({@link #poolSettings}).
     *
     * @param snapshotIsolation whether to turn on {@code innodb_snapshot_isolation}
     * @return the option's value
     */
    static String sessionVariables(boolean snapshotIsolation) {
        return snapshotIsolation ? CONNECTION_COLLATION + ",innodb_snapshot_isolation=ON" : CONNECTION_COLLATION;
    }

    private final ServerVersion server;
    private final boolean pinned;
    private final MysqlRenderer renderer;
    private final MysqlDdlRenderer ddl;
    private final ServerVersion connected;

    /**
     * For {@link java.util.ServiceLoader}: a dialect for MariaDB 10.6, as {@link #MARIADB}, until
     * {@link #forServer} adapts it to the server.
     */
    public MysqlDialect() {
        this(MARIADB.server, false);
    }

    private MysqlDialect(ServerVersion server, boolean pinned) {
        this(server, pinned, server);
    }

    /**
     * @param server the product and version to render for
     * @param pinned whether {@link #forServer} keeps it
     * @param connected the server the tables are created on, whose collation they get (only a pinned
     *                  dialect has one different from {@code server})
     */
    private MysqlDialect(ServerVersion server, boolean pinned, ServerVersion connected) {
        this.server = server;
        this.pinned = pinned;
        this.connected = connected;
        this.renderer = new MysqlRenderer(name(server), server);
        this.ddl = new MysqlDdlRenderer(name(server), server, connected.binaryCollation());
    }

    private static String name(ServerVersion server) {
        return server.mariaDb() ? "mariadb" : "mysql";
    }

    /**
     * The dialect for a server given by what its JDBC metadata reports.
     *
     * @param productName {@link DatabaseMetaData#getDatabaseProductName()}, such as {@code MariaDB} or
     *                    {@code MySQL}; may be null (then the version text decides)
     * @param productVersion {@link DatabaseMetaData#getDatabaseProductVersion()}, such as
     *                       {@code 10.11.19-MariaDB-0+deb12u1} or {@code 8.0.36}; never null
     * @return the dialect; MariaDB when either text names MariaDB, else MySQL
     * @throws IllegalArgumentException if the version text holds no {@code major.minor} version
     */
    public static MysqlDialect of(String productName, String productVersion) {
        return new MysqlDialect(ServerVersion.parse(productName, productVersion), false);
    }

    /**
     * A dialect that keeps rendering for its own product and version whatever server it is connected
     * to: for tests that run MySQL's SQL on a MariaDB server, which accepts it. One thing follows the
     * connected server: the tables' collation ({@link ServerVersion#binaryCollation()}), since MariaDB
     * has no {@code utf8mb4_0900_bin}.
     */
    MysqlDialect pinned() {
        return new MysqlDialect(server, true);
    }

    /**
     * Reads the server's product and version from the metadata.
     *
     * @param metaData metadata of a connection to the server
     * @return the dialect for that server
     * @throws SQLException if the metadata cannot be read
     * @throws IllegalArgumentException if the server reports no readable version
     */
    @Override
    public Dialect forServer(DatabaseMetaData metaData) throws SQLException {
        if (pinned) {
            ServerVersion actual = ServerVersion.parse(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
            return new MysqlDialect(server, true, actual);
        }
        return of(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
    }

    /** @return true when this instance renders for MariaDB, false for MySQL */
    public boolean isMariaDb() { return server.mariaDb(); }

    /** @return the server version this instance renders for, {@code major.minor.patch} */
    public String serverVersion() { return server.version(); }

    /** @return {@code mariadb} or {@code mysql}, after the product this instance renders for */
    @Override
    public String name() { return name(server); }

    /**
     * @param jdbcUrl a JDBC URL, may be null
     * @return whether it starts with {@code jdbc:mariadb:} or {@code jdbc:mysql:}
     */
    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:"));
    }

    /**
     * Adds {@code permitMysqlScheme} to a {@code jdbc:mysql:} URL that lacks it (MariaDB Connector/J 3,
     * "jdbc:mysql scheme compatibility"); other URLs are returned unchanged.
     *
     * @param jdbcUrl the URL given to {@code Database.connect}
     * @return the URL for the driver
     */
    @Override
    public String driverUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:mysql:") || PERMIT_MYSQL_SCHEME.matcher(jdbcUrl).find()) return jdbcUrl;
        return jdbcUrl + (jdbcUrl.indexOf('?') < 0 ? "?" : "&") + "permitMysqlScheme";
    }

    @Override
    public Renderer renderer() { return renderer; }

    /**
     * @throws dev.quarry.dsl.UnsupportedDialectFeatureException for ARRAY types
     */
    @Override
    public <T> TypeBinding<T> binding(DataType<T> type) {
        return MysqlBindings.of(type, name());
    }

    /** @return 65,535, the most placeholders a prepared statement may have (MySQL client/server protocol, COM_STMT_PREPARE) */
    @Override
    public int maxBindParameters() { return 65_535; }

    /**
     * @return 64 characters, the most a database, table, column, index or constraint name may have on
     *         both products (MySQL 8.0 manual 11.2.1 "Identifier Length Limits"; MariaDB "Identifier
     *         Names"); the servers refuse longer ones. Aliases, which the servers allow up to 256
     *         characters, are held to the same 64, one rule for every name Quarry sends
     */
    @Override
    public IdentifierLimit identifierLimit() { return IDENTIFIER_LIMIT; }

    private static final IdentifierLimit IDENTIFIER_LIMIT = IdentifierLimit.characters(64,
            "MySQL 8.0 manual 11.2.1 \"Identifier Length Limits\", MariaDB \"Identifier Names\"");

    /** @return true on MariaDB 10.5 and later; MySQL has no RETURNING, so keys come from JDBC's generated keys */
    @Override
    public boolean supportsInsertReturning() { return server.insertReturning(); }

    /**
     * Statement preparation (MariaDB Connector/J 3 "Optional URL parameters"): Quarry sets
     * {@code useServerPrepStmts=true} (Connector/J 3's default is false, client-side substitution into a
     * text query) with {@code cachePrepStmts=true} and {@code prepStmtCacheSize=256}: each pooled
     * connection prepares a statement's SQL once on the server (binary protocol) and reuses it for every
     * later execution of the same SQL, which Quarry's compiled-SQL cache and IN-list padding make the
     * same text for the same statement shape.
     *
     * @param jdbcUrl the URL
     * @return a pool of 10 with the driver properties described in the class comment and above
     */
    @Override
    public PoolSettings poolSettings(String jdbcUrl) {
        return serverPoolSettings(jdbcUrl);
    }

    /**
     * On a MariaDB server that has {@code innodb_snapshot_isolation} ({@link ServerVersion#snapshotIsolation}),
     * every pooled session also gets {@code innodb_snapshot_isolation=ON} through Connector/J's
     * {@code sessionVariables}. Without it, REPEATABLE READ (MariaDB's default level) and SERIALIZABLE
     * transactions that read a row and then update it lose a concurrent committed update without any error;
     * with it, the second writer fails with error 1020 ("Record has changed since last read"), a
     * {@link SerializationFailureException} that transaction blocks retry. The variable changes nothing at
     * READ COMMITTED and for statements in auto-commit mode, which read no older snapshot. On other servers
     * (MySQL, older MariaDB) this returns the plain settings; the README says what that means.
     *
     * @param jdbcUrl the URL
     * @return a pool of 10 with the driver properties described above and in the class comment
     */
    private PoolSettings serverPoolSettings(String jdbcUrl) {
        java.util.Map<String, String> properties = new java.util.HashMap<>(DRIVER_PROPERTIES);
        properties.put("sessionVariables", sessionVariables(server.snapshotIsolation()));
        return new PoolSettings(10, false, properties);
    }

    /**
     * The driver's socket timeout and connect timeout, in milliseconds (MariaDB Connector/J 3,
     * "Optional URL parameters": {@code socketTimeout}, {@code connectTimeout}, which covers the TCP connect
     * and the handshake).
     *
     * @param socketTimeout the longest wait for one answer; zero for none
     * @param connectTimeout the longest time to connect and log in
     * @return {@code socketTimeout} and {@code connectTimeout}
     */
    @Override
    public java.util.Map<String, String> networkTimeoutProperties(java.time.Duration socketTimeout, java.time.Duration connectTimeout) {
        return java.util.Map.of("socketTimeout", Long.toString(socketTimeout.toMillis()),
                "connectTimeout", Long.toString(connectTimeout.toMillis()));
    }

    /**
     * Replaces the values MariaDB and MySQL quote in their messages ({@code Duplicate entry '...' for key},
     * {@code Incorrect integer value: '...' for column}, {@code Truncated incorrect DOUBLE value: '...'},
     * {@code Incorrect string value: '...'}) with {@code ***}; key, column and constraint names stay.
     *
     * @param message a message
     * @return the message with the quoted values hidden
     */
    @Override
    public String redactValues(String message) {
        String out = DUPLICATE_ENTRY.matcher(message).replaceAll("$1'***'");
        return INCORRECT_VALUE.matcher(out).replaceAll("$1'***'");
    }

    /** {@code Duplicate entry '<value>' for key}; greedy, since the value may itself hold quotes. */
    private static final Pattern DUPLICATE_ENTRY = Pattern.compile("([Dd]uplicate entry )'.*'(?= for key)", Pattern.DOTALL);

    /** {@code ... value: '<value>' for column}, {@code ... at row}, or at the end of the server's message. */
    private static final Pattern INCORRECT_VALUE = Pattern.compile(
            "([Vv]alue: )'.*'(?= for column| for function| at row| \\[SQL: |$)", Pattern.DOTALL);

    /**
     * InnoDB checks foreign keys at once and cannot defer them (MySQL 8.0 manual, 15.1.20.5, "Foreign
     * Key Checks"), so this turns them off for the session: {@code SET FOREIGN_KEY_CHECKS = 0}. Rows
     * written meanwhile are not checked at all, not even at commit; {@link #restoreForeignKeyChecks}
     * turns the checks on again when the transaction ends.
     *
     * @param connection the transaction's connection
     * @throws SQLException if the server refuses
     */
    @Override
    public void deferForeignKeyChecks(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
        }
    }

    /**
     * {@code SET FOREIGN_KEY_CHECKS = 1}: the pooled session checks foreign keys again.
     *
     * @param connection the connection, after commit or rollback
     * @throws SQLException if the server refuses
     */
    @Override
    public void restoreForeignKeyChecks(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    @Override
    public DdlRenderer ddl() { return ddl; }

    /**
     * Translates by vendor error code, keeping the driver's SQLState:
     * <ul>
     *   <li>1062 (ER_DUP_ENTRY), 1586, 1022: {@link UniqueViolationException};</li>
     *   <li>1451, 1452 (ER_ROW_IS_REFERENCED_2, ER_NO_REFERENCED_ROW_2), 1216, 1217:
     *       {@link ForeignKeyViolationException};</li>
     *   <li>1048 (ER_BAD_NULL_ERROR), 1364 (ER_NO_DEFAULT_FOR_FIELD: a NOT NULL column without default
     *       left out), 1263: {@link NotNullViolationException};</li>
     *   <li>4025 on MariaDB (ER_CONSTRAINT_FAILED), 3819 on MySQL (ER_CHECK_CONSTRAINT_VIOLATED):
     *       {@link CheckViolationException};</li>
     *   <li>1213 (ER_LOCK_DEADLOCK, SQLState 40001): {@link DeadlockException}, not a serialization
     *       failure, although InnoDB reports a SERIALIZABLE conflict this way too;</li>
     *   <li>1205 (ER_LOCK_WAIT_TIMEOUT), and 3572 on MySQL (ER_LOCK_NOWAIT): {@link LockTimeoutException};
     *       InnoDB then rolls back only the statement, not the transaction;</li>
     *   <li>1020 (ER_CHECKREAD, "Record has changed since last read"), which MariaDB raises for a
     *       write-write conflict under {@code innodb_snapshot_isolation} (10.6.18+, on by default from
     *       11.6.2): {@link SerializationFailureException}. MySQL reports no serialization failure of
     *       its own.</li>
     *   <li>1317 (ER_QUERY_INTERRUPTED: a statement cancelled by {@code KILL QUERY}, which is how Connector/J
     *       cancels), 1969 (MariaDB's {@code max_statement_time} exceeded), 3024 (MySQL's
     *       {@code max_execution_time} exceeded): {@link QueryTimeoutException}.</li>
     *   <li>1264 (ER_WARN_DATA_OUT_OF_RANGE, "Out of range value for column") and 1690
     *       (ER_DATA_OUT_OF_RANGE, an overflow in an expression): {@link DataException} 22003; 1406
     *       (ER_DATA_TOO_LONG): 22001; 1292 (ER_TRUNCATED_WRONG_VALUE, "Incorrect date value") and 1366
     *       (ER_TRUNCATED_WRONG_VALUE_FOR_FIELD): 22007; 1441 (ER_DATETIME_FUNCTION_OVERFLOW): 22008. The
     *       driver's SQLState is kept where it is of class 22; strict mode
     *       ({@code STRICT_TRANS_TABLES}, set on every pooled session) makes these errors, not warnings.</li>
     * </ul>
     * Anything else falls back to {@link Dialect#translate}, by SQLState.
     */
    @Override
    public DataAccessException translate(SQLException e, String sql) {
        String state = e.getSQLState();
        String message = e.getMessage() + (sql == null ? "" : " [SQL: " + sql + "]");
        int code = e.getErrorCode();
        switch (code) {
            case 1062, 1586, 1022:
                return new UniqueViolationException(message, sql, state, e);
            case 1451, 1452, 1216, 1217:
                return new ForeignKeyViolationException(message, sql, state, e);
            case 1048, 1364, 1263:
                return new NotNullViolationException(message, sql, state, e);
            case 1213:
                return new DeadlockException(message, sql, state, e);
            case 1205:
                return new LockTimeoutException(message, sql, state, e);
            case 1020:
                return new SerializationFailureException(message, sql, state, e);
            case 1317, 1969, 3024:
                return new QueryTimeoutException(message, sql, state, e);
            case 1264, 1690:
                return new DataException(message, sql, dataState(state, DataException.NUMERIC_VALUE_OUT_OF_RANGE), e);
            case 1406:
                return new DataException(message, sql, dataState(state, DataException.STRING_DATA_RIGHT_TRUNCATION), e);
            case 1292, 1366:
                return new DataException(message, sql, dataState(state, DataException.INVALID_DATETIME_FORMAT), e);
            case 1441:
                return new DataException(message, sql, dataState(state, DataException.DATETIME_FIELD_OVERFLOW), e);
            default:
                break;
        }
        if (server.mariaDb() ? code == 4025 : code == 3819) return new CheckViolationException(message, sql, state, e);
        if (!server.mariaDb() && code == 3572) return new LockTimeoutException(message, sql, state, e);
        return Dialect.super.translate(e, sql);
    }

    /** @return the driver's SQLState when it is of class 22, else the standard one for the vendor code */
    private static String dataState(String driverState, String standard) {
        return driverState != null && driverState.startsWith("22") ? driverState : standard;
    }

    @Override
    public String toString() {
        return "MysqlDialect[" + server + (pinned ? ", pinned" + (connected.equals(server) ? "" : " on " + connected) : "") + "]";
    }

    // ---- streaming and batching ----

    /**
     * @param table the table, whatever it is
     * @return {@link dev.quarry.dsl.spi.InsertBatching#JDBC_BATCH} on MariaDB, whose bulk protocol (Connector/J
     *         {@code useBulkStmtsForInserts}) inserted 10,000 rows faster than one multi-row VALUES
     *         statement in the JMH measurements ({@code benchmarks/README.md}); {@link dev.quarry.dsl.spi.InsertBatching#MULTI_ROW_VALUES}
     *         on MySQL, which has no bulk command (Connector/J would send the batch's statements one by one)
     */
    @Override
    public dev.quarry.dsl.spi.InsertBatching insertBatching(dev.quarry.dsl.TableLike table) {
        return server.mariaDb() ? dev.quarry.dsl.spi.InsertBatching.JDBC_BATCH : dev.quarry.dsl.spi.InsertBatching.MULTI_ROW_VALUES;
    }
}
