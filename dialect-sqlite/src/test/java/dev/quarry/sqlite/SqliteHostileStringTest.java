package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.HostileStringSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The hostile-string corpus on a real SQLite database in a temporary file. */
class SqliteHostileStringTest extends HostileStringSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("hostile.db"));
    }
}
