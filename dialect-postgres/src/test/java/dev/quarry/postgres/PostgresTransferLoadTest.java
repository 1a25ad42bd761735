package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.TransferLoadSuite;

/**
 * The shared transfer load on a real PostgreSQL server, in the schema {@code quarry_load}: conflicts end
 * in serialization failures (40001) at both levels, which Quarry retries.
 */
class PostgresTransferLoadTest extends TransferLoadSuite {
    private static String url;

    @Override
    protected Database.Builder builder() {
        if (url == null) url = PgServer.schemaUrl("quarry_load");
        return Database.builder(url).maximumPoolSize(8);
    }
}
