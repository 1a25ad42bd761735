package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.JoinSubqueryCteSuite;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins, subqueries and CTEs on the real server with the dialect it gets (on the local machine MariaDB
 * 10.11), in a database of their own: MariaDB has no FULL JOIN, no LATERAL and no WITH in front of
 * UPDATE or DELETE.
 */
class MysqlJoinSubqueryCteTest extends JoinSubqueryCteSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(MyDatabases.own("quarry_my_join_subquery_cte"));
        assertThat(db.dialect()).isInstanceOf(MysqlDialect.class);
        return db;
    }

    @Override
    protected Set<Feature> unsupported() {
        boolean mariaDb = ((MysqlDialect) db.dialect()).isMariaDb();
        return mariaDb ? EnumSet.of(Feature.FULL_JOIN, Feature.LATERAL, Feature.WITH_IN_UPDATE_DELETE)
                : EnumSet.of(Feature.FULL_JOIN);
    }
}
