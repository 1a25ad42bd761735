package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.CollationSuite;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code-point text comparison in a database created with ICU's {@code en-US} collation as its default
 * ({@value #DATABASE}, created for the class and dropped afterwards), where a text column without a
 * collation of its own sorts {@code "United Kingdom"} before {@code "USA"}: Quarry's columns are
 * {@code COLLATE "C"} and sort {@code "USA"} first, as on SQLite and MariaDB.
 */
class PostgresIcuCollationTest extends CollationSuite {
    static final String DATABASE = "quarry_icu_test";

    private static String databaseUrl() {
        return PgServer.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE);
    }

    @Override
    protected Database openDatabase() {
        try (Connection c = DriverManager.getConnection(PgServer.url()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
                    + " LOCALE 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the ICU database " + DATABASE + ": " + e.getMessage(), e);
        }
        return Database.connect(databaseUrl());
    }

    @Override
    protected void afterClose() {
        try (Connection c = DriverManager.getConnection(PgServer.url()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected String linguisticCollation() { return "en-US-x-icu"; }

    /** Two bind values compare by the database's default collation, ICU's en-US here. */
    @Override
    protected boolean bindValuesSortByCodePoint() { return false; }

    /** The database really sorts by en-US rules where no collation is declared: the suite's ORDER BY test can fail. */
    @Test
    void aColumnWithoutCollationSortsByTheDatabaseDefault() throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseUrl()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT datlocprovider, daticulocale FROM pg_database WHERE datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("i");
                assertThat(rs.getString(2)).isEqualTo("en-US");
            }
            s.execute("CREATE TEMPORARY TABLE icu_plain (name TEXT)");
            s.execute("INSERT INTO icu_plain VALUES ('USA'), ('United Kingdom')");
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM icu_plain ORDER BY name")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            assertThat(names).containsExactly("United Kingdom", "USA");
        }
    }
}
