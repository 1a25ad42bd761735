package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.spi.StatementKind;
import dev.quarry.testkit.UpsertReturningSuite;

import java.util.EnumSet;
import java.util.Set;

/**
 * The shared upsert and RETURNING suite with SQL rendered for MySQL 8 ({@link MysqlDialect#MYSQL_8}),
 * run on this module's server: MySQL has no RETURNING at all, so every RETURNING is refused at render time.
 */
class Mysql8SqlUpsertReturningTest extends UpsertReturningSuite {
    @Override
    protected Database openDatabase() {
        return Database.builder(MyDatabases.suiteUrl()).dialect(MysqlDialect.MYSQL_8.pinned()).build();
    }

    @Override
    protected Set<StatementKind> returningSupport() {
        return EnumSet.noneOf(StatementKind.class);
    }
}
