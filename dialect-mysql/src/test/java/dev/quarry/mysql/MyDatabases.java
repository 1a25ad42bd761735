package dev.quarry.mysql;

import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real server this module's tests run on: {@code QUARRY_TEST_MARIADB_URL} as given, else the local
 * MariaDB ({@link TestDatabases#MARIADB_LOCAL}). A missing server fails the run under {@code CI=true}
 * and skips the test otherwise.
 *
 * <p>Another module's tests use the same server at the same time, so this module's own tests use
 * tables whose names start with {@code my_}, and the shared behaviour suite, whose {@code qk_} tables
 * every module uses, runs in a database of its own on the local server ({@value #SUITE_DATABASE}).
 */
final class MyDatabases {
    /** The database of the behaviour suite on the local server. */
    static final String SUITE_DATABASE = "quarry_my_suite";

    private static boolean dropHookAdded;

    private MyDatabases() {}

    /** Drops the suite's database when the JVM exits, so that a run leaves the server as it found it. */
    private static synchronized void dropAtExit(String url) {
        if (dropHookAdded) return;
        dropHookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + SUITE_DATABASE + "`");
            } catch (SQLException e) {
                System.err.println("could not drop the test database " + SUITE_DATABASE + ": " + e.getMessage());
            }
        }, "drop-test-database"));
    }

    /** @return the URL for this module's own tests */
    static String url() {
        return TestDatabases.mariadb().orElseThrow(
                () -> TestDatabases.unavailable("MariaDB", TestDatabases.MARIADB_ENV, TestDatabases.MARIADB_LOCAL));
    }

    /** @return true when the URL came from the environment (it is then used as given) */
    static boolean fromEnvironment() {
        String env = System.getenv(TestDatabases.MARIADB_ENV);
        return env != null && !env.isBlank();
    }

    /**
     * @return the URL for the behaviour suite: the environment's or a container's URL as given, else the local server's
     *         database {@value #SUITE_DATABASE}, created if absent
     */
    static String suiteUrl() {
        String url = url();
        if (!url.equals(TestDatabases.MARIADB_LOCAL)) return url;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + SUITE_DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            dropAtExit(url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + SUITE_DATABASE + " on " + url + ": " + e.getMessage(), e);
        }
        return "jdbc:mariadb://127.0.0.1:3306/" + SUITE_DATABASE + "?user=root";
    }

    private static final java.util.Set<String> OWN = new java.util.LinkedHashSet<>();

    /**
     * A database of one test class's own on the local server, created if missing and dropped when the
     * JVM exits, so that suites never see each other's tables; a server from the environment is used as
     * it is.
     *
     * @param name the database name, letters, digits and underscores
     * @return the JDBC URL of that database (or the environment's URL)
     */
    static String own(String name) {
        return own(name, "utf8mb4_bin");
    }

    /**
     * As {@link #own(String)}, with a default collation of the database's own.
     *
     * @param name the database name, letters, digits and underscores
     * @param collation the database's default collation, a utf8mb4 collation such as {@code utf8mb4_unicode_ci}
     * @return the JDBC URL of that database (or the environment's URL)
     */
    static String own(String name, String collation) {
        if (!name.matches("[a-z0-9_]+")) throw new IllegalArgumentException("database name " + name);
        if (!collation.matches("utf8mb4_[a-z0-9_]+")) throw new IllegalArgumentException("collation " + collation);
        String url = url();
        if (!url.equals(TestDatabases.MARIADB_LOCAL)) return url;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE " + collation);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + url + ": " + e.getMessage(), e);
        }
        synchronized (OWN) {
            if (OWN.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                        synchronized (OWN) {
                            for (String own : OWN) s.execute("DROP DATABASE IF EXISTS `" + own + "`");
                        }
                    } catch (SQLException e) {
                        System.err.println("could not drop the test databases " + OWN + ": " + e.getMessage());
                    }
                }, "drop-own-test-databases"));
            }
            OWN.add(name);
        }
        return "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
    }
}
