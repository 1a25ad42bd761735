package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.HostileStringSuite;

/** The hostile-string corpus on the real MariaDB server with the server's dialect, in a database of its own. */
class MysqlHostileStringTest extends HostileStringSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect(MyDatabases.own("quarry_my_hostile"));
    }
}
