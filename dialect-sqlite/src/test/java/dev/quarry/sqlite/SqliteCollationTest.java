package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.CollationSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Code-point text comparison on a real SQLite database in a temporary file. */
class SqliteCollationTest extends CollationSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("collation.db"));
    }

    /** SQLite's built-in case-insensitive collation (ASCII letters only). */
    @Override
    protected String linguisticCollation() { return "NOCASE"; }

    /** SQLite's LIKE ignores the case of ASCII letters (SQLite manual, "The LIKE, GLOB, REGEXP, MATCH, and extract operators"). */
    @Override
    protected boolean likeIgnoresAsciiCase() { return true; }
}
