package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry policy's attempts, backoff with jitter, and which failures it retries; no database needed. */
class RetryPolicyTest {
    private static final long MS = 1_000_000L;

    @Test
    void defaultsAndNone() {
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.defaults().initialBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(RetryPolicy.defaults().maxBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.attempts(5)).isEqualTo(RetryPolicy.attempts(5)).isNotEqualTo(RetryPolicy.attempts(4));
        assertThat(RetryPolicy.attempts(5).toString()).isEqualTo("RetryPolicy[5 attempts, backoff 10..1000 ms]");
    }

    @Test
    void preciseMessagesForBadSettings() {
        assertThatThrownBy(() -> RetryPolicy.attempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts cannot be less than 1, was 0");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).backoff(Duration.ofMillis(-1), Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("initial backoff cannot be negative, was PT-0.001S");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).backoff(Duration.ofMillis(5), Duration.ofMillis(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximum backoff PT0.004S cannot be less than the initial backoff PT0.005S");
        assertThatThrownBy(() -> RetryPolicy.attempts(2).backoff(null, Duration.ZERO)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void backoffDoublesUpToTheMaximumWithEqualJitter() {
        RetryPolicy p = RetryPolicy.attempts(10).backoff(Duration.ofMillis(10), Duration.ofMillis(100));
        SplittableRandom random = new SplittableRandom(42);
        long[] ceilings = {10, 20, 40, 80, 100, 100, 100};
        for (int failed = 1; failed <= ceilings.length; failed++) {
            long ceiling = ceilings[failed - 1] * MS;
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 2_000; i++) {
                long sleep = p.backoffNanos(failed, random);
                min = Math.min(min, sleep);
                max = Math.max(max, sleep);
            }
            assertThat(min).as("after %d failures", failed).isGreaterThanOrEqualTo(ceiling / 2);
            assertThat(max).as("after %d failures", failed).isLessThanOrEqualTo(ceiling);
            assertThat(max - min).as("jitter after %d failures", failed).isGreaterThan(ceiling / 4);
        }
    }

    @Test
    void noOverflowAfterManyFailuresAndZeroBackoffSleepsNothing() {
        RetryPolicy p = RetryPolicy.attempts(1000).backoff(Duration.ofDays(1), Duration.ofDays(2));
        assertThat(p.backoffNanos(999, new SplittableRandom(1))).isBetween(Duration.ofDays(1).toNanos(), Duration.ofDays(2).toNanos());
        RetryPolicy zero = RetryPolicy.attempts(3).backoff(Duration.ZERO, Duration.ZERO);
        assertThat(zero.backoffNanos(2, new SplittableRandom(1))).isZero();
        assertThat(RetryPolicy.none().backoffNanos(1, new SplittableRandom(1))).isZero();
    }

    @Test
    void serializationFailuresAndDeadlocksOnlyUnlessAskedForMore() {
        var serialization = new SerializationFailureException("x", "UPDATE t", "40001", null);
        var deadlock = new DeadlockException("x", "UPDATE t", "40P01", null);
        var lockTimeout = new LockTimeoutException("x", "UPDATE t", "55P03", null);
        var unique = new UniqueViolationException("x", "INSERT", "23505", null);
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.retries(serialization)).isTrue();
        assertThat(p.retries(deadlock)).isTrue();
        assertThat(p.retries(lockTimeout)).isFalse();
        assertThat(p.retries(unique)).isFalse();
        assertThat(p.retries(new IllegalStateException())).isFalse();
        RetryPolicy more = p.alsoRetrying(LockTimeoutException.class);
        assertThat(more.retries(lockTimeout)).isTrue();
        assertThat(more.retries(unique)).isFalse();
        assertThat(more.alsoRetrying(LockTimeoutException.class)).isSameAs(more);
        assertThat(more).isNotEqualTo(p);
        assertThat(more.toString()).isEqualTo("RetryPolicy[3 attempts, backoff 10..1000 ms, also [LockTimeoutException]]");
    }
}
