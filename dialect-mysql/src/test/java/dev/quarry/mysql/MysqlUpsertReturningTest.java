package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.StatementKind;
import dev.quarry.testkit.UpsertReturningSuite;

import java.util.EnumSet;
import java.util.Set;

/**
 * The shared upsert and RETURNING suite on the real server with the dialect the server gets: MariaDB
 * has INSERT ... RETURNING (10.5) and DELETE ... RETURNING (10.0.5), never UPDATE ... RETURNING.
 */
class MysqlUpsertReturningTest extends UpsertReturningSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect(MyDatabases.suiteUrl());
    }

    @Override
    protected Set<StatementKind> returningSupport() {
        return db.dialect().supportsInsertReturning() ? EnumSet.of(StatementKind.INSERT, StatementKind.DELETE)
                : EnumSet.noneOf(StatementKind.class);
    }
}
