package dev.quarry.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * How one outermost transaction runs: its isolation level, whether it is read-only, and how often it
 * is retried. Immutable; every method returns a copy.
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
    private static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, null);

    private final Isolation isolation;
    private final boolean readOnly;
    private final RetryPolicy retry;

    private TransactionOptions(Isolation isolation, boolean readOnly, RetryPolicy retry) {
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.retry = retry;
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
        return new TransactionOptions(Objects.requireNonNull(level, "isolation level"), readOnly, retry);
    }

    /** @return a copy for a read-only transaction: a write fails with {@link ReadOnlyTransactionException} */
    public TransactionOptions readOnly() {
        return new TransactionOptions(isolation, true, retry);
    }

    /**
     * @param policy how often to run the block when it fails with a serialization failure or deadlock
     * @return a copy with that policy instead of the database's
     * @throws NullPointerException if policy is null
     */
    public TransactionOptions withRetry(RetryPolicy policy) {
        return new TransactionOptions(isolation, readOnly, Objects.requireNonNull(policy, "retry policy"));
    }

    /** @return a copy that runs the block once: {@code withRetry(RetryPolicy.none())} */
    public TransactionOptions noRetry() {
        return withRetry(RetryPolicy.none());
    }

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
        return o instanceof TransactionOptions t && t.isolation == isolation && t.readOnly == readOnly && Objects.equals(t.retry, retry);
    }

    @Override
    public int hashCode() { return Objects.hash(isolation, readOnly, retry); }

    @Override
    public String toString() {
        return "TransactionOptions[isolation=" + (isolation == null ? "default" : isolation.sql()) + (readOnly ? ", read only" : "")
                + (retry == null ? "" : ", " + retry) + "]";
    }
}
