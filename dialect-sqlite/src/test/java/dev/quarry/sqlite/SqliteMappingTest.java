package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.testkit.MappingSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The mapping layer on a real SQLite database in a temporary file of its own. */
class SqliteMappingTest extends MappingSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase(StatementListener listener) {
        return Database.builder("jdbc:sqlite:" + dir.resolve("mapping.db")).statementListener(listener).build();
    }
}
