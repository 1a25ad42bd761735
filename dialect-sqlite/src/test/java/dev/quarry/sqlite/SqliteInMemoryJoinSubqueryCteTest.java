package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.JoinSubqueryCteSuite;

import java.util.EnumSet;
import java.util.Set;

/** Joins, subqueries and CTEs on an in-memory SQLite database (one pooled connection). */
class SqliteInMemoryJoinSubqueryCteTest extends JoinSubqueryCteSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite::memory:");
    }

    @Override
    protected Set<Feature> unsupported() {
        return EnumSet.of(Feature.LATERAL, Feature.ANY_ALL);
    }
}
