package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.CollationSuite;

/**
 * Code-point text comparison with the SQL rendered for MySQL 8 ({@link MysqlDialect#MYSQL_8}), run on the
 * MariaDB server in a database whose default collation is {@code utf8mb4_unicode_ci}. The tables get the
 * server's binary NO PAD collation (MariaDB has no {@code utf8mb4_0900_bin}; see {@link MysqlDialect#pinned()}).
 */
class Mysql8SqlCollationTest extends CollationSuite {
    @Override
    protected Database openDatabase() {
        return Database.builder(MyDatabases.own("quarry_my_collation8", "utf8mb4_unicode_ci")).dialect(MysqlDialect.MYSQL_8.pinned()).build();
    }

    @Override
    protected String linguisticCollation() { return "utf8mb4_unicode_ci"; }

    /**
     * A parameter of a server-side prepared statement gets utf8mb4's default collation,
     * {@code utf8mb4_general_ci}, not the connection's (MariaDB 10.11), so {@code ? = ?} ignores case.
     */
    @Override
    protected boolean bindValuesEqualByCodePoint() { return false; }
}
