package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the outermost transaction and the nested blocks inside it share: the connection, the log, and
 * whether the transaction is doomed. A transaction is doomed when a nested block failed with a
 * serialization failure or deadlock, or another failure its retry policy retries (the server may already have rolled back the whole transaction, as
 * InnoDB does on a deadlock, and the SQL standard asks for the whole transaction to be retried), or when
 * a savepoint could not be set, rolled back to or released: every later statement then rethrows that
 * failure, and the outermost block rolls back (and, for a serialization failure or deadlock, retries)
 * instead of committing. Used by one thread at a time, like the transaction.
 */
final class TransactionState {
    private final Dialect dialect;
    private final Connection connection;
    private final SqlLog log;
    private final RetryPolicy policy;
    private volatile DataAccessException doomedBy;
    private volatile boolean broken;

    private final Database database;

    TransactionState(Database database, Dialect dialect, Connection connection, SqlLog log, RetryPolicy policy) {
        this.database = database;
        this.dialect = dialect;
        this.connection = connection;
        this.log = log;
        this.policy = policy;
    }

    /** @return the retry policy of the outermost block, which decides which failures of nested blocks doom it */
    RetryPolicy policy() { return policy; }

    Dialect dialect() { return dialect; }

    Database database() { return database; }

    Connection connection() { return connection; }

    SqlLog log() { return log; }

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
            throw dialect.translate(e, sql);
        }
        log.command(sql, start);
    }
}
