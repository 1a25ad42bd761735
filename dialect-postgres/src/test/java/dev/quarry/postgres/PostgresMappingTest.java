package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.testkit.MappingSuite;

/** The mapping layer on the real PostgreSQL server, in a schema of its own. */
class PostgresMappingTest extends MappingSuite {
    @Override
    protected Database openDatabase(StatementListener listener) {
        return PgServer.open("quarry_mapping", listener);
    }
}
