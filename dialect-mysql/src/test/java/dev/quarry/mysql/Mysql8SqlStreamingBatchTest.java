package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.StreamingBatchSuite;

/**
 * The shared streaming and batching suite with the dialect of MySQL 8, kept whatever the server, run on
 * this module's server: many rows go as multi-row VALUES (MySQL has no bulk command), and generated keys
 * come from JDBC's generated keys ({@code returnMultiValuesGeneratedIds}), since MySQL has no RETURNING.
 */
class Mysql8SqlStreamingBatchTest extends StreamingBatchSuite {
    @Override
    protected Database openDatabase() {
        return Database.builder(StreamingDatabases.url(StreamingDatabases.BATCH)).dialect(MysqlDialect.of("MySQL", "8.0.36").pinned()).build();
    }

    @Override
    protected InsertBatching expectedBatching() {
        return InsertBatching.MULTI_ROW_VALUES;
    }
}
