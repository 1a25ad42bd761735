package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.quarry.benchmarks.BenchTables.FilmCopy.FILM_COPY;

/**
 * Bar (d): inserting 10,000 rows, a hand-written JDBC batch (one transaction, {@code addBatch} per row,
 * one {@code executeBatch}) against Quarry's many-row insert. The table is emptied before every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InsertManyBenchmark {
    private static final int ROWS = 10_000;
    private static final String SQL =
            "INSERT INTO \"film_copy\" (\"film_id\", \"title\", \"rental_rate\") VALUES (?, ?, ?)";

    /** One row to insert. */
    record Item(int id, String title, BigDecimal rate) {}

    @Param({"sqlite", "postgres"})
    public String db;

    private Database database;
    private List<Item> items;
    private boolean sqlite;

    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabases.open(db);
        sqlite = db.equals("sqlite");
        items = IntStream.rangeClosed(1, ROWS).mapToObj(i -> new Item(i, "COPY " + i, BenchDatabases.rate(i))).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchDatabases.close(database, db);
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sqlite ? "DELETE FROM \"film_copy\"" : "TRUNCATE \"film_copy\"");
        }
    }

    @Benchmark
    public int jdbcBatch() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                for (Item item : items) {
                    ps.setInt(1, item.id());
                    ps.setString(2, item.title());
                    if (sqlite) ps.setDouble(3, item.rate().doubleValue()); else ps.setBigDecimal(3, item.rate());
                    ps.addBatch();
                }
                int n = ps.executeBatch().length;
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public int quarry() {
        return database.insertInto(FILM_COPY, items, (row, item) -> row
                .set(FILM_COPY.filmId, item.id()).set(FILM_COPY.title, item.title()).set(FILM_COPY.rentalRate, item.rate()))
                .execute();
    }
}
