package dev.quarry.dsl;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a transaction block is run again when the database aborted it for a reason that may
 * not recur: a {@link SerializationFailureException} (SQLState 40001; MariaDB error 1020; SQLite
 * SQLITE_BUSY_SNAPSHOT) or a {@link DeadlockException} (PostgreSQL 40P01, MySQL/MariaDB error 1213).
 * Nothing else is retried unless {@link #alsoRetrying} says so: not a {@link LockTimeoutException} (the
 * wait already took its time, and NOWAIT asks for no waiting), never a constraint violation or an
 * exception of the block's own.
 *
 * <p>Immutable and thread-safe. Between attempts the thread sleeps for an exponential backoff with
 * jitter: before attempt {@code n + 1} the ceiling is {@code min(maxBackoff, initialBackoff * 2^(n - 1))}
 * and the sleep is drawn uniformly from {@code [ceiling / 2, ceiling]} ("equal jitter"), so that two
 * transactions that failed together do not collide again at once.
 *
 * <p>Only the outermost transaction block retries, and the whole block runs again on a fresh
 * connection: work outside the database (a message sent, a counter increased) is repeated too, so a
 * block that is retried must not have such effects, or must tolerate them. Set per database with
 * {@link Database.Builder#retryPolicy(RetryPolicy)} and per call with
 * {@link TransactionOptions#withRetry(RetryPolicy)}.
 *
 * <pre>{@code
 * db.transaction(TransactionOptions.defaults().withRetry(RetryPolicy.attempts(5)), tx -> ...);
 * }</pre>
 */
public final class RetryPolicy {
    private static final Duration DEFAULT_INITIAL = Duration.ofMillis(10);
    private static final Duration DEFAULT_MAX = Duration.ofSeconds(1);
    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, List.of());
    private static final RetryPolicy DEFAULTS = new RetryPolicy(3, DEFAULT_INITIAL, DEFAULT_MAX, List.of());

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final List<Class<? extends TransientDataAccessException>> alsoRetried;

    private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                        List<Class<? extends TransientDataAccessException>> alsoRetried) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.alsoRetried = alsoRetried;
    }

    /** @return the default of every database: 3 attempts, backoff from 10 ms doubling up to 1 s */
    public static RetryPolicy defaults() { return DEFAULTS; }

    /** @return a single attempt: a serialization failure or deadlock is thrown at once */
    public static RetryPolicy none() { return NONE; }

    /**
     * @param maxAttempts how often the block may run in all, at least 1 (1 means no retry)
     * @return a policy with that many attempts and the default backoff (10 ms doubling up to 1 s)
     * @throws IllegalArgumentException if {@code maxAttempts < 1}
     */
    public static RetryPolicy attempts(int maxAttempts) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts cannot be less than 1, was " + maxAttempts);
        return new RetryPolicy(maxAttempts, DEFAULT_INITIAL, DEFAULT_MAX, List.of());
    }

    /**
     * @param initial the ceiling of the first sleep, zero or positive
     * @param max the largest ceiling, at least {@code initial}
     * @return a copy of this policy with that backoff
     * @throws IllegalArgumentException if a duration is negative or {@code max < initial}
     * @throws NullPointerException if a duration is null
     */
    public RetryPolicy backoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative()) throw new IllegalArgumentException("initial backoff cannot be negative, was " + initial);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum backoff " + max + " cannot be less than the initial backoff " + initial);
        }
        return new RetryPolicy(maxAttempts, initial, max, alsoRetried);
    }

    /**
     * Retries one more kind of transient failure besides serialization failures and deadlocks. Meant for
     * SQLite, whose plain SQLITE_BUSY ({@link LockTimeoutException}) is also what a transaction gets at
     * once when it holds a read snapshot and another connection holds the write lock (SQLite cannot tell
     * that from a busy timeout that ran out): {@code RetryPolicy.attempts(5).alsoRetrying(LockTimeoutException.class)}.
     * A retried lock timeout may wait its full timeout again on every attempt.
     *
     * @param type a subclass of {@link TransientDataAccessException}
     * @return a copy of this policy that also retries that type (and its subclasses)
     * @throws NullPointerException if type is null
     */
    public RetryPolicy alsoRetrying(Class<? extends TransientDataAccessException> type) {
        Objects.requireNonNull(type, "type");
        if (alsoRetried.contains(type)) return this;
        List<Class<? extends TransientDataAccessException>> types = new java.util.ArrayList<>(alsoRetried);
        types.add(type);
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, List.copyOf(types));
    }

    /**
     * @param failure what ended an attempt
     * @return whether this policy runs the block again after it: a serialization failure, a deadlock, or a
     *         type given to {@link #alsoRetrying}
     */
    public boolean retries(Throwable failure) {
        if (isRetryable(failure)) return true;
        for (Class<? extends TransientDataAccessException> type : alsoRetried) {
            if (type.isInstance(failure)) return true;
        }
        return false;
    }

    /** @return how often the block may run in all, at least 1 */
    public int maxAttempts() { return maxAttempts; }

    /** @return the ceiling of the first sleep */
    public Duration initialBackoff() { return initialBackoff; }

    /** @return the largest ceiling of a sleep */
    public Duration maxBackoff() { return maxBackoff; }

    /**
     * @param failure what ended an attempt
     * @return whether it is a {@link SerializationFailureException} or a {@link DeadlockException}, which
     *         every policy retries
     */
    public static boolean isRetryable(Throwable failure) {
        return failure instanceof SerializationFailureException || failure instanceof DeadlockException;
    }

    /**
     * The sleep before the next attempt, with jitter.
     *
     * @param failedAttempts how many attempts have failed so far, at least 1
     * @param random the source of the jitter
     * @return nanoseconds, between half the ceiling and the ceiling
     */
    long backoffNanos(int failedAttempts, RandomGenerator random) {
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        if (max == 0) return 0;
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 62);
        long ceiling = initial > (max >> shift) ? max : Math.min(max, initial << shift);
        long half = ceiling / 2;
        return half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && p.maxAttempts == maxAttempts && p.initialBackoff.equals(initialBackoff)
                && p.maxBackoff.equals(maxBackoff) && p.alsoRetried.equals(alsoRetried);
    }

    @Override
    public int hashCode() { return Objects.hash(maxAttempts, initialBackoff, maxBackoff, alsoRetried); }

    @Override
    public String toString() {
        return "RetryPolicy[" + maxAttempts + " attempts, backoff " + initialBackoff.toMillis() + ".." + maxBackoff.toMillis() + " ms"
                + (alsoRetried.isEmpty() ? "" : ", also " + alsoRetried.stream().map(Class::getSimpleName).toList()) + "]";
    }
}
