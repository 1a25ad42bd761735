package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.StreamingBatchSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared streaming and batching suite on the real server with the dialect the server gets (MariaDB
 * 10.11 locally): cursors read Connector/J's streaming result set, many rows go as a JDBC batch in the
 * bulk protocol, generated keys come back with INSERT ... RETURNING.
 */
class MysqlStreamingBatchTest extends StreamingBatchSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(StreamingDatabases.url(StreamingDatabases.BATCH));
        assertThat(db.dialect().name()).isEqualTo("mariadb");
        return db;
    }

    @Override
    protected InsertBatching expectedBatching() {
        return InsertBatching.JDBC_BATCH;
    }
}
