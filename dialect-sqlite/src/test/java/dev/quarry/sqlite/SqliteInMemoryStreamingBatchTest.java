package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.StreamingBatchSuite;

/**
 * The shared streaming and batching suite on in-memory SQLite, whose pool has exactly one connection: a
 * cursor holds it until it is closed or read to the end, which the suite's pool counts check.
 */
class SqliteInMemoryStreamingBatchTest extends StreamingBatchSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite::memory:");
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
