package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The session of one {@link Database#transaction} block: every statement runs on the transaction's
 * connection. Valid only inside the block; any use after the block has returned fails with
 * {@link IllegalStateException}. Not for use by several threads at once.
 */
public final class Transaction extends SessionSupport {
    private final Dialect dialect;
    private final Connection connection;
    private final EndFlag ended;

    Transaction(Dialect dialect, Connection connection) {
        this(dialect, connection, new EndFlag());
    }

    private Transaction(Dialect dialect, Connection connection, EndFlag ended) {
        super(new Executor(dialect, new Executor.ConnectionSource() {
            @Override public Connection acquire() {
                if (ended.value) throw new IllegalStateException("this transaction has ended; start a new one with db.transaction(...)");
                return connection;
            }
            @Override public void release(Connection c) {
                // the connection belongs to the transaction until it ends
            }
        }));
        this.dialect = dialect;
        this.connection = connection;
        this.ended = ended;
    }

    private static final class EndFlag {
        volatile boolean value;
    }

    private volatile boolean foreignKeyChecksDeferred;

    void end() { ended.value = true; }

    boolean foreignKeyChecksDeferred() { return foreignKeyChecksDeferred; }

    /**
     * Defers foreign-key checks to the commit of this transaction, so that rows that reference each
     * other (Sakila's store and staff) can be inserted one after the other. On SQLite this is
     * {@code PRAGMA defer_foreign_keys = ON} (SQLite manual, "PRAGMA defer_foreign_keys").
     *
     * @throws UnsupportedDialectFeatureException if the dialect cannot defer checks
     * @throws DataAccessException if the database refuses
     */
    public void deferForeignKeyChecks() {
        if (ended.value) throw new IllegalStateException("this transaction has ended");
        try {
            dialect.deferForeignKeyChecks(connection);
            foreignKeyChecksDeferred = true;
        } catch (SQLException e) {
            throw dialect.translate(e, null);
        }
    }

    /**
     * The transaction's JDBC connection, for plain JDBC next to Quarry inside the block (a setting the
     * DSL lacks, a vendor statement). Do not commit, roll back, close it or change its auto-commit:
     * the block's end does that.
     *
     * @return the connection
     * @throws IllegalStateException if the transaction has ended
     */
    public Connection connection() {
        if (ended.value) throw new IllegalStateException("this transaction has ended");
        return connection;
    }
}
