package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BehaviourSuite;

/** The shared behaviour suite on a real PostgreSQL server (see {@link dev.quarry.testkit.TestDatabases}). */
class PostgresBehaviourTest extends BehaviourSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_behaviour");
    }
}
