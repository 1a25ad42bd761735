package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.StatementKind;
import dev.quarry.testkit.UpsertReturningSuite;

import java.util.EnumSet;
import java.util.Set;

/** The shared upsert and RETURNING suite on in-memory SQLite (RETURNING since SQLite 3.35 for all three statements). */
class SqliteUpsertReturningTest extends UpsertReturningSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite::memory:");
    }

    @Override
    protected Set<StatementKind> returningSupport() {
        return EnumSet.allOf(StatementKind.class);
    }
}
