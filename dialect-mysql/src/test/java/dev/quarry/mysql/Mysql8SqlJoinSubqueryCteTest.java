package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.JoinSubqueryCteSuite;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins, subqueries and CTEs with the SQL rendered for MySQL 8 ({@link MysqlDialect#MYSQL_8}, kept
 * whatever the server), run on this module's server. On the local MariaDB, LATERAL and WITH in front of
 * UPDATE and DELETE, which MySQL 8 has and MariaDB refuses, are only rendered; against a MySQL 8 server
 * ({@code QUARRY_TEST_MARIADB_URL}) they run.
 */
class Mysql8SqlJoinSubqueryCteTest extends JoinSubqueryCteSuite {
    private boolean onMariaDb;

    @Override
    protected Database openDatabase() {
        String url = MyDatabases.own("quarry_my_join_subquery_cte");
        try (Database probe = Database.connect(url)) {
            onMariaDb = ((MysqlDialect) probe.dialect()).isMariaDb();
        }
        Database db = Database.builder(url).dialect(MysqlDialect.MYSQL_8.pinned()).build();
        assertThat(db.dialect().name()).isEqualTo("mysql");
        return db;
    }

    @Override
    protected Set<Feature> unsupported() {
        return EnumSet.of(Feature.FULL_JOIN);
    }

    @Override
    protected Set<Feature> renderedOnly() {
        return onMariaDb ? EnumSet.of(Feature.LATERAL, Feature.WITH_IN_UPDATE_DELETE) : EnumSet.noneOf(Feature.class);
    }
}
