package dev.quarry.mysql;

import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database of the join/subquery/CTE suite on the local server ({@value #DATABASE}), as
 * {@link MyDatabases} does for the behaviour suite: the other suites and other modules' tests use the
 * same server at the same time, and MiniSakila's {@code ms_} tables must not meet theirs. Created if
 * absent, dropped when the JVM exits; an environment's or a container's URL is used as given.
 */
final class JoinSuiteDatabase {
    /** The suite's database on the local server. */
    static final String DATABASE = "quarry_my_join_subquery_cte";

    private static boolean dropHookAdded;

    private JoinSuiteDatabase() {}

    private static synchronized void dropAtExit(String url) {
        if (dropHookAdded) return;
        dropHookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            } catch (SQLException e) {
                System.err.println("could not drop the test database " + DATABASE + ": " + e.getMessage());
            }
        }, "drop-join-suite-database"));
    }

    /** @return the URL of the suite's database, created if absent */
    static String url() {
        String url = MyDatabases.url();
        if (!url.equals(TestDatabases.MARIADB_LOCAL)) return url;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            dropAtExit(url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on " + url + ": " + e.getMessage(), e);
        }
        return "jdbc:mariadb://127.0.0.1:3306/" + DATABASE + "?user=root";
    }
}
