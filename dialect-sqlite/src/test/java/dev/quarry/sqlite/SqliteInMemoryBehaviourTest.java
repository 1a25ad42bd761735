package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BehaviourSuite;

/** The shared behaviour suite on an in-memory SQLite database (one pooled connection that is never retired). */
class SqliteInMemoryBehaviourTest extends BehaviourSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite::memory:");
    }
}
