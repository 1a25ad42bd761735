package dev.quarry.dsl;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one outermost transaction runs: its isolation level, whether it is read-only, how often it is
 * retried, and its time limit. Immutable; every method returns a copy.
 *
 * <pre>{@code
 * long n = db.transaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).readOnly(),
 *         tx -> tx.select(count()).from(FILM).fetchValue(count()));
 * db.runInTransaction(TransactionOptions.defaults().withRetry(RetryPolicy.attempts(5)), tx -> ...);
 * }</pre>
 *
 * <p>The isolation level and read-only mode apply to this transaction only and are set before its
 * first statement: PostgreSQL and MySQL/MariaDB run {@code SET TRANSACTION ISOLATION LEVEL ...[, READ
 * ONLY]} (SQL:2016 section 17.2) right after the transaction begins, so nothing stays on the pooled
 * connection; SQLite, which is always serializable, runs {@code PRAGMA query_only = 1} for read-only
 * (and {@code PRAGMA read_uncommitted = 1} for {@link Isolation#READ_UNCOMMITTED}) and resets them when
 * the transaction ends. See {@link Isolation} for what each database makes of a level. A write in a
 * read-only transaction fails with {@link ReadOnlyTransactionException}.
 *
 * <p>Nested blocks ({@link Transaction#transaction}) are savepoints of the outermost transaction and
 * take no options of their own.
 */
public final class TransactionOptions {
    private static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, null, null);

    private final Isolation isolation;
    private final boolean readOnly;
    private final RetryPolicy retry;
    private final Duration timeout;

    private TransactionOptions(Isolation isolation, boolean readOnly, RetryPolicy retry, Duration timeout) {
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.retry = retry;
        this.timeout = timeout;
    }

    /** @return the server's default isolation level, read-write, the database's retry policy */
    public static TransactionOptions defaults() { return DEFAULTS; }

    /**
     * @param level the isolation level
     * @return options with that level, read-write, the database's retry policy
     * @throws NullPointerException if level is null
     */
    public static TransactionOptions isolation(Isolation level) {
        return DEFAULTS.withIsolation(level);
    }

    /**
     * @param level the isolation level
     * @return a copy with that level
     * @throws NullPointerException if level is null
     */
    public TransactionOptions withIsolation(Isolation level) {
        return new TransactionOptions(Objects.requireNonNull(level, "isolation level"), readOnly, retry, timeout);
    }

    /** @return a copy for a read-only transaction: a write fails with {@link ReadOnlyTransactionException} */
    public TransactionOptions readOnly() {
        return new TransactionOptions(isolation, true, retry, timeout);
    }

    /**
     * @param policy how often to run the block when it fails with a serialization failure or deadlock
     * @return a copy with that policy instead of the database's
     * @throws NullPointerException if policy is null
     */
    public TransactionOptions withRetry(RetryPolicy policy) {
        return new TransactionOptions(isolation, readOnly, Objects.requireNonNull(policy, "retry policy"), timeout);
    }

    /** @return a copy that runs the block once: {@code withRetry(RetryPolicy.none())} */
    public TransactionOptions noRetry() {
        return withRetry(RetryPolicy.none());
    }

    /**
     * Gives each attempt of the transaction a time limit: every statement of the block gets what is
     * left of it as its statement timeout (or its own timeout, if that is shorter), and is cancelled on the
     * server when it runs out, failing with {@link QueryTimeoutException}; a statement that would start
     * after the limit fails at once without being sent. Either way the block fails and the transaction
     * rolls back. Time the block spends outside statements counts too; the commit itself is not limited.
     * A retried attempt gets the full timeout again (Spring's {@code @Transactional(timeout)} works the
     * same way, per statement).
     *
     * @param timeout the limit per attempt, positive
     * @return a copy with that timeout
     * @throws IllegalArgumentException if the timeout is null, zero or negative
     */
    public TransactionOptions timeout(Duration timeout) {
        return new TransactionOptions(isolation, readOnly, retry, StatementTimer.requirePositive("transaction timeout", timeout));
    }

    /** @return the time limit of each attempt, or empty for none */
    public Optional<Duration> timeout() { return Optional.ofNullable(timeout); }

    /** @return the isolation level, or empty for the server's default */
    public Optional<Isolation> isolationLevel() { return Optional.ofNullable(isolation); }

    /** @return whether the transaction is read-only */
    public boolean isReadOnly() { return readOnly; }

    /** @return the retry policy, or empty for the database's ({@link Database#retryPolicy()}) */
    public Optional<RetryPolicy> retryPolicy() { return Optional.ofNullable(retry); }

    /** @return whether an isolation level or read-only mode must be set when the transaction begins */
    boolean hasCharacteristics() { return isolation != null || readOnly; }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionOptions t && t.isolation == isolation && t.readOnly == readOnly && Objects.equals(t.retry, retry)
                && Objects.equals(t.timeout, timeout);
    }

    @Override
    public int hashCode() { return Objects.hash(isolation, readOnly, retry, timeout); }

    @Override
    public String toString() {
        return "TransactionOptions[isolation=" + (isolation == null ? "default" : isolation.sql()) + (readOnly ? ", read only" : "")
                + (retry == null ? "" : ", " + retry) + (timeout == null ? "" : ", timeout " + timeout.toMillis() + " ms") + "]";
    }
}
