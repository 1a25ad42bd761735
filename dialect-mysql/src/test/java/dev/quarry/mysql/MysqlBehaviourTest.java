package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BehaviourSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared behaviour suite on the real server with the dialect the server gets
 * ({@link MysqlDialect#forServer}): on the local MariaDB 10.11 that is MariaDB's SQL, with INSERT ...
 * RETURNING for generated keys. It runs in the database {@value MyDatabases#SUITE_DATABASE}, since
 * other modules' suites create the same {@code qk_} tables on the same server.
 */
class MysqlBehaviourTest extends BehaviourSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(MyDatabases.suiteUrl());
        assertThat(db.dialect()).isInstanceOf(MysqlDialect.class);
        return db;
    }

    /** MariaDB and MySQL report 23000 for every integrity constraint violation. */
    @Override
    protected String expectedSqlState(String standardSqlState) {
        return "23000";
    }
}
