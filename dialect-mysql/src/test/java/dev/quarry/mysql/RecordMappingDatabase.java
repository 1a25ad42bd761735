package dev.quarry.mysql;

import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database of the record-mapping suite ({@link MysqlRecordMappingTest}) on the local server:
 * {@value #DATABASE}, its own, because the other suites load the same MiniSakila tables into theirs at the
 * same time. Created if absent and dropped when the JVM exits, as {@link MyDatabases} does for the
 * behaviour suite; a URL from the environment or a container is used as given.
 */
final class RecordMappingDatabase {
    /** The suite's database on the local server. */
    static final String DATABASE = "quarry_my_record_mapping";

    private static boolean dropHookAdded;

    private RecordMappingDatabase() {}

    private static synchronized void dropAtExit(String url) {
        if (dropHookAdded) return;
        dropHookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            } catch (SQLException e) {
                System.err.println("could not drop the test database " + DATABASE + ": " + e.getMessage());
            }
        }, "drop-record-mapping-database"));
    }

    /** @return the suite's URL: the environment's or a container's as given, else the local server's {@value #DATABASE} */
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
