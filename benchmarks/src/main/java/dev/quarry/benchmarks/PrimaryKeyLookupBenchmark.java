package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import dev.quarry.schema.Ddl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
import java.util.stream.IntStream;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;
import static dev.quarry.benchmarks.BenchTables.Language.LANGUAGE;

/**
 * Primary-key lookup mapped to a record on in-memory SQLite: hand-written JDBC against Quarry, on the
 * same pooled connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PrimaryKeyLookupBenchmark {
    /** The mapped row. */
    public record FilmRecord(int filmId, String title, BigDecimal rentalRate) {}

    private Database db;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        db = Database.connect("jdbc:sqlite::memory:");
        Ddl.create(db, LANGUAGE, FILM);
        int lang = db.insertInto(LANGUAGE, r -> r.set(LANGUAGE.name, "English")).executeAndGetKey(LANGUAGE.languageId);
        db.insertInto(FILM, IntStream.rangeClosed(1, 1000).boxed().toList(), (r, i) -> r
                .set(FILM.title, "FILM " + i).set(FILM.rentalRate, new BigDecimal("2.99")).set(FILM.languageId, lang)).execute();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    private int nextId() {
        next = next % 1000 + 1;
        return next;
    }

    @Benchmark
    public FilmRecord handWrittenJdbc() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT \"film\".\"film_id\", \"film\".\"title\", \"film\".\"rental_rate\" FROM \"film\" WHERE \"film\".\"film_id\" = ?")) {
            ps.setInt(1, nextId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new FilmRecord(rs.getInt(1), rs.getString(2), new BigDecimal(rs.getString(3)).setScale(2));
            }
        }
    }

    @Benchmark
    public FilmRecord quarry() {
        return db.select(FILM.filmId, FILM.title, FILM.rentalRate).from(FILM).where(FILM.filmId.eq(nextId()))
                .fetchInto(FilmRecord.class).get(0);
    }
}
