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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;

/**
 * Scenario 2 and bar (b): 10,000 rows fetched into records: hand-written JDBC, Quarry's {@code fetchInto},
 * jOOQ's {@code fetch(Records.mapping(FilmRecord::new))} and Hibernate (an HQL query of the entity in a
 * read-only session, {@code getResultList()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FetchManyBenchmark {
    private static final String SQL =
            "SELECT \"film\".\"film_id\", \"film\".\"title\", \"film\".\"rental_rate\" FROM \"film\" ORDER BY \"film\".\"film_id\" ASC";

    @Param({"sqlite", "postgres", "mariadb"})
    public String db;

    Database database;
    private DSLContext jooq;
    private SessionFactory hibernate;
    private String sql;
    private boolean sqlite;

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

    @Benchmark
    public List<PrimaryKeyLookupBenchmark.FilmRecord> jdbc() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
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

    private static final dev.quarry.mapping.RecordMapper<PrimaryKeyLookupBenchmark.FilmRecord> BY_NAME =
            dev.quarry.mapping.Records.byName(PrimaryKeyLookupBenchmark.FilmRecord.class);

    /** The mapping layer's row mapper ({@code Records.byName}, plan at the first row, method handles per row). */
    @Benchmark
    public List<PrimaryKeyLookupBenchmark.FilmRecord> quarryRecords() {
        return database.select(FILM.filmId, FILM.title, FILM.rentalRate).from(FILM).orderBy(FILM.filmId.asc())
                .fetch(BY_NAME);
    }

    @Benchmark
    public List<PrimaryKeyLookupBenchmark.FilmRecord> jooq() {
        return jooq.select(BenchJooq.FILM_ID, BenchJooq.FILM_TITLE, BenchJooq.FILM_RATE).from(BenchJooq.FILM)
                .orderBy(BenchJooq.FILM_ID.asc())
                .fetch(Records.mapping(PrimaryKeyLookupBenchmark.FilmRecord::new));
    }

    @Benchmark
    public List<BenchHibernate.FilmEntity> hibernate() {
        try (Session session = hibernate.openSession()) {
            session.setDefaultReadOnly(true);
            return session.createSelectionQuery("from FilmEntity f order by f.filmId", BenchHibernate.FilmEntity.class)
                    .getResultList();
        }
    }
}
