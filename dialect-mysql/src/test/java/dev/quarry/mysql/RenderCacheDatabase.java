package dev.quarry.mysql;

import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database of the compiled-SQL cache suite on the local server ({@value #DATABASE}), created if
 * absent and dropped when the JVM exits; another server given by environment variable is used as it is.
 */
final class RenderCacheDatabase {
    static final String DATABASE = "quarry_my_render_cache";

    private static boolean dropHookAdded;

    private RenderCacheDatabase() {}

    private static synchronized void dropAtExit(String url) {
        if (dropHookAdded) return;
        dropHookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            } catch (SQLException e) {
                System.err.println("could not drop the test database " + DATABASE + ": " + e.getMessage());
            }
        }, "drop-render-cache-database"));
    }

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
