package dev.quarry.postgres;

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
 * The shared fault suite on a real PostgreSQL server, in the schema {@value #SCHEMA}: a session is ended
 * with {@code pg_terminate_backend(pid, 5000)} (which waits until it is gone), the slow statement is
 * {@code pg_sleep}, and a cancelled statement must be gone from {@code pg_stat_activity}.
 */
class PostgresFaultTest extends FaultSuite {
    static final String SCHEMA = "quarry_faults";

    private static String url;

    @Override
    protected Database.Builder builder() {
        if (url == null) url = PgServer.schemaUrl(SCHEMA);
        return Database.builder(url);
    }

    @Override
    protected void killSession(Connection victim) throws SQLException {
        int pid;
        try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        try (Connection admin = DriverManager.getConnection(PgServer.url());
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            kill.setInt(1, pid);
            try (ResultSet rs = kill.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) throw new IllegalStateException("backend " + pid + " did not end");
            }
        }
    }

    @Override
    protected Field<Integer> slowExpression(String marker) {
        return rawInteger("(SELECT 1 FROM pg_sleep(" + LONG_SECONDS + ")) /* " + marker + " */");
    }

    @Override
    protected int runningOnServer(String marker) throws SQLException {
        try (Connection admin = DriverManager.getConnection(PgServer.url());
             PreparedStatement s = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                     + "AND pid <> pg_backend_pid() AND query LIKE ?")) {
            s.setString(1, "%" + marker + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    protected String unreachableUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres";
    }

    /**
     * A server that stops answering in the middle of a statement: the pool's socket timeout ends the wait
     * with a {@code DataAccessException} (the connection is broken and replaced), not a hang.
     */
    @Test
    @Timeout(60)
    void theSocketTimeoutEndsAWaitForAServerThatDoesNotAnswer() {
        assertTheSocketTimeoutEndsTheWait(rawInteger("(SELECT 1 FROM pg_sleep(4))"));
    }
}
