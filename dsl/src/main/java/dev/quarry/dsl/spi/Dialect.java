package dev.quarry.dsl.spi;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.IntegrityConstraintViolationException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.QueryTimeoutException;
import dev.quarry.dsl.ReadOnlyTransactionException;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.dsl.UnsupportedDialectFeatureException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One SQL dialect: how statements are rendered, how values travel through JDBC, how errors are
 * translated, and which JDBC URLs it accepts. Implementations are immutable singletons, registered for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.quarry.dsl.spi.Dialect}.
 * Several dialects on the class path are normal; {@code Database.connect} picks the first whose
 * {@link #acceptsUrl} is true, and an explicitly given dialect always wins.
 */
public interface Dialect {
    /** @return a short lower-case name such as {@code sqlite}, used in messages */
    String name();

    /**
     * @param jdbcUrl a JDBC URL
     * @return whether this dialect talks to the database behind the URL (by its prefix)
     */
    boolean acceptsUrl(String jdbcUrl);

    /**
     * Adapts the dialect to the server behind a first connection, for dialects whose SQL depends on
     * the server's product or version (MariaDB or MySQL, and which version). {@code Database} calls it
     * once when it connects. Default: this dialect unchanged.
     *
     * @param metaData the metadata of a connection to the server
     * @return the dialect to use with this server; never null
     * @throws SQLException if the metadata cannot be read
     */
    default Dialect forServer(java.sql.DatabaseMetaData metaData) throws SQLException {
        return this;
    }

    /** @return the renderer of this dialect; stateless and shared */
    Renderer renderer();

    /**
     * @param type a data type
     * @param <T> its Java type
     * @return how values of the type are bound and read on this dialect
     */
    <T> TypeBinding<T> binding(DataType<T> type);

    /**
     * The largest number of bind parameters one statement may carry. Multi-row INSERTs are chunked under
     * it; any other statement with more is refused when it is rendered, before it is sent, with a
     * {@link dev.quarry.dsl.StatementTooLargeException} ({@link SqlBuilder#toRendered()}), and so is an IN
     * list longer than this that the renderer does not bind as one array ({@link Renderer#inListArrayType}).
     * Default: 32,767.
     *
     * @return at least 1
     */
    default int maxBindParameters() { return 32_767; }

    /**
     * The longest name this database keeps as given. Quarry refuses a longer table, column, index,
     * constraint or alias name before sending anything: in DDL ({@code Ddl.createStatements}, with a
     * message naming the table and the column, index or constraint) and whenever a statement is rendered
     * ({@link SqlBuilder#identifier}). PostgreSQL: 63 bytes ({@code NAMEDATALEN} - 1; PostgreSQL manual
     * 4.1.1 "Identifiers and Key Words": longer names are truncated, with only a NOTICE). MySQL and
     * MariaDB: 64 characters (MySQL 8.0 manual 11.2.1 "Identifier Length Limits"; MariaDB "Identifier
     * Names"; longer names are refused). Default: {@link IdentifierLimit#NONE}, as on SQLite.
     *
     * @return the limit; never null
     */
    default IdentifierLimit identifierLimit() { return IdentifierLimit.NONE; }

    /**
     * Whether {@code INSERT ... RETURNING} is available, which Quarry then uses to read generated keys.
     *
     * @return true if supported
     */
    default boolean supportsInsertReturning() { return false; }

    /**
     * The URL the connection pool hands to the JDBC driver for a URL this dialect accepts, for drivers
     * that need something added to it. Default: the URL unchanged. (MariaDB Connector/J 3 accepts a
     * {@code jdbc:mysql:} URL only when the URL text itself contains {@code permitMysqlScheme}; a driver
     * property does not suffice, since {@code Driver.acceptsURL} sees only the URL.)
     *
     * @param jdbcUrl the URL given to {@code Database.connect}; never null
     * @return the URL for the driver; never null
     */
    default String driverUrl(String jdbcUrl) { return jdbcUrl; }

    /**
     * @param jdbcUrl the URL being connected to
     * @return the pool settings this dialect needs for it
     */
    default PoolSettings poolSettings(String jdbcUrl) { return PoolSettings.defaults(); }

    /**
     * Defers foreign-key checks to the commit of the current transaction on this connection, so that
     * rows with mutual references (such as Sakila's store and staff) can be inserted.
     *
     * @param connection a connection inside a transaction (auto-commit off)
     * @throws SQLException if the server refuses
     * @throws UnsupportedDialectFeatureException if the dialect cannot defer checks
     */
    default void deferForeignKeyChecks(Connection connection) throws SQLException {
        throw new UnsupportedDialectFeatureException(name(), "deferred foreign key checks");
    }

    /**
     * Undoes {@link #deferForeignKeyChecks} when the transaction has ended (committed or rolled back),
     * for dialects whose deferral is a session setting that would otherwise stay on the pooled
     * connection (MySQL's {@code FOREIGN_KEY_CHECKS}). Default: nothing, since SQLite's and
     * PostgreSQL's deferral ends with the transaction.
     *
     * @param connection the connection, after commit or rollback
     * @throws SQLException if the server refuses
     */
    default void restoreForeignKeyChecks(Connection connection) throws SQLException {
        // deferral ends with the transaction
    }

    /**
     * Translates a driver exception into Quarry's hierarchy. The default reads the SQLState classes of
     * SQL:2016 section 24.1 (22xxx data exception: {@link DataException}; 23xxx integrity constraint
     * violation; 40001 serialization failure) and the PostgreSQL codes 40P01 (deadlock), 55P03 (lock not
     * available), 25006 (a write in a read-only transaction) and 57014 (query canceled, as by
     * {@code statement_timeout}); dialects add vendor codes.
     *
     * @param e the driver's exception
     * @param sql the SQL that failed, or null
     * @return the exception to throw; never null
     */
    default DataAccessException translate(SQLException e, String sql) {
        String state = e.getSQLState();
        String message = e.getMessage() + (sql == null ? "" : " [SQL: " + sql + "]");
        if (state == null) return new DataAccessException(message, sql, null, e);
        return switch (state) {
            case "23505" -> new UniqueViolationException(message, sql, state, e);
            case "23503" -> new ForeignKeyViolationException(message, sql, state, e);
            case "23502" -> new NotNullViolationException(message, sql, state, e);
            case "23514" -> new CheckViolationException(message, sql, state, e);
            case "40001" -> new SerializationFailureException(message, sql, state, e);
            case "40P01" -> new DeadlockException(message, sql, state, e);
            case "55P03" -> new LockTimeoutException(message, sql, state, e);
            case "25006" -> new ReadOnlyTransactionException(message, sql, state, e);
            case "57014" -> new QueryTimeoutException(message, sql, state, e);
            default -> state.startsWith("23") ? new IntegrityConstraintViolationException(message, sql, state, e)
                    : state.startsWith("22") ? new DataException(message, sql, state, e)
                    : new DataAccessException(message, sql, state, e);
        };
    }

    /**
     * Hides the values a server message quotes, for a database that declares sensitive columns
     * ({@code Database.Builder.sensitiveColumns}): every value the message repeats from a row or a
     * statement (a duplicate key, a failing row, an invalid input) is replaced by {@code ***}, while
     * constraint, table and column names stay. Quarry applies it to the message of every exception such a
     * database throws and to the messages of the driver exceptions in its cause chain. Default: the
     * message unchanged, for servers whose messages quote no values (SQLite's name only the constraint or
     * column).
     *
     * @param message a driver's or Quarry's exception message; never null
     * @return the message with quoted values replaced; never null
     */
    default String redactValues(String message) {
        return message;
    }

    /**
     * The driver properties that bound how long a pooled connection may wait for the server, so that a
     * dead or stuck server cannot block a thread forever: the socket read timeout of every round trip and
     * the time to connect and log in. Quarry adds them to the pool's driver properties. Default: none
     * (an embedded database has no network).
     *
     * @param socketTimeout the longest wait for the server's answer to one round trip; zero for none
     * @param connectTimeout the longest time to open a connection and log in, positive
     * @return driver property names and values; empty when the driver has none
     */
    default java.util.Map<String, String> networkTimeoutProperties(java.time.Duration socketTimeout,
                                                                    java.time.Duration connectTimeout) {
        return java.util.Map.of();
    }

    // ---- transactions, logging and errors ----

    /**
     * The statements that give a transaction its isolation level and access mode. Quarry runs them on
     * the transaction's connection right after auto-commit was switched off and before the block's first
     * statement. Default: the standard {@code SET TRANSACTION ISOLATION LEVEL <level>[, READ ONLY]}
     * (SQL:2016 section 17.2), which PostgreSQL and MySQL/MariaDB apply to the current (PostgreSQL) or the
     * next (MySQL: "SET TRANSACTION", without GLOBAL or SESSION) transaction only, so that nothing stays on
     * the pooled connection.
     *
     * @param isolation the level, or null for the server's default
     * @param readOnly whether the transaction is read-only
     * @return the statements, in order; empty when there is nothing to set
     */
    default java.util.List<String> beginTransactionSql(Isolation isolation, boolean readOnly) {
        if (isolation == null && !readOnly) return java.util.List.of();
        StringBuilder sql = new StringBuilder("SET TRANSACTION ");
        if (isolation != null) sql.append("ISOLATION LEVEL ").append(isolation.sql());
        if (readOnly) sql.append(isolation != null ? ", " : "").append("READ ONLY");
        return java.util.List.of(sql.toString());
    }

    /**
     * The statements that undo {@link #beginTransactionSql} once the transaction has ended (committed
     * or rolled back), for dialects whose settings are connection state rather than transaction state
     * (SQLite's pragmas). Default: none.
     *
     * @param isolation the level the transaction was given, or null
     * @param readOnly whether it was read-only
     * @return the statements, in order; empty when nothing needs undoing
     */
    default java.util.List<String> endTransactionSql(Isolation isolation, boolean readOnly) {
        return java.util.List.of();
    }

    // ---- streaming and batching ----

    /**
     * Whether a lazy cursor ({@code Select.fetchLazy()}) needs a transaction to read rows as they come.
     * When true, a cursor opened on a {@code Database} (a pooled connection in auto-commit mode) turns
     * auto-commit off and marks the connection read-only for its lifetime, and ends that transaction
     * when it closes; a cursor opened in a {@code Transaction} uses the transaction as it is. PostgreSQL
     * needs it: pgjdbc reads a result through a server-side portal, a fetch size at a time, only outside
     * auto-commit (pgjdbc documentation, "Getting results based on a cursor"); otherwise it reads the
     * whole result into memory first. Default: false (the driver streams in auto-commit mode).
     *
     * @return true if streaming needs auto-commit off
     */
    default boolean cursorNeedsTransaction() { return false; }

    /**
     * How {@code Insert.execute()} sends many rows into a table on this dialect. Default:
     * {@link InsertBatching#MULTI_ROW_VALUES}, which every dialect can run.
     *
     * @param table the table the rows go into (SQLite's choice depends on whether it has an
     *              AUTOINCREMENT column)
     * @return the form; never null
     */
    default InsertBatching insertBatching(dev.quarry.dsl.TableLike table) { return InsertBatching.MULTI_ROW_VALUES; }
}
