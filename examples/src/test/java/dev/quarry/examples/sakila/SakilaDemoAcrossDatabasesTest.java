package dev.quarry.examples.sakila;

import dev.quarry.dsl.Database;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import dev.quarry.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo prints exactly the same reports on SQLite, PostgreSQL and MariaDB: only its first line,
 * which names the URL, differs. PostgreSQL runs in its own schema and MariaDB in its own database,
 * both dropped afterwards; a server given through the environment variables is used as given and its
 * Sakila tables are dropped afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SakilaDemoAcrossDatabasesTest {
    private String onSqlite;

    @BeforeAll
    void runOnSqlite() {
        onSqlite = reports("jdbc:sqlite::memory:");
    }

    private static String reports(String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SakilaDemo.run(new String[] {"--url", url}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr on %s", url).isEmpty();
        assertThat(code).as("exit code on %s", url).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("Quarry Sakila demo on ");
        return text.substring(text.indexOf('\n') + 1);
    }

    private static void run(String sql, String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void dropSakila(String url) {
        try (Database db = Database.connect(url)) {
            Ddl.drop(db, Sakila.TABLES.toArray(Table[]::new));
        }
    }

    @Test
    void sqliteReportsAreThoseOfTheSakilaData() {
        assertThat(onSqlite).contains("Payment total: 67416.51\n", "42 of 1000 films were never rented");
    }

    @Test
    void postgresPrintsTheSameReports() throws SQLException {
        String base = TestDatabases.postgres().orElseThrow(() -> TestDatabases.unavailable(
                "PostgreSQL", TestDatabases.POSTGRES_ENV, TestDatabases.POSTGRES_LOCAL));
        boolean local = base.equals(TestDatabases.POSTGRES_LOCAL);
        String url = local ? base + "&currentSchema=quarry_demo" : base;
        if (local) run("CREATE SCHEMA IF NOT EXISTS quarry_demo", base);
        try {
            assertThat(reports(url)).isEqualTo(onSqlite);
        } finally {
            if (local) run("DROP SCHEMA IF EXISTS quarry_demo CASCADE", base);
            else dropSakila(url);
        }
    }

    @Test
    void mariadbPrintsTheSameReports() throws SQLException {
        String base = TestDatabases.mariadb().orElseThrow(() -> TestDatabases.unavailable(
                "MariaDB", TestDatabases.MARIADB_ENV, TestDatabases.MARIADB_LOCAL));
        boolean local = base.equals(TestDatabases.MARIADB_LOCAL);
        String url = local ? base.replace("/test?", "/quarry_demo?") : base;
        if (local) run("CREATE DATABASE IF NOT EXISTS quarry_demo", base);
        try {
            assertThat(reports(url)).isEqualTo(onSqlite);
        } finally {
            if (local) run("DROP DATABASE IF EXISTS quarry_demo", base);
            else dropSakila(url);
        }
    }
}
