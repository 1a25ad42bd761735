package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BadInputSuite;

/** The shared bad-input suite on the real MariaDB server, in a database of its own. */
class MysqlBadInputTest extends BadInputSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect(MyDatabases.own("quarry_my_bad_input"));
    }
}
