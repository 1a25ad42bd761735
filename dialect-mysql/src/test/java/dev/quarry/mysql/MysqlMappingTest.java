package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.testkit.MappingSuite;

/** The mapping layer on the real server (MariaDB 10.11 on the local machine), in a database of its own. */
class MysqlMappingTest extends MappingSuite {
    @Override
    protected Database openDatabase(StatementListener listener) {
        return Database.builder(MyDatabases.own("quarry_my_mapping")).statementListener(listener).build();
    }
}
