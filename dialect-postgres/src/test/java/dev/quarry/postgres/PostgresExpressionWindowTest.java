package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.ExpressionWindowSuite;

/** The shared window-function and expression suite on a real PostgreSQL server, in its own schema. */
class PostgresExpressionWindowTest extends ExpressionWindowSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_expression_window");
    }
}
