package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jooq.DSLContext;
import org.jooq.Records;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;

/**
 * Scenario 1 and bar (a): a primary-key lookup mapped to a record, on the same pool (a connection per
 * lookup, as a service would): hand-written JDBC, Quarry (the statement built from scratch every time;
 * its compiled-SQL cache is warm after the first call), jOOQ ({@code fetchOne(Records.mapping(FilmRecord::new))})
 * and Hibernate ({@code Session.find} in a read-only session opened per lookup, returning the entity).
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

    @Param({"sqlite", "postgres", "mariadb"})
    public String db;

    Database database;
    private DSLContext jooq;
    private SessionFactory hibernate;
    private String sql;
    private boolean sqlite;
    int next;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params.getBenchmark().endsWith(".hibernate"));
    }

    /** Opens the database (and Hibernate only for its own benchmark: bootstrapping it takes a second or two). */
    void open(boolean withHibernate) {
        database = BenchDatabases.open(db);
        sqlite = db.equals("sqlite");
        sql = BenchDatabases.sql(db, SQL);
        jooq = BenchJooq.context(database, db, null);
        if (withHibernate) hibernate = BenchHibernate.open(database, db, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (hibernate != null) hibernate.close();
        BenchDatabases.close(database, db);
    }

    private int nextId() {
        next = next % BenchDatabases.FILMS + 1;
        return next;
    }

    @Benchmark
    public FilmRecord jdbc() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
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

    @Benchmark
    public FilmRecord jooq() {
        return jooq.select(BenchJooq.FILM_ID, BenchJooq.FILM_TITLE, BenchJooq.FILM_RATE).from(BenchJooq.FILM)
                .where(BenchJooq.FILM_ID.eq(nextId()))
                .fetchOne(Records.mapping(FilmRecord::new));
    }

    @Benchmark
    public BenchHibernate.FilmEntity hibernate() {
        try (Session session = hibernate.openSession()) {
            session.setDefaultReadOnly(true);
            return session.find(BenchHibernate.FilmEntity.class, nextId());
        }
    }
}
