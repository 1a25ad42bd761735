package dev.quarry.mysql;

import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The databases of the window-function and expression suite on the local MariaDB, one per dialect
 * variant, created if absent and dropped when the JVM exits ({@link MyDatabases}' approach with names of
 * their own, since other suites load MiniSakila's tables on the same server at the same time). A URL from
 * the environment or a container is used as given.
 */
final class ExpressionWindowDatabases {
    private static final Set<String> CREATED = new LinkedHashSet<>();

    private ExpressionWindowDatabases() {}

    private static synchronized void dropAtExit(String url, String database) {
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    synchronized (ExpressionWindowDatabases.class) {
                        for (String created : CREATED) s.execute("DROP DATABASE IF EXISTS `" + created + "`");
                    }
                } catch (SQLException e) {
                    System.err.println("could not drop the test databases " + CREATED + ": " + e.getMessage());
                }
            }, "drop-expression-window-databases"));
        }
        CREATED.add(database);
    }

    /**
     * @param database a database name of lower-case letters and underscores, one per test class
     * @return the URL of that database on the local server (created if absent), or the environment's or
     *         container's URL as given
     */
    static String url(String database) {
        if (!database.matches("[a-z_0-9]+")) throw new IllegalArgumentException("database name " + database);
        String url = MyDatabases.url();
        if (!url.equals(TestDatabases.MARIADB_LOCAL)) return url;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            dropAtExit(url, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + url + ": " + e.getMessage(), e);
        }
        return "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root";
    }
}
