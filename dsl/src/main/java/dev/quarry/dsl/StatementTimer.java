package dev.quarry.dsl;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cancels statements that run past their timeout. One daemon thread for the whole JVM schedules a
 * {@link Statement#cancel()} per watched statement; the cancel is what stops the statement on the
 * server: pgjdbc sends a cancel request on a second connection (the statement fails with SQLState 57014),
 * MariaDB Connector/J sends {@code KILL QUERY} on a second connection (error 1317), sqlite-jdbc calls
 * {@code sqlite3_interrupt} (SQLITE_INTERRUPT). Quarry uses this rather than
 * {@link Statement#setQueryTimeout(int)}, whose unit is whole seconds and whose effect differs per driver.
 *
 * <p>A watch costs one scheduled task only while a timeout is set; statements without one are not watched.
 */
final class StatementTimer {
    /** The deadline of a source without one. */
    static final long NO_DEADLINE = Long.MIN_VALUE;

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private StatementTimer() {}

    private static ScheduledThreadPoolExecutor timer() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "quarry-statement-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * @param what the option's name, for the message
     * @param timeout a timeout
     * @return the timeout
     * @throws IllegalArgumentException if it is null, zero or negative
     */
    static java.time.Duration requirePositive(String what, java.time.Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + timeout);
        }
        return timeout;
    }

    /**
     * Starts watching a statement that is about to run.
     *
     * @param statement the statement, prepared and bound
     * @param timeoutNanos when to cancel it, more than 0
     * @return the watch; {@link Watch#stop()} it when the statement has returned or failed
     */
    static Watch watch(Statement statement, long timeoutNanos) {
        Watch watch = new Watch(statement);
        watch.task = TIMER.schedule(watch::fire, timeoutNanos, TimeUnit.NANOSECONDS);
        return watch;
    }

    /** One statement under watch: RUNNING until either the statement returns ({@link #stop()}) or the timer fires. */
    static final class Watch {
        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int FIRED = 2;

        private final Statement statement;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile ScheduledFuture<?> task;

        private Watch(Statement statement) {
            this.statement = statement;
        }

        private void fire() {
            if (!state.compareAndSet(RUNNING, FIRED)) return;
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // the statement has finished or its connection is gone; the caller reports the timeout either way
            }
        }

        /**
         * Ends the watch. When the timer fired first, waits until its cancel has returned, so that a cancel
         * sent late (MariaDB's {@code KILL QUERY} on a second connection) cannot reach the connection's
         * next statement.
         *
         * @return true if the timer fired first: the statement was cancelled and must be reported as timed out
         */
        boolean stop() {
            ScheduledFuture<?> t = task;
            if (state.compareAndSet(RUNNING, FINISHED)) {
                t.cancel(false);
                return false;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    t.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                    break;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            return true;
        }
    }
}
