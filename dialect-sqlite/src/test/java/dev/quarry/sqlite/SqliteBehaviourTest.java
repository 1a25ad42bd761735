package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BehaviourSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The shared behaviour suite on a real SQLite database in a temporary file (a pool of 4 connections). */
class SqliteBehaviourTest extends BehaviourSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("behaviour.db"));
    }
}
