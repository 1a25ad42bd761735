package dev.quarry.testkit;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the suites that run work in several threads or through plain JDBC share: unchecked JDBC calls and bounded waits. */
final class Waits {
    private Waits() {}

    /** JDBC work that may throw. */
    interface SqlWork {
        /** @throws SQLException if the database refuses */
        void run() throws SQLException;
    }

    /**
     * @param work JDBC work
     * @throws IllegalStateException wrapping the work's SQLException
     */
    static void unchecked(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for a latch for at most {@code seconds}.
     *
     * @throws IllegalStateException if it did not open in time, or the thread was interrupted (which stays set)
     */
    static void await(CountDownLatch latch, int seconds) {
        try {
            if (!latch.await(seconds, TimeUnit.SECONDS)) throw new IllegalStateException("timed out after " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param millis how long to sleep, in milliseconds
     * @throws IllegalStateException if the thread was interrupted (which stays set)
     */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
