package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs transaction blocks for a {@link Database}: the outermost block on a connection of its own, with
 * its isolation level and read-only mode, committed when it returns and rolled back when it throws
 * anything, retried as the {@link RetryPolicy} says; and nested blocks as savepoints of the
 * transaction they run in, never retried.
 *
 * <p>Every failure of the transaction's own steps is a {@link DataAccessException} whose {@code sql()}
 * names the step: {@code BEGIN} (switching auto-commit off), the {@code SET TRANSACTION ...} or pragma
 * statements, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT quarry_sp_1},
 * {@code ROLLBACK TO SAVEPOINT quarry_sp_1}, {@code RELEASE SAVEPOINT quarry_sp_1}; only a connection that
 * cannot be had carries no SQL. A failing rollback is added to the block's exception as a suppressed
 * exception. The connection goes back to the pool in every case; one whose state is unknown (a failed
 * rollback, a setting that could not be undone) is evicted from Quarry's own pool instead of reused.
 */
final class TransactionRunner {
    /** The name of the savepoint of a nested block at a depth (1 for a block nested in the outermost one). */
    static String savepointName(int depth) {
        return "quarry_sp_" + depth;
    }

    private final Dialect dialect;
    private final DataSource dataSource;
    private final Consumer<Connection> evict;
    private final SqlLog log;
    private final Failures failures;
    private final RetryPolicy defaultPolicy;
    private final long timeoutNanos;
    /** The database's compiled-SQL cache, shared by its transactions; may supply null when it is off. */
    private final java.util.function.Supplier<RenderCache> renderCache;

    /** The database whose transactions these are, handed to each {@link Transaction#database()}. */
    private final Database database;

    /** The outermost transactions running now, for {@link #awaitEnd} and {@link #abortRunning}. */
    private final java.util.Set<TransactionState> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param timeoutNanos the database's statement timeout, 0 for none
     */
    TransactionRunner(Database database, Dialect dialect, DataSource dataSource, Consumer<Connection> evict, SqlLog log,
                      Failures failures, RetryPolicy defaultPolicy, long timeoutNanos,
                      java.util.function.Supplier<RenderCache> renderCache) {
        this.database = database;
        this.renderCache = renderCache;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.evict = evict;
        this.log = log;
        this.failures = failures;
        this.defaultPolicy = defaultPolicy;
        this.timeoutNanos = timeoutNanos;
    }

    RetryPolicy defaultPolicy() { return defaultPolicy; }

    /** Runs an outermost block, retrying it on a serialization failure or deadlock as the policy allows. */
    <R> R run(TransactionOptions options, Function<Transaction, R> block) {
        RetryPolicy policy = options.retryPolicy().orElse(defaultPolicy);
        List<Throwable> earlier = new ArrayList<>(0);
        for (int attempt = 1; ; attempt++) {
            try {
                return once(options, policy, block);
            } catch (Throwable failure) {
                if (!policy.retries(failure) || attempt >= policy.maxAttempts()) {
                    for (Throwable e : earlier) {
                        if (e != failure) failure.addSuppressed(e);
                    }
                    throw failure;
                }
                earlier.add(failure);
                long sleep = policy.backoffNanos(attempt, ThreadLocalRandom.current());
                log.retry(attempt, policy.maxAttempts(), (DataAccessException) failure, sleep);
                try {
                    if (sleep > 0) TimeUnit.NANOSECONDS.sleep(sleep);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    for (Throwable e : earlier) {
                        if (e != failure) failure.addSuppressed(e);
                    }
                    throw failure;
                }
            }
        }
    }

