package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.StreamingMemorySuite;

/**
 * A million generated rows streamed from the real server (MariaDB 10.11 locally) with a 64 MB heap; run by
 * the surefire execution {@code streaming-memory} of this module's POM, in a JVM of its own.
 */
class MysqlStreamingMemoryTest extends StreamingMemorySuite {
    @Override
    protected Database openDatabase() {
        return Database.connect(StreamingDatabases.url(StreamingDatabases.MEMORY));
    }
}
