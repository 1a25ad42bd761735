package dev.quarry.dsl;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.PoolSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A database to run statements on: a dialect plus a source of connections. Thread-safe; create one
 * per database and share it. Statements run directly on a {@code Database} each take a pooled
 * connection in auto-commit mode; {@link #transaction} runs a block on one connection.
 *
 * <pre>{@code
 * try (Database db = Database.connect("jdbc:sqlite:target/sakila.db")) {
 *     long films = db.select(count()).from(FILM).fetchValue(count());
 * }
 * }</pre>
 */
public final class Database extends SessionSupport implements AutoCloseable {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
    /** How long {@link #close()} waits for running transactions unless the builder says otherwise. */
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** The socket timeout of a pooled connection unless the builder says otherwise. */
    static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMinutes(5);
    /** HikariCP's default wait for a pooled connection, also the default time to connect and log in. */
    static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private final Dialect dialect;
    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final PoolSource source;
    private final TransactionRunner transactions;
    private final Duration closeTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(Dialect dialect, DataSource dataSource, HikariDataSource ownedPool) {
        this(dialect, dataSource, ownedPool, DatabaseSettings.DEFAULTS, new PoolSource(dataSource, describe(dialect, ownedPool)));
    }

    private Database(Dialect dialect, DataSource dataSource, HikariDataSource ownedPool, DatabaseSettings settings, PoolSource source) {
        super(executor(dialect, source, settings));
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.source = source;
        this.closeTimeout = settings.closeTimeout();
        this.transactions = new TransactionRunner(this, dialect, dataSource, this::evict, executor.sqlLog(), executor.failures(),
                settings.retryPolicy(), executor.timeoutNanos(), executor::renderCache);
    }

    private static Executor executor(Dialect dialect, PoolSource source, DatabaseSettings settings) {
        SqlLog log = settings.sqlLog(dialect);
        long timeout = settings.queryTimeout() == null ? 0 : settings.queryTimeout().toNanos();
        return new Executor(dialect, source, log, Failures.of(dialect, log), timeout);
    }

    private static String describe(Dialect dialect, HikariDataSource pool) {
        return "Database (" + (pool != null ? pool.getPoolName() : dialect.name() + ", a DataSource of the caller's") + ")";
    }

    /**
     * The connections of statements run directly on the database: one pooled connection per statement
     * (or per cursor, until it closes). Refuses once the database is closed, and knows the open cursors
     * so that closing the database can close them.
     */
    private static final class PoolSource implements Executor.ConnectionSource {
        private final DataSource dataSource;
        private final String name;
        private final java.util.Set<LazyResult<?>> cursors = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        PoolSource(DataSource dataSource, String name) {
            this.dataSource = dataSource;
            this.name = name;
        }

        @Override
        public Connection acquire() throws SQLException {
            if (closed) throw closedException(name);
            return dataSource.getConnection();
        }

        @Override
        public void release(Connection c) throws SQLException {
            c.close();
        }

        @Override
        public void cursorOpened(LazyResult<?> cursor) { cursors.add(cursor); }

        @Override
        public void cursorClosed(LazyResult<?> cursor) { cursors.remove(cursor); }

        void close() {
            closed = true;
            for (LazyResult<?> cursor : cursors) cursor.end("its database was closed");
        }
    }

    /** SQL:2016 section 24.1, class 08 "connection exception", subclass 003 "connection does not exist". */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";

    private static DataAccessException closedException(String name) {
        return new DataAccessException(name + " is closed; statements and transactions need an open Database", null,
                CONNECTION_DOES_NOT_EXIST, null);
    }

    /** @return the exception a statement or transaction started after {@link #close()} fails with */
    DataAccessException closedException() {
        return closedException(source.name);
    }

    /**
     * Connects to a JDBC URL with a HikariCP pool; the dialect is the first on the class path that
     * accepts the URL.
     *
     * @param jdbcUrl the URL, such as {@code jdbc:sqlite:target/sakila.db}
     * @return the database; close it to close the pool
     * @throws IllegalArgumentException if no dialect accepts the URL
     * @throws DataAccessException if the pool cannot open its first connection
     */
    public static Database connect(String jdbcUrl) {
        return builder(jdbcUrl).build();
    }

    /**
     * @param jdbcUrl the URL
     * @param user the user name, or null
     * @param password the password, or null
     * @return the database, pooled with HikariCP
     * @throws IllegalArgumentException if no dialect accepts the URL
     */
    public static Database connect(String jdbcUrl, String user, String password) {
        return builder(jdbcUrl).user(user).password(password).build();
    }

    /**
     * Uses a {@link DataSource} as it is (Quarry adds no pool: pass a pooled one). The dialect is
     * chosen from the URL the driver reports on a first connection.
     *
     * @param dataSource the data source
     * @return the database; closing it does not close the data source
     * @throws IllegalArgumentException if no dialect accepts the URL
     * @throws DataAccessException if no connection can be opened to read the URL
     */
    public static Database connect(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            return new Database(Dialects.forUrl(url).forServer(c.getMetaData()), dataSource, null);
        } catch (SQLException e) {
            throw new DataAccessException("cannot open a connection to find the dialect: " + e.getMessage(), null, e.getSQLState(), e);
        }
    }

    /**
     * @param dataSource the data source, used as it is
     * @param dialect the dialect, which wins over any other on the class path (it may still adapt to the
     *                server's version through {@link Dialect#forServer})
     * @return the database; closing it does not close the data source
     * @throws DataAccessException if no first connection can be opened
     */
    public static Database connect(DataSource dataSource, Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(dataSource, "dataSource");
        return new Database(forServer(dialect, dataSource), dataSource, null);
    }

    private static Dialect forServer(Dialect dialect, DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return dialect.forServer(c.getMetaData());
        } catch (SQLException e) {
            throw new DataAccessException("cannot open a first connection: " + e.getMessage(), null, e.getSQLState(), e);
        }
    }

    /**
     * @param jdbcUrl the URL
     * @return a builder for user, password, explicit dialect and pool size
     */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /** Options of {@link Database#connect}; not thread-safe, used once. */
    public static final class Builder {
        private final String jdbcUrl;
        private String user;
        private String password;
        private Dialect dialect;
        private int maximumPoolSize;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean logBindValues;
        private final java.util.List<TableField<?>> sensitiveColumns = new java.util.ArrayList<>();
        private Duration slowQueryThreshold = SqlLog.DEFAULT_SLOW_THRESHOLD;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private Duration queryTimeout;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private int renderCacheSize = RenderCache.DEFAULT_CAPACITY;

        private Builder(String jdbcUrl) {
            if (jdbcUrl == null || jdbcUrl.isBlank()) throw new IllegalArgumentException("JDBC URL is blank");
            this.jdbcUrl = jdbcUrl;
        }

        /**
         * @param user the user name, or null
         * @return this builder
         */
        public Builder user(String user) { this.user = user; return this; }

        /**
         * @param password the password, or null
         * @return this builder
         */
        public Builder password(String password) { this.password = password; return this; }

        /**
         * @param dialect the dialect to use whatever the URL says
         * @return this builder
         */
        public Builder dialect(Dialect dialect) { this.dialect = dialect; return this; }

        // ---- compiled-SQL cache ----

        /**
         * Sets the capacity of the database's compiled-SQL cache ({@link RenderCache}): how many statement
         * shapes (per dialect, with IN lists padded to powers of two) keep their rendered SQL. Default
         * {@value RenderCache#DEFAULT_CAPACITY}; 0 turns the cache off, so every statement is rendered.
         *
         * @param size 0 or more
         * @return this builder
         * @throws IllegalArgumentException if size is negative
         */
        public Builder renderCacheSize(int size) {
            if (size < 0) throw new IllegalArgumentException("renderCacheSize cannot be negative, was " + size);
            this.renderCacheSize = size;
            return this;
        }

        /**
         * @param size the largest number of pooled connections, at least 1; default: the dialect's choice
         * @return this builder
         * @throws IllegalArgumentException if size is less than 1
         */
        public Builder maximumPoolSize(int size) {
            if (size < 1) throw new IllegalArgumentException("maximumPoolSize cannot be less than 1, was " + size);
            this.maximumPoolSize = size;
            return this;
        }

        /**
         * Opens the pool and adapts the dialect to the server ({@link Dialect#forServer}). When the adapted
         * dialect asks for other pool settings than the URL's dialect did (MariaDB servers that have
         * {@code innodb_snapshot_isolation} get it as a session variable), the pool is opened again with
         * them before the database is returned.
         *
         * @return the connected database
         * @throws IllegalArgumentException if no dialect accepts the URL
         * @throws DataAccessException if the pool cannot open its first connection within the connection
         *         timeout; the message names the URL with any password hidden
         */
        public Database build() {
            Dialect d = dialect != null ? dialect : Dialects.forUrl(jdbcUrl);
            try {
                PoolSettings settings = d.poolSettings(jdbcUrl);
                HikariDataSource pool = pool(d, settings);
                try {
                    Dialect server = forServer(d, pool);
                    PoolSettings serverSettings = server.poolSettings(jdbcUrl);
                    if (!serverSettings.equals(settings)) {
                        pool.close();
                        pool = pool(server, serverSettings);
                    }
                    return new Database(server, pool, pool, settings(), new PoolSource(pool, describe(server, pool)))
                            .withRenderCache(renderCacheSize);
                } catch (RuntimeException e) {
                    pool.close();
                    throw e;
                }
            } catch (DataAccessException e) {
                throw e;
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new DataAccessException("cannot connect to " + withoutPassword(jdbcUrl) + ": " + cause.getMessage(), null,
                        cause instanceof SQLException s ? s.getSQLState() : null, e);
            }
        }

        private HikariDataSource pool(Dialect d, PoolSettings settings) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(d.driverUrl(jdbcUrl));
            if (user != null) config.setUsername(user);
            if (password != null) config.setPassword(password);
            config.setPoolName("quarry-" + d.name() + "-" + POOL_NUMBER.incrementAndGet());
            config.setMaximumPoolSize(maximumPoolSize > 0 ? maximumPoolSize : settings.maximumPoolSize());
            if (settings.keepConnectionsForever()) {
                config.setMinimumIdle(config.getMaximumPoolSize());
                config.setMaxLifetime(0);
                config.setIdleTimeout(0);
            }
            settings.driverProperties().forEach(config::addDataSourceProperty);
            d.networkTimeoutProperties(socketTimeout, connectionTimeout).forEach(config::addDataSourceProperty);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            return new HikariDataSource(config);
        }

        /** The URL with the values of {@code password} parameters replaced, for messages. */
        static String withoutPassword(String url) {
            return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }

        // ---- transactions, logging and errors ----

        /**
         * @param policy how often a transaction block runs when it fails with a serialization failure or
         *               deadlock, unless a call gives its own ({@link TransactionOptions#withRetry}); default
         *               {@link RetryPolicy#defaults()}: 3 attempts
         * @return this builder
         * @throws NullPointerException if policy is null
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = java.util.Objects.requireNonNull(policy, "retry policy");
            return this;
        }

        /**
         * Logs every statement's bind values (masked as {@link #sensitiveColumns} says) on the DEBUG line of
         * {@code dev.quarry.sql} and on the slow-query WARN of {@code dev.quarry.sql.slow}, instead of only
         * their number. Strings are cut after 64 characters, a {@code byte[]} shows only its length. Default:
         * off, since values may be personal data.
         *
         * @param enabled whether values are logged
         * @return this builder
         */
        public Builder logBindValues(boolean enabled) {
            this.logBindValues = enabled;
            return this;
        }

        /**
         * Declares columns whose values must not appear in the log: when bind values are logged, every value
         * of a statement whose SQL names one of these columns (by its quoted name, wherever it appears, even
         * as the column of another table or an alias of that name) is logged as {@code ***}. A name spelled
         * unquoted in a raw SQL fragment is not found.
         *
         * @param columns the columns, such as {@code CUSTOMER.password}
         * @return this builder
         * @throws IllegalArgumentException if a column is null
         */
        public Builder sensitiveColumns(TableField<?>... columns) {
            for (TableField<?> column : columns) {
                if (column == null) throw new IllegalArgumentException("sensitive column is null");
                sensitiveColumns.add(column);
            }
            return this;
        }

        /**
         * @param threshold the elapsed time from which a statement is logged at WARN on
         *                  {@code dev.quarry.sql.slow} (SQL, milliseconds, rows; values only when
         *                  {@link #logBindValues} is on); positive; default 1 second. To silence the
         *                  warning, set that logger's level above WARN.
         * @return this builder
         * @throws IllegalArgumentException if the threshold is null, zero or negative
         */
        public Builder slowQueryThreshold(Duration threshold) {
            if (threshold == null || threshold.isNegative() || threshold.isZero()) {
                throw new IllegalArgumentException("slowQueryThreshold must be positive, was " + threshold);
            }
            this.slowQueryThreshold = threshold;
            return this;
        }

        /**
         * @param timeout how long a statement or transaction waits for a free pooled connection before it
         *                fails with a {@link DataAccessException}, and how long the driver may take to open a
         *                new connection and log in (PostgreSQL {@code connectTimeout}/{@code loginTimeout},
         *                MariaDB {@code connectTimeout}), so that {@code build()} fails within it when the
         *                server does not answer; at least 250 ms (HikariCP's floor); default 30 s
         * @return this builder
         * @throws IllegalArgumentException if the timeout is null or shorter than 250 ms
         */
        public Builder connectionTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout cannot be less than 250 ms, was " + timeout);
            }
            this.connectionTimeout = timeout;
            return this;
        }

        /**
         * Bounds every wait of a pooled connection for the server's answer (the driver's socket read
         * timeout: PostgreSQL {@code socketTimeout}, MariaDB {@code socketTimeout}), so that a dead or stuck
         * server can never block a thread for ever: the connection then fails with a
         * {@link DataAccessException} and is discarded. A statement that legitimately runs longer than this
         * without sending a row fails too, so set it above the longest statement (and above any
         * {@link #queryTimeout}); SQLite has no network and ignores it. Default 5 minutes.
         *
         * @param timeout the longest wait for one answer, at least 1 second (PostgreSQL's unit), or
         *                {@link Duration#ZERO} for no socket timeout
         * @return this builder
         * @throws IllegalArgumentException if the timeout is null, negative, or positive but under 1 second
         */
        public Builder socketTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || (!timeout.isZero() && timeout.toMillis() < 1000)) {
                throw new IllegalArgumentException("socketTimeout must be zero or at least 1 second, was " + timeout);
            }
            this.socketTimeout = timeout;
            return this;
        }

        /**
         * The database's default statement timeout: a statement (a query until its cursor opens, an insert
         * with all its chunks, a batch) that runs longer is cancelled on the server and fails with
         * {@link QueryTimeoutException}. A statement's own {@code queryTimeout(...)} replaces it; a
         * transaction's timeout ({@link TransactionOptions#timeout}) shortens it to what is left. Default:
         * none.
         *
         * @param timeout the timeout, positive
         * @return this builder
         * @throws IllegalArgumentException if the timeout is null, zero or negative
         */
        public Builder queryTimeout(Duration timeout) {
            this.queryTimeout = StatementTimer.requirePositive("queryTimeout", timeout);
            return this;
        }

        /**
         * How long {@link Database#close()} waits for transactions that are still running to end before it
         * rolls them back. Default 10 seconds.
         *
         * @param timeout zero (roll back at once) or more
         * @return this builder
         * @throws IllegalArgumentException if the timeout is null or negative
         */
        public Builder closeTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout cannot be negative, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        private DatabaseSettings settings() {
            return new DatabaseSettings(retryPolicy, logBindValues, sensitiveColumns, slowQueryThreshold, statementListener,
                    queryTimeout, closeTimeout);
        }

        private StatementListener statementListener;

        /**
         * Registers a listener told about every statement this database and its transactions run (see
         * {@link StatementListener} for what is reported); one per database, the last call wins.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if listener is null
         */
        public Builder statementListener(StatementListener listener) {
            this.statementListener = java.util.Objects.requireNonNull(listener, "statement listener");
            return this;
        }

        // ---- end of transactions, logging and errors ----
    }

    /** @return the connections behind this database, for plain JDBC next to Quarry */
    public DataSource dataSource() { return dataSource; }

    /**
     * Runs a block in one transaction with {@link TransactionOptions#defaults()}: commits when it returns,
     * rolls back when it throws anything and rethrows that exception unchanged, and runs it again when it
     * fails with a serialization failure or deadlock, as {@link #retryPolicy()} allows.
     *
     * @param block the work; it must use {@code tx}, not this database, for statements inside the transaction
     * @param <R> the block's result type
     * @return what the block returned
     * @throws DataAccessException if beginning, committing or rolling back fails, or no connection can be had
     */
    public <R> R transaction(Function<Transaction, R> block) {
        return transaction(TransactionOptions.defaults(), block);
    }

    /**
     * Runs a block that returns nothing in one transaction, as {@link #transaction(Function)} does.
     *
     * @param block the work
     */
    public void runInTransaction(Consumer<Transaction> block) {
        transaction(tx -> {
            block.accept(tx);
            return null;
        });
    }

    /**
     * Takes a connection whose state is unknown out of use: Quarry's own pool closes it instead of
     * reusing it; a connection of a caller's pool is aborted only when {@code close()} rolls back a
     * transaction, and otherwise left to that pool.
     */
    private void evict(Connection c) {
        if (ownedPool != null) {
            ownedPool.evictConnection(c);
        } else if (closed.get()) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // the connection is going away in any case
            }
        }
    }

    // ---- transactions, logging and errors ----

    /**
     * Runs a block in one transaction on a pooled connection of its own:
     * <ol>
     *   <li>switches auto-commit off and sets the options' isolation level and read-only mode (see
     *       {@link TransactionOptions});</li>
     *   <li>runs the block; statements inside must use {@code tx}, and {@link Transaction#transaction}
     *       nests blocks as savepoints;</li>
     *   <li>commits when the block returns; rolls back when it throws anything (also an {@link Error})
     *       and rethrows that exception unchanged, with a failed rollback added as suppressed;</li>
     *   <li>when the block or the commit failed with a {@link SerializationFailureException} or
     *       {@link DeadlockException}, runs the whole block again on a fresh connection after a backoff,
     *       until the options' retry policy (else {@link #retryPolicy()}) has no attempt left; it then
     *       throws the last failure, with the earlier ones as suppressed exceptions;</li>
     *   <li>returns the connection to the pool in every case (with auto-commit on and the transaction's
     *       settings undone; a connection whose state is unknown is evicted).</li>
     * </ol>
     * A retried block runs again in full, so it must not have effects outside the database it cannot repeat.
     *
     * <pre>{@code
     * long films = db.transaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).readOnly(),
     *         tx -> tx.select(count()).from(FILM).fetchValue(count()));
     * }</pre>
     *
     * @param options isolation level, read-only mode and retry policy
     * @param block the work
     * @param <R> the block's result type
     * @return what the block returned
     * @throws DataAccessException if no connection can be had (no SQL), or beginning ({@code sql()}
     *         {@code BEGIN}), setting the options ({@code SET TRANSACTION ...}) or committing ({@code COMMIT})
     *         fails; a write in a read-only transaction is a {@link ReadOnlyTransactionException}
     * @throws NullPointerException if options or block is null
     */
    public <R> R transaction(TransactionOptions options, Function<Transaction, R> block) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(block, "block");
        return transactions.run(options, block);
    }

    /**
     * Runs a block that returns nothing in one transaction, as {@link #transaction(TransactionOptions, Function)} does.
     *
     * @param options isolation level, read-only mode and retry policy
     * @param block the work
     */
    public void runInTransaction(TransactionOptions options, Consumer<Transaction> block) {
        Objects.requireNonNull(block, "block");
        transaction(options, tx -> {
            block.accept(tx);
            return null;
        });
    }

    /** @return how often a transaction block runs when it fails with a serialization failure or deadlock, unless the call says otherwise */
    public RetryPolicy retryPolicy() { return transactions.defaultPolicy(); }

    {
        executor.renderCache(new RenderCache(RenderCache.DEFAULT_CAPACITY));
    }

    private Database withRenderCache(int capacity) {
        executor.renderCache(capacity == 0 ? null : capacity == RenderCache.DEFAULT_CAPACITY
                ? executor.renderCache() : new RenderCache(capacity));
        return this;
    }

    /**
     * The counters of this database's compiled-SQL cache ({@link RenderCache}), shared by its
     * transactions: hits (statements not rendered), misses, statements not cacheable, size and capacity.
     *
     * @return a snapshot of the counters; all zero with capacity 0 when the cache is off
     *         ({@link Builder#renderCacheSize(int)})
     */
    public RenderCacheStats renderCacheStats() {
        RenderCache cache = executor.renderCache();
        return cache == null ? new RenderCacheStats(0, 0, 0, 0, 0, 0, 0) : cache.stats();
    }

    /**
     * Closes the database: statements and transactions started from now on fail with a
     * {@link DataAccessException} of SQLState 08003 (connection does not exist); transactions still running get up to the close timeout
     * ({@link Builder#closeTimeout}, default 10 seconds) to end as they would, and are then rolled back:
     * their connection is closed, so that the server undoes their work, and their next statement and their
     * commit fail with a {@link DataAccessException} that says so. Work a block had not finished is never
     * committed. Cursors still open on the database are closed (reading on fails with SQLState 24000), and
     * finally the pool Quarry opened is closed; a DataSource given to {@link #connect(DataSource)} stays
     * open. Idempotent; returns once all of this is done, at the latest after the close timeout plus the
     * time to close the pool.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        transactions.close();
        if (!transactions.awaitEnd(System.nanoTime() + closeTimeout.toNanos())) {
            int n = transactions.abortRunning(() -> new DataAccessException(source.name + " was closed while this transaction "
                    + "was running; it did not end within the close timeout of " + closeTimeout.toMillis()
                    + " ms and was rolled back", null, null, null));
            if (n > 0) {
                org.slf4j.LoggerFactory.getLogger(SqlLog.LOGGER).warn("{} rolled back {} transaction(s) still running after the "
                        + "close timeout of {} ms", source.name, n, closeTimeout.toMillis());
            }
        }
        source.close();
        if (ownedPool != null) ownedPool.close();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() { return closed.get(); }
}
