package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import dev.quarry.schema.Ddl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.IntStream;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;
import static dev.quarry.benchmarks.BenchTables.FilmCopy.FILM_COPY;
import static dev.quarry.benchmarks.BenchTables.Inventory.INVENTORY;
import static dev.quarry.benchmarks.BenchTables.Language.LANGUAGE;

/**
 * The databases the benchmarks run on: SQLite in memory, and PostgreSQL on loopback
 * ({@value #POSTGRES_SERVER}, user postgres, database test) in a schema of its own,
 * {@value #POSTGRES_SCHEMA}. The URL can be changed with the system property {@code quarry.bench.postgres}.
 */
final class BenchDatabases {
    static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String POSTGRES_SCHEMA = "quarry_bench";
    /** Films in the table: the PK lookup picks among them, the 10,000-row fetch reads them all. */
    static final int FILMS = 10_000;

    private BenchDatabases() {}

    static String postgresServer() {
        return System.getProperty("quarry.bench.postgres", POSTGRES_SERVER);
    }

    /** @return whether PostgreSQL answers within two seconds */
    static boolean postgresReachable() {
        DriverManager.setLoginTimeout(2);
        try (Connection c = DriverManager.getConnection(postgresServer())) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Opens a database ("sqlite" or "postgres") with the benchmark tables created and 10,000 films loaded.
     *
     * @throws IllegalStateException if PostgreSQL is asked for but not reachable
     */
    static Database open(String kind) {
        Database db;
        if (kind.equals("sqlite")) {
            db = Database.connect("jdbc:sqlite::memory:");
        } else if (kind.equals("postgres")) {
            if (!postgresReachable()) throw new IllegalStateException("PostgreSQL is not reachable at " + postgresServer());
            try (Connection c = DriverManager.getConnection(postgresServer()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + POSTGRES_SCHEMA);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            db = Database.connect(postgresServer() + "&currentSchema=" + POSTGRES_SCHEMA);
        } else {
            throw new IllegalArgumentException("unknown database " + kind);
        }
        Ddl.drop(db, INVENTORY, FILM_COPY, FILM, LANGUAGE);
        Ddl.create(db, LANGUAGE, FILM, INVENTORY, FILM_COPY);
        int lang = db.insertInto(LANGUAGE, r -> r.set(LANGUAGE.name, "English")).executeAndGetKey(LANGUAGE.languageId);
        db.insertInto(FILM, IntStream.rangeClosed(1, FILMS).boxed().toList(), (r, i) -> r
                .set(FILM.filmId, i).set(FILM.title, "FILM " + i).set(FILM.rentalRate, rate(i)).set(FILM.languageId, lang)).execute();
        return db;
    }

    static void close(Database db, String kind) {
        if (db == null) return;
        if (kind.equals("postgres")) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE");
            } catch (SQLException e) {
                // the next run drops it first
            }
        }
        db.close();
    }

    static BigDecimal rate(int i) {
        return BigDecimal.valueOf(99 + (i % 5) * 100L, 2);
    }

    /** Reads a DECIMAL(4, 2) column as hand-written JDBC would for the database. */
    static BigDecimal readRate(ResultSet rs, int column, boolean sqlite) throws SQLException {
        if (sqlite) {
            String s = rs.getString(column);
            return s == null ? null : new BigDecimal(s).setScale(2, RoundingMode.HALF_EVEN);
        }
        return rs.getBigDecimal(column);
    }
}
