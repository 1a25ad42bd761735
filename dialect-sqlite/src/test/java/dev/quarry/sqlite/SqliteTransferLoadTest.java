package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.RetryPolicy;
import dev.quarry.testkit.TransferLoadSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The shared transfer load on a SQLite file in WAL mode with 8 connections. SQLite runs every level as
 * SERIALIZABLE with one writer at a time: a transaction that read a snapshot and then wants to write
 * while another writes gets SQLITE_BUSY at once, or SQLITE_BUSY_SNAPSHOT once the other has committed;
 * both are retried (the first as a {@link LockTimeoutException}, which the transfers opt into).
 */
class SqliteTransferLoadTest extends TransferLoadSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database.Builder builder() {
        return Database.builder("jdbc:sqlite:" + dir.resolve("load.db") + "?journal_mode=WAL").maximumPoolSize(8);
    }

    @Override
    protected RetryPolicy retryPolicy(RetryPolicy policy) {
        return policy.alsoRetrying(LockTimeoutException.class);
    }
}
