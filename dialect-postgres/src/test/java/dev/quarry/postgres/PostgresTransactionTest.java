package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.Transaction;
import dev.quarry.testkit.TransactionSuite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shared transaction suite on a real PostgreSQL server, in the schema {@value #SCHEMA}: levels read
 * back with {@code SHOW transaction_isolation} (PostgreSQL reports READ UNCOMMITTED as asked, and runs it
 * as READ COMMITTED), {@code SHOW transaction_read_only}; REPEATABLE READ fails a write to a row changed
 * since its snapshot with 40001; deadlocks are found after {@code deadlock_timeout} (1 s by default) and
 * reported as 40P01; a broken connection is the server ending the session
 * ({@code pg_terminate_backend}).
 */
class PostgresTransactionTest extends TransactionSuite {
    static final String SCHEMA = "quarry_transactions";

    private static String url;

    @Override
    protected Database.Builder builder() {
        if (url == null) {
            PgServer.open(SCHEMA).close();   // creates the schema, dropped when the JVM exits
            String server = PgServer.url();
            url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        }
        return Database.builder(url);
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.allOf(Feature.class);
    }

    @Override
    protected Isolation defaultIsolation() {
        return Isolation.READ_COMMITTED;
    }

    private static String show(Transaction tx, String setting) throws SQLException {
        try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    protected Isolation serverIsolation(Transaction tx) throws SQLException {
        return Isolation.valueOf(show(tx, "transaction_isolation").toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    @Override
    protected boolean serverReadOnly(Transaction tx) throws SQLException {
        return show(tx, "transaction_read_only").equals("on");
    }

    @Override
    protected void shortLockWait(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("SET LOCAL lock_timeout = '200ms'");
        }
    }

    @Override
    protected void breakConnection(Transaction tx) {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("SELECT pg_terminate_backend(pg_backend_pid())");
        } catch (SQLException expected) {
            // "terminating connection due to administrator command"
        }
    }
}