    private <R> R once(TransactionOptions options, RetryPolicy policy, Function<Transaction, R> block) {
        long deadline = options.timeout().map(t -> System.nanoTime() + t.toNanos()).orElse(StatementTimer.NO_DEADLINE);
        if (closed) throw database.closedException();
        Connection c = acquire();
        TransactionState state = new TransactionState(database, dialect, c, log, failures, policy, timeoutNanos, deadline);
        running.add(state);
        Transaction tx = new Transaction(state, 0);
        tx.executor.renderCache(renderCache.get());
        boolean begun = false;
        Throwable failure = null;
        try {
            if (closed) throw database.closedException();
            long start = System.nanoTime();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                state.markBroken();
                throw failures.translate(e, "BEGIN");
            }
            begun = true;
            log.command("BEGIN", start);
            Isolation isolation = options.isolationLevel().orElse(null);
            for (String sql : dialect.beginTransactionSql(isolation, options.isReadOnly())) state.run(sql);
            R result = block.apply(tx);
            state.closeCursors();
            state.checkUsable();
            start = System.nanoTime();
            try {
                c.commit();
            } catch (SQLException e) {
                throw failures.translate(e, "COMMIT");
            }
            log.command("COMMIT", start);
            return result;
        } catch (Throwable t) {
            failure = t;
            state.closeCursors();
            if (begun) rollback(state, t);
            throw t;
        } finally {
            tx.end();
            try {
                release(state, options, tx, begun, failure);
            } finally {
                running.remove(state);
                synchronized (running) {
                    running.notifyAll();
                }
            }
        }
    }

    private Connection acquire() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failures.translate(e, null);
        }
    }

    private static void rollback(TransactionState state, Throwable cause) {
        long start = System.nanoTime();
        try {
            state.connection().rollback();
            state.log().command("ROLLBACK", start);
        } catch (SQLException e) {
            state.markBroken();
            cause.addSuppressed(state.failures().translate(e, "ROLLBACK"));
        }
    }

    /** Undoes the transaction's settings and returns the connection to the pool, evicting it if its state is unknown. */
    private void release(TransactionState state, TransactionOptions options, Transaction tx, boolean begun, Throwable failure) {
        Connection c = state.connection();
        if (begun && options.hasCharacteristics()) {
            for (String sql : dialect.endTransactionSql(options.isolationLevel().orElse(null), options.isReadOnly())) {
                try {
                    state.run(sql);
                } catch (DataAccessException e) {
                    state.markBroken();
                    if (failure != null) failure.addSuppressed(e);
                }
            }
        }
        if (tx.foreignKeyChecksDeferred()) {
            try {
                dialect.restoreForeignKeyChecks(c);
            } catch (SQLException e) {
                // a connection whose session state cannot be restored must not be reused
                state.markBroken();
            }
        }
        if (begun) {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                state.markBroken();
            }
        }
        if (state.isBroken()) evict.accept(c);
        try {
            c.close();
        } catch (SQLException e) {
            // returning a connection to the pool does not fail in HikariCP; a foreign DataSource may
            DataAccessException translated = failures.translate(e, null);
            if (failure != null) failure.addSuppressed(translated);
            else throw translated;
        }
    }

    /** Refuses new transactions from now on: they fail with the database's closed exception. */
    void close() {
        closed = true;
    }

    /**
     * Waits until no transaction runs, or the deadline passes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @return true if none runs any more
     */
    boolean awaitEnd(long deadlineNanos) {
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) return false;
                try {
                    TimeUnit.NANOSECONDS.timedWait(running, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return running.isEmpty();
                }
            }
            return true;
        }
    }

    /**
     * Rolls back the transactions still running: each is doomed, so that its next statement and its
     * commit fail with {@code cause}, and its connection is closed (evicted from Quarry's pool, or
     * aborted through {@link Connection#abort} on a pool of the caller's), so that the server rolls back
     * its work now.
     *
     * @return how many were running
     */
    int abortRunning(java.util.function.Supplier<DataAccessException> cause) {
        int n = 0;
        for (TransactionState state : running) {
            n++;
            state.abort(cause.get());
            evict.accept(state.connection());
        }
        return n;
    }

    /**
     * Runs a nested block as a savepoint of the transaction {@code outer} belongs to: released when the
     * block returns, rolled back to (and released) when it throws, which is then rethrown unchanged. A
     * serialization failure or deadlock is not retried here: it dooms the whole transaction.
     */
    static <R> R nested(TransactionState state, int depth, RenderCache cache, Function<Transaction, R> block,
                        Consumer<Transaction> absorb) {
        state.checkUsable();
        String name = savepointName(depth);
        try {
            state.run("SAVEPOINT " + name);
        } catch (DataAccessException e) {
            state.doom(e);
            throw e;
        }
        Transaction inner = new Transaction(state, depth);
        inner.executor.renderCache(cache);
        R result;
        try {
            result = block.apply(inner);
            state.checkUsable();
        } catch (Throwable t) {
            inner.end();
            absorb.accept(inner);
            if (state.policy().retries(t)) state.doom((DataAccessException) t);
            if (!state.isDoomed()) {
                try {
                    state.run("ROLLBACK TO SAVEPOINT " + name);
                    state.run("RELEASE SAVEPOINT " + name);
                } catch (DataAccessException e) {
                    state.doom(e);
                    t.addSuppressed(e);
                }
            }
            throw t;
        }
        inner.end();
        absorb.accept(inner);
        try {
            state.run("RELEASE SAVEPOINT " + name);
        } catch (DataAccessException e) {
            state.doom(e);
            throw e;
        }
        return result;
    }
}
