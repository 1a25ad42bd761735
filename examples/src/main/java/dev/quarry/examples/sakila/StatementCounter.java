package dev.quarry.examples.sakila;

import dev.quarry.dsl.StatementListener;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements a database runs: register it with
 * {@code Database.builder(url).statementListener(counter)} and read {@link #count()} before and after.
 * Thread-safe.
 */
public final class StatementCounter implements StatementListener {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void executed(String sql, List<Object> binds, int rows, long elapsedNanos) {
        count.incrementAndGet();
    }

    /** @return the statements run so far */
    public long count() {
        return count.get();
    }
}
