package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.RecordMappingSuite;

/** Rows to records on the real PostgreSQL server, in a schema of their own. */
class PostgresRecordMappingTest extends RecordMappingSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_record_mapping");
    }
}
