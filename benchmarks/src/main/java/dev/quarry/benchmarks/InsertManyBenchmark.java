package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import dev.quarry.schema.Ddl;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.quarry.benchmarks.BenchTables.FilmCopy.FILM_COPY;

/**
 * Scenario 4 and bar (d): inserting 10,000 rows with keys given by the rows, each library in one
 * transaction: a hand-written JDBC batch ({@code addBatch} per row, one {@code executeBatch}); Quarry's
 * many-row insert ({@code insertInto(table, items, ...).execute()}, in the form its dialect chooses); jOOQ's
 * batch with bind values ({@code batch(insertInto(...).values(null, null, null)).bind(...)} per row, one
 * JDBC batch, in {@code transactionResult}); Hibernate ({@code persist} of 10,000 new entities in a
 * transaction, JDBC batches of 1,000, flushing and clearing the session every 1,000 as its user guide's
 * batch-insert example does). All on the same pool, so with the same driver settings (pgjdbc's
 * {@code reWriteBatchedInserts=true}, set by Quarry's PostgreSQL dialect, rewrites every library's
 * batches). The table is emptied before every call.
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

    @Param({"sqlite", "postgres", "mariadb"})
    public String db;

    Database database;
    private DSLContext jooq;
    private SessionFactory hibernate;
    List<Item> items;
    private String sql;
    private boolean sqlite;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params.getBenchmark().endsWith(".hibernate"));
    }

    /** Opens the database (and Hibernate only for its own benchmark: bootstrapping it takes a second or two). */
    void open(boolean withHibernate) {
        database = BenchDatabases.connect(db, null);
        Ddl.create(database, FILM_COPY);
        sqlite = db.equals("sqlite");
        sql = BenchDatabases.sql(db, SQL);
        items = IntStream.rangeClosed(1, ROWS).mapToObj(i -> new Item(i, "COPY " + i, BenchDatabases.rate(i))).toList();
        jooq = BenchJooq.context(database, db, null);
        if (withHibernate) hibernate = BenchHibernate.open(database, db, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (hibernate != null) hibernate.close();
        BenchDatabases.close(database, db);
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(BenchDatabases.sql(db, sqlite ? "DELETE FROM \"film_copy\"" : "TRUNCATE \"film_copy\""));
        }
    }

    @Benchmark
    public int jdbcBatch() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
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

    @Benchmark
    public int jooq() {
        return jooq.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            BatchBindStep batch = tx.batch(tx.insertInto(BenchJooq.FILM_COPY, BenchJooq.FILM_COPY_ID, BenchJooq.FILM_COPY_TITLE,
                    BenchJooq.FILM_COPY_RATE).values((Integer) null, null, null));
            for (Item item : items) batch = batch.bind(item.id(), item.title(), item.rate());
            return batch.execute().length;
        });
    }

    @Benchmark
    public int hibernate() {
        try (Session session = hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                int n = 0;
                for (Item item : items) {
                    session.persist(new BenchHibernate.FilmCopyEntity(item.id(), item.title(), item.rate()));
                    if (++n % BenchHibernate.BATCH_SIZE == 0) {
                        session.flush();
                        session.clear();
                    }
                }
                tx.commit();
                return n;
            } catch (RuntimeException e) {
                if (tx.isActive()) tx.rollback();
                throw e;
            }
        }
    }
}
