package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.RecordMappingSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Rows to records on a real SQLite database in a temporary file of its own. */
class SqliteRecordMappingTest extends RecordMappingSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("record-mapping.db"));
    }
}
