package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BadInputSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The shared bad-input suite on a file SQLite database: SQLite keeps any value in any column, so what
 * the database computes is refused by the range and length CHECK constraints of the dialect's DDL, and
 * what it returns by the dialect's bindings.
 */
class SqliteBadInputSuiteTest extends BadInputSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("bad-input.db"));
    }
}
