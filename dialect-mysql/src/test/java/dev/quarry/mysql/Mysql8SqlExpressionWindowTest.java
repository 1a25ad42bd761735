package dev.quarry.mysql;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.testkit.ExpressionWindowSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared window-function and expression suite with the SQL rendered for MySQL 8.0.16
 * ({@link MysqlDialect#MYSQL_8}, pinned) on the real server, which locally is MariaDB: it runs MySQL's
 * code paths (LAG / LEAD with a native default, NTILE and offsets as literals, {@code + 0E0} for a CAST
 * to DOUBLE) against a server. It does not replace a run on a MySQL 8 server.
 */
class Mysql8SqlExpressionWindowTest extends ExpressionWindowSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.builder(ExpressionWindowDatabases.url("quarry_my8_expression_window"))
                .dialect(MysqlDialect.MYSQL_8.pinned()).build();
        assertThat(db.dialect().name()).isEqualTo("mysql");
        return db;
    }

    /** MySQL 8's {@code LAG(x, n, default)} is a syntax error on MariaDB; a MySQL 8 server runs it. */
    @Override
    protected boolean runsLagLeadDefaults() {
        String version = db.select(Dsl.sql(DataType.text(), "VERSION()")).fetchOne().value1();
        return !version.contains("MariaDB");
    }

    /** Neither MySQL 8.0 nor MariaDB has GROUPS frames: the suite checks the refusal. */
    @Override
    protected boolean groupsFrames() {
        return false;
    }
}
