package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.IntegritySuite;

/** The shared integrity suite on the real MariaDB server, in a database of its own. */
class MysqlIntegrityTest extends IntegritySuite {
    private static String url;

    @Override
    protected Database.Builder builder() {
        if (url == null) url = MyDatabases.own("quarry_my_integrity");
        return Database.builder(url);
    }

    /** {@code Duplicate entry '...' for key}. */
    @Override
    protected boolean serverQuotesValues() {
        return true;
    }
}
