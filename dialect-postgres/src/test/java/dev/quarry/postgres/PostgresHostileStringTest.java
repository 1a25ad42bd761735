package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.HostileStringSuite;

/** The hostile-string corpus on a real PostgreSQL server, in a schema of its own. */
class PostgresHostileStringTest extends HostileStringSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_hostile");
    }
}
