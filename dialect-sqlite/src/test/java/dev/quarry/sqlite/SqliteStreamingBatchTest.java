package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.StreamingBatchSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The shared streaming and batching suite on SQLite in a temporary file (a pool of 4 connections): rows
 * stepped one at a time, many rows inserted as multi-row VALUES.
 */
class SqliteStreamingBatchTest extends StreamingBatchSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("streaming-batch.db"));
    }

    @Override
    protected InsertBatching expectedBatching() {
        return InsertBatching.MULTI_ROW_VALUES;
    }

    @Override
    protected InsertBatching expectedBatchingWithExplicitKeys() {
        return InsertBatching.JDBC_BATCH;
    }
}
