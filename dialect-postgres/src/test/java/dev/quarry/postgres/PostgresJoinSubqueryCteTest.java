package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.JoinSubqueryCteSuite;

import java.util.EnumSet;
import java.util.Set;

/** Joins, subqueries and CTEs on the real PostgreSQL server, in a schema of their own; PostgreSQL has every feature. */
class PostgresJoinSubqueryCteTest extends JoinSubqueryCteSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_join_subquery_cte");
    }

    @Override
    protected Set<Feature> unsupported() {
        return EnumSet.noneOf(Feature.class);
    }
}
