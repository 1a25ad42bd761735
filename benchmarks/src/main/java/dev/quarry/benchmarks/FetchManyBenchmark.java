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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;

/** Bar (b): 10,000 rows fetched into records, hand-written JDBC against Quarry's {@code fetchInto}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FetchManyBenchmark {
    private static final String SQL =
            "SELECT \"film\".\"film_id\", \"film\".\"title\", \"film\".\"rental_rate\" FROM \"film\" ORDER BY \"film\".\"film_id\" ASC";

    @Param({"sqlite", "postgres"})
    public String db;

    private Database database;
    private boolean sqlite;

    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabases.open(db);
        sqlite = db.equals("sqlite");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchDatabases.close(database, db);
    }

    @Benchmark
    public List<PrimaryKeyLookupBenchmark.FilmRecord> jdbc() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(SQL)) {
            List<PrimaryKeyLookupBenchmark.FilmRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PrimaryKeyLookupBenchmark.FilmRecord(rs.getInt(1), rs.getString(2),
                            BenchDatabases.readRate(rs, 3, sqlite)));
                }
            }
            return out;
        }
    }

    @Benchmark
    public List<PrimaryKeyLookupBenchmark.FilmRecord> quarry() {
        return database.select(FILM.filmId, FILM.title, FILM.rentalRate).from(FILM).orderBy(FILM.filmId.asc())
                .fetchInto(PrimaryKeyLookupBenchmark.FilmRecord.class);
    }
}
