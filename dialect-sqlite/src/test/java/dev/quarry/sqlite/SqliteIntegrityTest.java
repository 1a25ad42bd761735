package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.IntegritySuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The shared integrity suite on a SQLite file. */
class SqliteIntegrityTest extends IntegritySuite {
    @TempDir
    static Path dir;

    @Override
    protected Database.Builder builder() {
        return Database.builder("jdbc:sqlite:" + dir.resolve("integrity.db"));
    }

    /** SQLite's messages name the constraint's columns, never a value ({@code UNIQUE constraint failed: t.c}). */
    @Override
    protected boolean serverQuotesValues() {
        return false;
    }
}
