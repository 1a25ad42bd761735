package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.ExpressionWindowSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared window-function and expression suite on the real server with the dialect the server gets
 * (on the local MariaDB 10.11: MariaDB's SQL, so LAG / LEAD with a default are emulated), in a database of
 * its own.
 */
class MysqlExpressionWindowTest extends ExpressionWindowSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(ExpressionWindowDatabases.url("quarry_my_expression_window"));
        assertThat(db.dialect()).isInstanceOf(MysqlDialect.class);
        return db;
    }

    /** Neither MySQL 8.0 nor MariaDB has GROUPS frames: the suite checks the refusal. */
    @Override
    protected boolean groupsFrames() {
        return false;
    }
}
