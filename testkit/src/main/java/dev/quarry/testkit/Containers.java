package dev.quarry.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.util.Optional;

/**
 * Testcontainers fallbacks of {@link TestDatabases}: one PostgreSQL and one MariaDB container per test
 * JVM, started on first use where a Docker engine answers (Testcontainers' Ryuk removes them when the
 * JVM exits).
 */
final class Containers {
    private static Optional<String> postgres;
    private static Optional<String> mariadb;
    private static Boolean docker;

    private Containers() {}

    private static synchronized boolean docker() {
        if (docker == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            docker = available;
        }
        return docker;
    }

    static synchronized Optional<String> postgres() {
        if (postgres == null) {
            if (!docker()) {
                postgres = Optional.empty();
            } else {
                @SuppressWarnings("resource") // lives as long as the JVM
                PostgreSQLContainer<?> c = new PostgreSQLContainer<>("postgres:15");
                c.start();
                String url = c.getJdbcUrl();
                postgres = Optional.of(url + (url.contains("?") ? "&" : "?") + "user=" + c.getUsername() + "&password=" + c.getPassword());
            }
        }
        return postgres;
    }

    static synchronized Optional<String> mariadb() {
        if (mariadb == null) {
            if (!docker()) {
                mariadb = Optional.empty();
            } else {
                @SuppressWarnings("resource") // lives as long as the JVM
                MariaDBContainer<?> c = new MariaDBContainer<>("mariadb:10.11").withUsername("root").withPassword("quarry");
                c.start();
                String url = c.getJdbcUrl();
                mariadb = Optional.of(url + (url.contains("?") ? "&" : "?") + "user=root&password=quarry");
            }
        }
        return mariadb;
    }
}
