package dev.quarry.testkit;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the real databases the behaviour suite runs on, in this order:
 * <ol>
 *   <li>the environment variable ({@code QUARRY_TEST_POSTGRES_URL}, {@code QUARRY_TEST_MARIADB_URL}),
 *       a full JDBC URL with user and password as URL parameters;</li>
 *   <li>the local default server of the development machines and CI
 *       ({@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres},
 *       {@code jdbc:mariadb://127.0.0.1:3306/test?user=root});</li>
 *   <li>a Testcontainers container ({@code postgres:15}, {@code mariadb:10.11}), started once per test
 *       JVM where a Docker engine runs, and stopped when the JVM exits.</li>
 * </ol>
 * When none answers, a test run with {@code CI=true} fails, and any other run skips with a message
 * that says which database is missing and how to provide one: nothing is skipped silently in CI.
 */
public final class TestDatabases {
    /** Environment variable with the PostgreSQL JDBC URL for tests. */
    public static final String POSTGRES_ENV = "QUARRY_TEST_POSTGRES_URL";
    /** Environment variable with the MariaDB / MySQL JDBC URL for tests. */
    public static final String MARIADB_ENV = "QUARRY_TEST_MARIADB_URL";
    /** The local PostgreSQL of the development machines and CI: trust auth, database {@code test}. */
    public static final String POSTGRES_LOCAL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** The local MariaDB of the development machines and CI: root with an empty password, database {@code test}. */
    public static final String MARIADB_LOCAL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    private TestDatabases() {}

    /**
     * The PostgreSQL URL to test against: the environment variable, else the local server if it
     * answers, else a container where Docker runs.
     *
     * @return the URL, or empty when no server answers
     */
    public static Optional<String> postgres() {
        Optional<String> url = find(POSTGRES_ENV, POSTGRES_LOCAL);
        return url.isPresent() ? url : Containers.postgres();
    }

    /**
     * The MariaDB / MySQL URL to test against: the environment variable, else the local server if it
     * answers, else a container where Docker runs (connected as root, so that tests may create databases).
     *
     * @return the URL, or empty when no server answers
     */
    public static Optional<String> mariadb() {
        Optional<String> url = find(MARIADB_ENV, MARIADB_LOCAL);
        return url.isPresent() ? url : Containers.mariadb();
    }

    private static Optional<String> find(String env, String local) {
        String url = System.getenv(env);
        if (url != null && !url.isBlank()) return Optional.of(url);
        return answers(local) ? Optional.of(local) : Optional.empty();
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return whether a connection can be opened within 5 seconds
     */
    public static boolean answers(String jdbcUrl) {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** @return whether this run is a CI run ({@code CI=true}), where a missing database fails instead of skipping */
    public static boolean isCi() {
        return "true".equals(String.valueOf(System.getenv("CI")).toLowerCase(Locale.ROOT));
    }

    /**
     * Ends the current test (class) when no database could be found: fails under {@code CI=true},
     * otherwise skips through a JUnit assumption. The message says how to provide the database.
     *
     * @param database a name such as {@code PostgreSQL}
     * @param env the environment variable that can point to a server
     * @param local the local default URL that did not answer
     * @return never returns normally
     * @throws AssertionError under CI
     * @throws org.opentest4j.TestAbortedException otherwise
     */
    public static RuntimeException unavailable(String database, String env, String local) {
        String message = database + " is not reachable: set " + env + " to a JDBC URL (with user and password "
                + "parameters), or start the local server so that " + local + " answers, or run Docker for Testcontainers";
        if (isCi()) throw new AssertionError("CI=true and " + message);
        Assumptions.abort(message);
        return new IllegalStateException(message);
    }
}
