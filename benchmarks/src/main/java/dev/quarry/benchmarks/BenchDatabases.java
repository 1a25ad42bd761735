package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.schema.Ddl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;
import static dev.quarry.benchmarks.BenchTables.FilmCopy.FILM_COPY;
import static dev.quarry.benchmarks.BenchTables.Inventory.INVENTORY;
import static dev.quarry.benchmarks.BenchTables.Language.LANGUAGE;

/**
 * The databases the benchmarks run on: SQLite in memory ({@code sqlite}), PostgreSQL on loopback
 * ({@value #POSTGRES_SERVER}) in a schema of its own ({@code postgres}), and MariaDB on loopback
 * ({@value #MARIADB_SERVER}) in a database of its own ({@code mariadb}); the schema and the database are
 * both named {@value #SCHEMA}, created empty for every trial and dropped after it. The servers can be
 * changed with the system properties {@code quarry.bench.postgres} and {@code quarry.bench.mariadb}.
 *
 * <p>Every library of a benchmark runs on the one HikariCP pool that Quarry's {@link Database} opens with
 * the dialect's driver settings ({@code Database.dataSource()}): the same connections, the same driver
 * properties, and on in-memory SQLite the same database.
 */
final class BenchDatabases {
    static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    /** The PostgreSQL schema and the MariaDB database the benchmarks work in. */
    static final String SCHEMA = "quarry_bench";
    /** Films in the table: the PK lookup picks among them, the 10,000-row fetch reads them all. */
    static final int FILMS = 10_000;
    /** Every database kind, in the order of the report. */
    static final List<String> KINDS = List.of("sqlite", "postgres", "mariadb");

    private BenchDatabases() {}

    static String postgresServer() {
        return System.getProperty("quarry.bench.postgres", POSTGRES_SERVER);
    }

    static String mariadbServer() {
        return System.getProperty("quarry.bench.mariadb", MARIADB_SERVER);
    }

    /** @return the server URL of a kind ("postgres" or "mariadb"), or SQLite's in-memory URL */
    static String server(String kind) {
        return switch (kind) {
            case "sqlite" -> "jdbc:sqlite::memory:";
            case "postgres" -> postgresServer();
            case "mariadb" -> mariadbServer();
            default -> throw new IllegalArgumentException("unknown database " + kind);
        };
    }

    /** @return a name for the report */
    static String displayName(String kind) {
        return switch (kind) {
            case "sqlite" -> "SQLite";
            case "postgres" -> "PostgreSQL";
            case "mariadb" -> "MariaDB";
            default -> kind;
        };
    }

    /** @return whether the kind's server answers within two seconds (SQLite always does) */
    static boolean reachable(String kind) {
        if (kind.equals("sqlite")) return true;
        DriverManager.setLoginTimeout(2);
        try (Connection c = DriverManager.getConnection(server(kind))) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** @return the kinds whose server answers, SQLite first */
    static List<String> reachableKinds() {
        List<String> out = new ArrayList<>();
        for (String kind : KINDS) if (reachable(kind)) out.add(kind);
        return out;
    }

    /**
     * Drops and creates the benchmarks' schema (PostgreSQL) or database (MariaDB).
     *
     * @return the JDBC URL of a connection that works in it
     */
    private static String prepare(String kind) {
        switch (kind) {
            case "sqlite":
                return server(kind);
            case "postgres": {
                String base = postgresServer();
                execute(base, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
                return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            }
            case "mariadb": {
                String base = mariadbServer();
                execute(base, "DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA);
                return withDatabase(base, SCHEMA);
            }
            default:
                throw new IllegalArgumentException("unknown database " + kind);
        }
    }

    /** Replaces the database of a {@code jdbc:mariadb://host:port/db?...} URL. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        int pathStart = url.indexOf('/', hostStart + 2);
        int query = url.indexOf('?');
        if (pathStart < 0 || (query >= 0 && pathStart > query)) {
            return query < 0 ? url + "/" + database : url.substring(0, query) + "/" + database + url.substring(query);
        }
        return url.substring(0, pathStart + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static void execute(String url, String... sql) {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String each : sql) s.execute(each);
        } catch (SQLException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects to an empty schema / database (a fresh in-memory database for SQLite).
     *
     * @param kind "sqlite", "postgres" or "mariadb"
     * @param listener told about every statement Quarry runs (for counting queries), or null
     * @throws IllegalStateException if the server is not reachable
     */
    static Database connect(String kind, StatementListener listener) {
        if (!reachable(kind)) throw new IllegalStateException(displayName(kind) + " is not reachable at " + server(kind));
        Database.Builder builder = Database.builder(prepare(kind));
        if (listener != null) builder.statementListener(listener);
        return builder.build();
    }

    /**
     * Opens a database with the Sakila-shaped benchmark tables created and 10,000 films loaded.
     *
     * @throws IllegalStateException if the server is not reachable
     */
    static Database open(String kind) {
        Database db = connect(kind, null);
        Ddl.drop(db, INVENTORY, FILM_COPY, FILM, LANGUAGE);
        Ddl.create(db, LANGUAGE, FILM, INVENTORY, FILM_COPY);
        int lang = db.insertInto(LANGUAGE, r -> r.set(LANGUAGE.name, "English")).executeAndGetKey(LANGUAGE.languageId);
        db.insertInto(FILM, IntStream.rangeClosed(1, FILMS).boxed().toList(), (r, i) -> r
                .set(FILM.filmId, i).set(FILM.title, "FILM " + i).set(FILM.rentalRate, rate(i)).set(FILM.languageId, lang)).execute();
        return db;
    }

    /** Drops the schema / database of the kind and closes the pool. */
    static void close(Database db, String kind) {
        if (db == null) return;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (kind.equals("postgres")) s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            if (kind.equals("mariadb")) s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        } catch (SQLException e) {
            // the next trial drops it first, and RunBars at the end
        } finally {
            db.close();
        }
    }

    /** Drops the benchmarks' schema on PostgreSQL and database on MariaDB where the server answers. */
    static void dropAll() {
        if (reachable("postgres")) {
            try {
                execute(postgresServer(), "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } catch (IllegalStateException e) {
                // reported by nobody: the next run drops it first
            }
        }
        if (reachable("mariadb")) {
            try {
                execute(mariadbServer(), "DROP DATABASE IF EXISTS " + SCHEMA);
            } catch (IllegalStateException e) {
                // as above
            }
        }
    }

    /**
     * Adapts hand-written SQL, written with double-quoted identifiers as Quarry renders them for SQLite and
     * PostgreSQL, to the kind: MariaDB quotes with backticks (as Quarry's MySQL dialect renders).
     */
    static String sql(String kind, String sql) {
        return kind.equals("mariadb") ? sql.replace('"', '`') : sql;
    }

    static BigDecimal rate(int i) {
        return BigDecimal.valueOf(99 + (i % 5) * 100L, 2);
    }

    /** Reads a DECIMAL(4, 2) column as hand-written JDBC would for the database (and as Quarry does). */
    static BigDecimal readRate(ResultSet rs, int column, boolean sqlite) throws SQLException {
        if (sqlite) {
            String s = rs.getString(column);
            return s == null ? null : new BigDecimal(s).setScale(2, RoundingMode.HALF_EVEN);
        }
        return rs.getBigDecimal(column);
    }
}
