package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.DeepExpressionSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The deep and huge statement suite on SQLite in a temporary file. Quarry keeps SQLite's default bind
 * limit of 32,766 ({@code SQLITE_MAX_VARIABLE_NUMBER} since 3.32.0), although sqlite-jdbc 3.50.3.0 is
 * compiled with 250,000, so that an IN list is refused past it.
 */
class SqliteDeepExpressionTest extends DeepExpressionSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("deep.db"));
    }

    @Override
    protected int expectedMaxBindParameters() {
        return 32_766;
    }

    @Override
    protected boolean longInListsAreOneArray() {
        return false;
    }
}
