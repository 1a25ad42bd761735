package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.IdentifierSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The shared identifier suite on a file SQLite database. SQLite limits no name's length ("Limits In
 * SQLite"), compares names ignoring ASCII case, and keeps tables and indexes in one namespace
 * ({@code sqlite_schema}).
 */
class SqliteIdentifierTest extends IdentifierSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("identifiers.db"));
    }

    @Override
    protected String expectedTooLong(String what, String name) {
        return null;
    }

    @Override
    protected boolean tableNamesIgnoreCase() { return true; }

    @Override
    protected boolean indexNamesPerTable() { return false; }

    @Override
    protected String nameRule() {
        return "tables and indexes share one namespace per schema and names compare ignoring ASCII case";
    }
}
