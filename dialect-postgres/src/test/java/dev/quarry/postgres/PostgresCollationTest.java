package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.CollationSuite;

/**
 * Code-point text comparison on the test server's database (see {@link PostgresIcuCollationTest} for a
 * database whose default collation is ICU's en-US).
 */
class PostgresCollationTest extends CollationSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_collation");
    }

    /** ICU's collation for US English, which PostgreSQL creates when it is built with ICU. */
    @Override
    protected String linguisticCollation() { return "en-US-x-icu"; }
}
