package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Field;
import dev.quarry.testkit.FaultSuite;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The shared fault suite on a SQLite file. SQLite has no server: "killing the session" closes the
 * physical connection under the pool, the slow statement is a recursive CTE that counts to two billion,
 * and a cancelled statement (stopped by {@code sqlite3_interrupt}) has stopped when it failed, since it
 * runs in this process.
 */
class SqliteFaultTest extends FaultSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database.Builder builder() {
        return Database.builder("jdbc:sqlite:" + dir.resolve("faults.db"));
    }

    @Override
    protected void killSession(Connection victim) throws SQLException {
        victim.unwrap(SQLiteConnection.class).close();
    }

    @Override
    protected Field<Integer> slowExpression(String marker) {
        return rawInteger("(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
                + "SELECT count(*) FROM c) /* " + marker + " */");
    }

    /** In-process: the interrupted statement had stopped when its failure was thrown. */
    @Override
    protected int runningOnServer(String marker) {
        return 0;
    }

    @Override
    protected String unreachableUrl(int port) {
        return "jdbc:sqlite:" + dir.resolve("no-such-folder-" + port).resolve("faults.db");
    }
}
