package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.RetryPolicy;
import dev.quarry.dsl.Transaction;
import dev.quarry.testkit.TransactionSuite;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/**
 * The shared transaction suite on a SQLite file in WAL mode ({@code journal_mode=WAL}), where a reader
 * keeps its snapshot while another connection commits, and a write after such a commit fails with
 * SQLITE_BUSY_SNAPSHOT, a serialization failure. SQLite is always SERIALIZABLE: the level read back is
 * that, except READ UNCOMMITTED, which shows as {@code PRAGMA read_uncommitted = 1}; read-only is
 * {@code PRAGMA query_only = 1}. An in-memory database has a pool of one connection, so the suite, which
 * needs a second connection to conflict with, runs on a file only.
 */
class SqliteTransactionTest extends TransactionSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database.Builder builder() {
        return Database.builder("jdbc:sqlite:" + dir.resolve("transactions.db") + "?journal_mode=WAL");
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.DEFERRED_CHECKS);
    }

    /** The second writer gets SQLITE_BUSY at once (it holds a read snapshot): retried as a lock timeout. */
    @Override
    protected RetryPolicy concurrentWriterRetry(RetryPolicy policy) {
        return policy.alsoRetrying(LockTimeoutException.class);
    }

    @Override
    protected Isolation defaultIsolation() {
        return Isolation.SERIALIZABLE;
    }

    @Override
    protected Isolation reportedIsolation(Isolation requested) {
        return requested == Isolation.READ_UNCOMMITTED ? Isolation.READ_UNCOMMITTED : Isolation.SERIALIZABLE;
    }

    private static int pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    protected Isolation serverIsolation(Transaction tx) throws SQLException {
        return pragma(tx.connection(), "read_uncommitted") == 1 ? Isolation.READ_UNCOMMITTED : Isolation.SERIALIZABLE;
    }

    @Override
    protected boolean serverReadOnly(Transaction tx) throws SQLException {
        return pragma(tx.connection(), "query_only") == 1;
    }

    @Override
    protected void shortLockWait(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("PRAGMA busy_timeout = 200");
        }
    }

    @Override
    protected void restoreLockWait(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
        }
    }

    /** Closes the physical connection under the pool's proxy. */
    @Override
    protected void breakConnection(Transaction tx) {
        try {
            tx.connection().unwrap(SQLiteConnection.class).close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void beforeSnapshotRead(Transaction tx) throws SQLException {
        assertWal(tx.connection());
    }

    private static void assertWal(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            if (!"wal".equalsIgnoreCase(rs.getString(1))) throw new IllegalStateException("not in WAL mode: " + rs.getString(1));
        }
    }
}
