package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.IntegritySuite;

/** The shared integrity suite on a real PostgreSQL server, in the schema {@code quarry_integrity}. */
class PostgresIntegrityTest extends IntegritySuite {
    private static String url;

    @Override
    protected Database.Builder builder() {
        if (url == null) url = PgServer.schemaUrl("quarry_integrity");
        return Database.builder(url);
    }

    /** {@code Detail: Key (token)=(...) already exists.}, {@code Failing row contains (...)}. */
    @Override
    protected boolean serverQuotesValues() {
        return true;
    }
}
