package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.HostileStringSuite;

/**
 * The hostile-string corpus with the SQL rendered for MySQL 8 ({@link MysqlDialect#MYSQL_8}: many rows as
 * multi-row VALUES instead of MariaDB's bulk protocol, no RETURNING), run on the MariaDB server.
 */
class Mysql8SqlHostileStringTest extends HostileStringSuite {
    @Override
    protected Database openDatabase() {
        return Database.builder(MyDatabases.own("quarry_my_hostile8")).dialect(MysqlDialect.MYSQL_8.pinned()).build();
    }
}
