package dev.quarry.mysql;

import dev.quarry.dsl.Database;

/**
 * The shared identifier suite with SQL rendered for MySQL 8 ({@link MysqlDialect#MYSQL_8}), run on this
 * module's server in a database of its own: the same limits and rules, named {@code mysql} in messages.
 */
class Mysql8SqlIdentifierTest extends MysqlIdentifierTest {
    @Override
    protected Database openDatabase() {
        return Database.builder(MyDatabases.own("quarry_my_ident8")).dialect(MysqlDialect.MYSQL_8.pinned()).build();
    }

    @Override
    String dialectName() { return "mysql"; }
}
