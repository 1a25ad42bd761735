package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.Transaction;
import dev.quarry.testkit.TestDatabases;
import dev.quarry.testkit.TransactionSuite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The shared transaction suite on the real server with the dialect the server gets (MariaDB 10.11
 * locally), in its own database {@value #DATABASE}. MySQL and MariaDB spell SET TRANSACTION alike, so no
 * MySQL 8 variant is needed (the golden test checks both). The level and read-only mode of the running
 * transaction are read back from {@code information_schema.innodb_trx}, since {@code SET TRANSACTION}
 * (next transaction only) leaves {@code @@tx_isolation} (MariaDB) / {@code @@transaction_isolation}
 * (MySQL), the session's default, unchanged. A write to a row changed since the snapshot fails with
 * error 1020 under {@code innodb_snapshot_isolation} (MariaDB 10.6.18 and later), which Quarry's pool sets.
 */
class MysqlTransactionTest extends TransactionSuite {
    static final String DATABASE = "quarry_my_transactions";

    private static String url;
    private static boolean dropHookAdded;

    private static synchronized String url() {
        if (url != null) return url;
        String server = MyDatabases.url();
        if (!server.equals(TestDatabases.MARIADB_LOCAL)) return url = server;
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
        if (!dropHookAdded) {
            dropHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
                } catch (SQLException e) {
                    System.err.println("could not drop the test database " + DATABASE + ": " + e.getMessage());
                }
            }, "drop-transactions-database"));
        }
        return url = "jdbc:mariadb://127.0.0.1:3306/" + DATABASE + "?user=root";
    }

    @Override
    protected Database.Builder builder() {
        return Database.builder(url());
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.DEADLOCK_DETECTION);
    }

    @Override
    protected Isolation defaultIsolation() {
        return Isolation.REPEATABLE_READ;
    }

    private record Trx(Isolation isolation, boolean readOnly) {}

    /**
     * The running transaction's row of {@code information_schema.innodb_trx}. InnoDB fills that table from
     * a cache that it refreshes only when it was not read for 0.1 s, so the query carries a marker and is
     * repeated, 0.12 s apart, until the row shows the query itself (then it is fresh).
     */
    private static Trx trx(Transaction tx) throws SQLException {
        String marker = "quarry_trx_" + UUID.randomUUID().toString().replace("-", "");
        String sql = "SELECT /* " + marker + " */ trx_isolation_level, trx_is_read_only, trx_query FROM information_schema.innodb_trx"
                + " WHERE trx_mysql_thread_id = CONNECTION_ID()";
        String seen = "no row";
        for (int i = 0; i < 20; i++) {
            try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    seen = rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
                    if (rs.getString(3) != null && rs.getString(3).contains(marker)) {
                        return new Trx(Isolation.valueOf(rs.getString(1).toUpperCase(Locale.ROOT).replace(' ', '_')), rs.getInt(2) == 1);
                    }
                }
            }
            try {
                Thread.sleep(120);   // the cache is refreshed only when it was not read for 0.1 s
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the transaction does not show in information_schema.innodb_trx; last seen: " + seen);
    }

    @Override
    protected Isolation serverIsolation(Transaction tx) throws SQLException {
        return trx(tx).isolation();
    }

    @Override
    protected boolean serverReadOnly(Transaction tx) throws SQLException {
        return trx(tx).readOnly();
    }

    /**
     * Quarry's pool turns {@code innodb_snapshot_isolation} on for every session of a server that has it
     * (MariaDB 10.6.18, 10.11.8 and later); without it the write below would silently overwrite the other
     * transaction's update instead of failing with error 1020.
     */
    @Override
    protected void beforeSnapshotRead(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT @@SESSION.innodb_snapshot_isolation")) {
            rs.next();
            if (rs.getInt(1) != 1) throw new IllegalStateException("innodb_snapshot_isolation is off in Quarry's pooled session");
        }
    }

    @Override
    protected void shortLockWait(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("SET @quarry_lock_wait = @@SESSION.innodb_lock_wait_timeout");
            s.execute("SET SESSION innodb_lock_wait_timeout = 1");
        }
    }

    @Override
    protected void restoreLockWait(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = @quarry_lock_wait");
        }
    }

    /** Ends the session from the server's side ({@code KILL}), from another connection. */
    @Override
    protected void breakConnection(Transaction tx) {
        try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            long id = rs.getLong(1);
            try (Connection other = DriverManager.getConnection(url()); Statement kill = other.createStatement()) {
                kill.execute("KILL CONNECTION " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
