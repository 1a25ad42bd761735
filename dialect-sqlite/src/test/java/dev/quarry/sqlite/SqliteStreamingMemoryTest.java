package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.StreamingMemorySuite;

/**
 * A million generated rows streamed from in-memory SQLite with a 64 MB heap; run by the surefire
 * execution {@code streaming-memory} of this module's POM, in a JVM of its own.
 */
class SqliteStreamingMemoryTest extends StreamingMemorySuite {
    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite::memory:");
    }
}
