package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.TestDatabases;

/** The PostgreSQL server of the tests: found by {@link TestDatabases}, else the test fails in CI and skips elsewhere. */
final class PgServer {
    private PgServer() {}

    static String url() {
        return TestDatabases.postgres().orElseThrow(() -> TestDatabases.unavailable("PostgreSQL",
                TestDatabases.POSTGRES_ENV, TestDatabases.POSTGRES_LOCAL));
    }

    static Database open() {
        return Database.connect(url());
    }
}
