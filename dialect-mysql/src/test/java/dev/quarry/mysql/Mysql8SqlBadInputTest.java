package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BadInputSuite;

/**
 * The shared bad-input suite with SQL rendered for MySQL 8 ({@link MysqlDialect#MYSQL_8}), run on this
 * module's server, which accepts that SQL; MySQL reports the same vendor codes for these errors.
 */
class Mysql8SqlBadInputTest extends BadInputSuite {
    @Override
    protected Database openDatabase() {
        return Database.builder(MyDatabases.own("quarry_my_bad_input_8")).dialect(MysqlDialect.MYSQL_8.pinned()).build();
    }
}
