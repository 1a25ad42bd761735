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
        super(new Executor(dialect, new Executor.ConnectionSource() {
            @Override public Connection acquire() throws SQLException { return dataSource.getConnection(); }
            @Override public void release(Connection c) throws SQLException { c.close(); }
        }));
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
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
            try {
                HikariDataSource pool = new HikariDataSource(config);
                try {
                    return new Database(forServer(d, pool), pool, pool).withRenderCache(renderCacheSize); // issue 5
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
    }

    /** @return the connections behind this database, for plain JDBC next to Quarry */
    public DataSource dataSource() { return dataSource; }

    /**
     * Runs a block in one transaction: commits when it returns, rolls back when it throws anything and
     * rethrows that exception unchanged.
     *
     * @param block the work; it must use {@code tx}, not this database, for statements inside the transaction
     * @param <R> the block's result type
     * @return what the block returned
     * @throws DataAccessException if beginning, committing or rolling back fails
     */
    public <R> R transaction(Function<Transaction, R> block) {
        Objects.requireNonNull(block, "block");
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw dialect.translate(e, null);
        }
        Transaction tx = new Transaction(dialect, c);
        tx.executor.renderCache(executor.renderCache()); // ---- compiled-SQL cache (issue 5): shared ----
        try {
            c.setAutoCommit(false);
            R result = block.apply(tx);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw dialect.translate(e, null);
        } catch (RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        } finally {
            tx.end();
            if (tx.foreignKeyChecksDeferred()) {
                try {
                    dialect.restoreForeignKeyChecks(c);
                } catch (SQLException e) {
                    // a connection whose session state cannot be restored must not be reused
                    evict(c);
                }
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the pool resets auto-commit and discards broken connections
            }
            try {
                c.close();
            } catch (SQLException e) {
                // returning a connection to the pool does not fail in HikariCP; a foreign DataSource may
                throw dialect.translate(e, null);
            }
        }
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

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

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
