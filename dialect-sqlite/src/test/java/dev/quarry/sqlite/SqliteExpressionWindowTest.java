package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.ExpressionWindowSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The shared window-function and expression suite on a real SQLite database in a temporary file. */
class SqliteExpressionWindowTest extends ExpressionWindowSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("expression-window.db"));
    }
}
