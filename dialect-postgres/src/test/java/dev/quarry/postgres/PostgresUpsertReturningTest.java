package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.StatementKind;
import dev.quarry.testkit.UpsertReturningSuite;

import java.util.EnumSet;
import java.util.Set;

/** The shared upsert and RETURNING suite on a real PostgreSQL server (RETURNING on INSERT, UPDATE and DELETE). */
class PostgresUpsertReturningTest extends UpsertReturningSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_upsert_returning");
    }

    @Override
    protected Set<StatementKind> returningSupport() {
        return EnumSet.allOf(StatementKind.class);
    }
}
