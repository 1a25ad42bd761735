package dev.quarry.dsl;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.PoolSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
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

    private final Dialect dialect;
    private final DataSource dataSource;
    private final HikariDataSource ownedPool;

    private Database(Dialect dialect, DataSource dataSource, HikariDataSource ownedPool) {
        this(dialect, dataSource, ownedPool, DatabaseSettings.DEFAULTS);
    }

    // ---- transactions, logging and errors (issue 5) ----

    private final TransactionRunner transactions;

    private Database(Dialect dialect, DataSource dataSource, HikariDataSource ownedPool, DatabaseSettings settings) {
        super(new Executor(dialect, new Executor.ConnectionSource() {
            @Override public Connection acquire() throws SQLException { return dataSource.getConnection(); }
            @Override public void release(Connection c) throws SQLException { c.close(); }
        }, settings.sqlLog(dialect)));
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.transactions = new TransactionRunner(this, dialect, dataSource, this::evict, executor.sqlLog(), settings.retryPolicy(),
                executor::renderCache);
    }

    // ---- end of transactions, logging and errors (issue 5) ----

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
        // ---- transactions, logging and errors (issue 5) ----
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean logBindValues;
        private final java.util.List<TableField<?>> sensitiveColumns = new java.util.ArrayList<>();
        private java.time.Duration slowQueryThreshold = SqlLog.DEFAULT_SLOW_THRESHOLD;
        private java.time.Duration connectionTimeout;
        // ---- end of transactions, logging and errors (issue 5) ----
        private int renderCacheSize = RenderCache.DEFAULT_CAPACITY; // ---- compiled-SQL cache (issue 5) ----

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

        // ---- compiled-SQL cache (issue 5) ----

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
         * @return the connected database
         * @throws IllegalArgumentException if no dialect accepts the URL
         * @throws DataAccessException if the pool cannot open its first connection
         */
        public Database build() {
            Dialect d = dialect != null ? dialect : Dialects.forUrl(jdbcUrl);
            PoolSettings settings = d.poolSettings(jdbcUrl);
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
            if (connectionTimeout != null) config.setConnectionTimeout(connectionTimeout.toMillis()); // issue 5
            try {
                HikariDataSource pool = new HikariDataSource(config);
                try {
                    return new Database(forServer(d, pool), pool, pool, settings()).withRenderCache(renderCacheSize); // issue 5
                } catch (RuntimeException e) {
                    pool.close();
                    throw e;
                }
            } catch (DataAccessException e) {
                throw e;
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new DataAccessException("cannot connect to " + jdbcUrl + ": " + cause.getMessage(), null,
                        cause instanceof SQLException s ? s.getSQLState() : null, e);
            }
        }

        // ---- transactions, logging and errors (issue 5) ----

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
        public Builder slowQueryThreshold(java.time.Duration threshold) {
            if (threshold == null || threshold.isNegative() || threshold.isZero()) {
                throw new IllegalArgumentException("slowQueryThreshold must be positive, was " + threshold);
            }
            this.slowQueryThreshold = threshold;
            return this;
        }

        /**
         * @param timeout how long a statement or transaction waits for a free pooled connection before it
         *                fails with a {@link DataAccessException}; at least 250 ms (HikariCP's floor);
         *                default HikariCP's 30 s
         * @return this builder
         * @throws IllegalArgumentException if the timeout is null or shorter than 250 ms
         */
        public Builder connectionTimeout(java.time.Duration timeout) {
            if (timeout == null || timeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout cannot be less than 250 ms, was " + timeout);
            }
            this.connectionTimeout = timeout;
            return this;
        }

        private DatabaseSettings settings() {
            return new DatabaseSettings(retryPolicy, logBindValues, sensitiveColumns, slowQueryThreshold, statementListener);
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

        // ---- end of transactions, logging and errors (issue 5) ----
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

    private void evict(Connection c) {
        if (ownedPool != null) ownedPool.evictConnection(c);
    }

    // ---- transactions, logging and errors (issue 5) ----

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

    // ---- end of transactions, logging and errors (issue 5) ----

    // ---- compiled-SQL cache (issue 5) ----

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

    /** Closes the pool Quarry opened; a DataSource given to {@link #connect(DataSource)} stays open. */
    @Override
    public void close() {
        if (ownedPool != null) ownedPool.close();
    }
}
