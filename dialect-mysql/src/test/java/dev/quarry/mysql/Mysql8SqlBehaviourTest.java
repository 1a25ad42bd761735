package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BehaviourSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared behaviour suite with the SQL rendered for MySQL 8 ({@link MysqlDialect#MYSQL_8}, kept
 * whatever the server), run on the real server of this module's tests, which on the local machine is
 * MariaDB: MariaDB accepts MySQL's spelling, so this runs the MySQL code paths against a server (no
 * RETURNING, generated keys through JDBC's {@code getGeneratedKeys}, foreign keys added without
 * IF NOT EXISTS). It does not replace a run on a MySQL 8 server: point {@code QUARRY_TEST_MARIADB_URL}
 * at one for that.
 */
class Mysql8SqlBehaviourTest extends BehaviourSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.builder(MyDatabases.suiteUrl()).dialect(MysqlDialect.MYSQL_8.pinned()).build();
        assertThat(db.dialect().supportsInsertReturning()).isFalse();
        assertThat(db.dialect().name()).isEqualTo("mysql");
        return db;
    }

    @Override
    protected String expectedSqlState(String standardSqlState) {
        return "23000";
    }
}
