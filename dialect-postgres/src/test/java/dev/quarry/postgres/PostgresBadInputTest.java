package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.BadInputSuite;

/** The shared bad-input suite on a real PostgreSQL server, in the schema {@code quarry_bad_input}. */
class PostgresBadInputTest extends BadInputSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_bad_input");
    }
}
