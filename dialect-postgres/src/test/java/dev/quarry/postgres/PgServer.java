package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of the tests, found by {@link TestDatabases} (else the test fails under
 * {@code CI=true} and skips elsewhere). Each test class works in a schema of its own, emptied when the
 * class opens it, so that classes and repeated runs never see each other's tables.
 */
final class PgServer {
    private static final java.util.Set<String> CREATED = new java.util.LinkedHashSet<>();

    private PgServer() {}

    /** Drops the schemas this JVM created when it exits, so that a run leaves the server as it found it. */
    private static synchronized void dropAtExit(String url, String schema) {
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    synchronized (PgServer.class) {
                        for (String created : CREATED) s.execute("DROP SCHEMA IF EXISTS " + created + " CASCADE");
                    }
                } catch (SQLException e) {
                    System.err.println("could not drop the test schemas " + CREATED + ": " + e.getMessage());
                }
            }, "drop-test-schemas"));
        }
        CREATED.add(schema);
    }

    static String url() {
        return TestDatabases.postgres().orElseThrow(() -> TestDatabases.unavailable("PostgreSQL",
                TestDatabases.POSTGRES_ENV, TestDatabases.POSTGRES_LOCAL));
    }

    /**
     * @param schema a lower-case schema name of letters and underscores, one per test class
     * @return a database whose connections work in that schema (pgjdbc's {@code currentSchema})
     */
    static Database open(String schema) {
        return Database.connect(schemaUrl(schema));
    }

    /**
     * @param schema a lower-case schema name of letters and underscores, one per test class
     * @param listener told about every statement
     * @return a database whose connections work in that schema, reporting to the listener
     */
    static Database open(String schema, dev.quarry.dsl.StatementListener listener) {
        return Database.builder(schemaUrl(schema)).statementListener(listener).build();
    }

    /**
     * Creates the schema afresh (dropped when the JVM exits) and returns the URL of connections that work in it.
     *
     * @param schema a lower-case schema name of letters and underscores, one per test class
     * @return the URL, with pgjdbc's {@code currentSchema}
     */
    static String schemaUrl(String schema) {
        if (!schema.matches("[a-z_]+")) throw new IllegalArgumentException("schema name " + schema);
        String url = url();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema + ": " + e.getMessage(), e);
        }
        dropAtExit(url, schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
