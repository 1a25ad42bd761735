package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.DeepExpressionSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deep and huge statement suite on the real server with the dialect the server gets (MariaDB 10.11
 * locally, {@code thread_stack} 299,008 bytes), in a database of its own: a statement at Quarry's nesting
 * limit runs there, and an IN list over 65,535 values is refused before it is sent.
 */
class MysqlDeepExpressionTest extends DeepExpressionSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(MyDatabases.own("quarry_my_deep"));
        assertThat(db.dialect()).isInstanceOf(MysqlDialect.class);
        return db;
    }

    @Override
    protected int expectedMaxBindParameters() {
        return 65_535;
    }

    @Override
    protected boolean longInListsAreOneArray() {
        return false;
    }
}
