package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.StreamingMemorySuite;

/**
 * A million generated rows streamed from PostgreSQL with a 64 MB heap; run by the surefire execution
 * {@code streaming-memory} of this module's POM, in a JVM of its own.
 */
class PostgresStreamingMemoryTest extends StreamingMemorySuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_streammem");
    }
}
