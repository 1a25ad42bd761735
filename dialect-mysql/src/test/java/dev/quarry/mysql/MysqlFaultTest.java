package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Field;
import dev.quarry.testkit.FaultSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared fault suite on the real MariaDB server, in a database of its own: a session is ended with
 * {@code KILL CONNECTION} from another connection, the slow statement is {@code SLEEP()} (which a
 * {@code KILL QUERY} ends by returning 1, not by failing, so Quarry must report the timeout itself), and
 * a cancelled statement must be gone from {@code information_schema.processlist}.
 */
class MysqlFaultTest extends FaultSuite {
    private static String url;

    @Override
    protected Database.Builder builder() {
        if (url == null) url = MyDatabases.own("quarry_my_faults");
        return Database.builder(url);
    }

    @Override
    protected void killSession(Connection victim) throws SQLException {
        long id;
        try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            id = rs.getLong(1);
        }
        try (Connection admin = DriverManager.getConnection(MyDatabases.url()); Statement kill = admin.createStatement()) {
            kill.execute("KILL CONNECTION " + id);
        }
    }

    @Override
    protected Field<Integer> slowExpression(String marker) {
        return rawInteger("SLEEP(" + LONG_SECONDS + ") /* " + marker + " */");
    }

    @Override
    protected int runningOnServer(String marker) throws SQLException {
        try (Connection admin = DriverManager.getConnection(MyDatabases.url());
             PreparedStatement s = admin.prepareStatement("SELECT count(*) FROM information_schema.processlist "
                     + "WHERE id <> CONNECTION_ID() AND info LIKE ?")) {
            s.setString(1, "%" + marker + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    protected String unreachableUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/test?user=root";
    }

    /**
     * A server that stops answering in the middle of a statement: the pool's socket timeout ends the wait
     * with a {@code DataAccessException} (the connection is broken and replaced), not a hang.
     */
    @Test
    @Timeout(60)
    void theSocketTimeoutEndsAWaitForAServerThatDoesNotAnswer() {
        assertTheSocketTimeoutEndsTheWait(rawInteger("SLEEP(4)"));
    }
}
