package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the outermost transaction and the nested blocks inside it share: the connection, the log, the
 * deadline of its timeout, the cursors open on its connection, and whether the transaction is doomed. A
 * transaction is doomed when a nested block failed with a serialization failure or deadlock, or another
 * failure its retry policy retries (the server may already have rolled back the whole transaction, as
 * InnoDB does on a deadlock, and the SQL standard asks for the whole transaction to be retried), when
 * a savepoint could not be set, rolled back to or released, or when its database was closed while it
 * ran: every later statement then rethrows that failure, and the outermost block rolls back (and, for
 * a serialization failure or deadlock, retries) instead of committing. Used by one thread at a time,
 * like the transaction, except for {@link #abort}, which {@code Database.close()} calls from its own.
 */
final class TransactionState {
    private final Dialect dialect;
    private final Connection connection;
    private final SqlLog log;
    private final Failures failures;
    private final RetryPolicy policy;
    private final long timeoutNanos;
    private final long deadlineNanos;
    private volatile DataAccessException doomedBy;
    private volatile boolean broken;
    /** The cursors open on the connection, closed when the transaction ends. */
    private final List<LazyResult<?>> cursors = new ArrayList<>(0);

    private final Database database;

    /**
     * @param timeoutNanos the database's statement timeout, 0 for none
     * @param deadlineNanos the {@link System#nanoTime()} by which the transaction's statements must have
     *                      finished, or {@link StatementTimer#NO_DEADLINE}
     */
    TransactionState(Database database, Dialect dialect, Connection connection, SqlLog log, Failures failures,
                     RetryPolicy policy, long timeoutNanos, long deadlineNanos) {
        this.database = database;
        this.dialect = dialect;
        this.connection = connection;
        this.log = log;
        this.failures = failures;
        this.policy = policy;
        this.timeoutNanos = timeoutNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** @return the retry policy of the outermost block, which decides which failures of nested blocks doom it */
    RetryPolicy policy() { return policy; }

    Dialect dialect() { return dialect; }

    Database database() { return database; }

    Connection connection() { return connection; }

    SqlLog log() { return log; }

    Failures failures() { return failures; }

    long timeoutNanos() { return timeoutNanos; }

    long deadlineNanos() { return deadlineNanos; }

    /** Marks the whole transaction as unable to commit; the first cause wins. */
    void doom(DataAccessException cause) {
        if (doomedBy == null) doomedBy = cause;
    }

    boolean isDoomed() { return doomedBy != null; }

    /** @throws DataAccessException the failure that doomed the transaction, if one did */
    void checkUsable() {
        DataAccessException cause = doomedBy;
        if (cause != null) throw cause;
    }

    /** Marks the connection as in an unknown state: it is evicted from the pool instead of reused. */
    void markBroken() { broken = true; }

    boolean isBroken() { return broken; }

    /**
     * Dooms the transaction because its database is closing and it did not end in time; the caller then
     * closes its connection, so that the server rolls its work back. The block's next statement, and its
     * commit, fail with {@code cause}.
     */
    void abort(DataAccessException cause) {
        doom(cause);
        markBroken();
    }

    synchronized void cursorOpened(LazyResult<?> cursor) {
        cursors.add(cursor);
    }

    synchronized void cursorClosed(LazyResult<?> cursor) {
        cursors.remove(cursor);
    }

    /** Closes the cursors still open on the connection, before the transaction commits or rolls back. */
    void closeCursors() {
        List<LazyResult<?>> open;
        synchronized (this) {
            if (cursors.isEmpty()) return;
            open = new ArrayList<>(cursors);
        }
        for (LazyResult<?> cursor : open) cursor.end("its transaction has ended");
    }

    /**
     * Runs one of the transaction's own statements (SET TRANSACTION, SAVEPOINT, a dialect's pragma),
     * logged like any statement.
     *
     * @throws DataAccessException translated, carrying the SQL, if the database refuses
     */
    void run(String sql) {
        long start = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failures.translate(e, sql);
        }
        log.command(sql, start);
    }
}
