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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;

/**
 * Bar (a): a primary-key lookup mapped to a record, hand-written JDBC against Quarry, on the same pool
 * (a connection per lookup, as both would in a service). Quarry builds the statement from scratch every
 * time; its compiled-SQL cache is warm after the first call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrimaryKeyLookupBenchmark {
    /** The mapped row. */
    public record FilmRecord(int filmId, String title, BigDecimal rentalRate) {}

    private static final String SQL =
            "SELECT \"film\".\"film_id\", \"film\".\"title\", \"film\".\"rental_rate\" FROM \"film\" WHERE \"film\".\"film_id\" = ?";

    @Param({"sqlite", "postgres"})
    public String db;

    private Database database;
    private boolean sqlite;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabases.open(db);
        sqlite = db.equals("sqlite");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchDatabases.close(database, db);
    }

    private int nextId() {
        next = next % BenchDatabases.FILMS + 1;
        return next;
    }

    @Benchmark
    public FilmRecord jdbc() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setInt(1, nextId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new FilmRecord(rs.getInt(1), rs.getString(2), BenchDatabases.readRate(rs, 3, sqlite));
            }
        }
    }

    @Benchmark
    public FilmRecord quarry() {
        return database.select(FILM.filmId, FILM.title, FILM.rentalRate).from(FILM).where(FILM.filmId.eq(nextId()))
                .fetchInto(FilmRecord.class).get(0);
    }
}
