package dev.quarry.benchmarks;

import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.RenderCache;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.mysql.MysqlDialect;
import dev.quarry.postgres.PostgresDialect;
import dev.quarry.sqlite.SqliteDialect;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
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
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;
import static dev.quarry.benchmarks.BenchTables.Inventory.INVENTORY;
import static dev.quarry.benchmarks.BenchTables.Language.LANGUAGE;

/**
 * Bar (c): rendering a 3-table join with WHERE, ORDER BY and LIMIT, the statement built from scratch on
 * every call (a fresh statement object, so nothing is memoized on it): Quarry's full rendering and its
 * compiled-SQL cache against jOOQ's {@code getSQL()} of the same query (jOOQ 3.19 without code
 * generation: tables and fields declared with {@code DSL.table}/{@code DSL.field}). No database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {
    private static final BigDecimal RATE = new BigDecimal("2.99");

    private static final Table<?> J_FILM = DSL.table(DSL.name("film"));
    private static final Field<Integer> J_FILM_ID = DSL.field(DSL.name("film", "film_id"), Integer.class);
    private static final Field<String> J_FILM_TITLE = DSL.field(DSL.name("film", "title"), String.class);
    private static final Field<BigDecimal> J_FILM_RATE = DSL.field(DSL.name("film", "rental_rate"), BigDecimal.class);
    private static final Field<Integer> J_FILM_LANGUAGE = DSL.field(DSL.name("film", "language_id"), Integer.class);
    private static final Table<?> J_LANGUAGE = DSL.table(DSL.name("language"));
    private static final Field<Integer> J_LANGUAGE_ID = DSL.field(DSL.name("language", "language_id"), Integer.class);
    private static final Field<String> J_LANGUAGE_NAME = DSL.field(DSL.name("language", "name"), String.class);
    private static final Table<?> J_INVENTORY = DSL.table(DSL.name("inventory"));
    private static final Field<Integer> J_INVENTORY_FILM = DSL.field(DSL.name("inventory", "film_id"), Integer.class);
    private static final Field<Integer> J_INVENTORY_STORE = DSL.field(DSL.name("inventory", "store_id"), Integer.class);

    /** The dialect: SQLite, PostgreSQL or MariaDB (Quarry's MySQL dialect for MariaDB, jOOQ's MARIADB). */
    @Param({"sqlite", "postgres", "mariadb"})
    public String db;

    private Dialect dialect;
    private DSLContext jooq;
    private RenderCache cache;
    private Select<?> built;
    private int counter;

    @Setup(Level.Trial)
    public void setUp() {
        dialect = switch (db) {
            case "sqlite" -> SqliteDialect.INSTANCE;
            case "postgres" -> PostgresDialect.INSTANCE;
            default -> MysqlDialect.MARIADB;
        };
        jooq = DSL.using(BenchJooq.dialect(db));
        cache = new RenderCache(RenderCache.DEFAULT_CAPACITY);
        built = quarryQuery(10);
        cache.render(built, dialect);
    }

    private int limit() {
        counter = (counter + 1) & 15;
        return 10 + counter;
    }

    private static Select<?> quarryQuery(int limit) {
        return Dsl.select(FILM.title, LANGUAGE.name, INVENTORY.storeId)
                .from(FILM)
                .join(LANGUAGE).on(FILM.languageId.eq(LANGUAGE.languageId))
                .join(INVENTORY).on(INVENTORY.filmId.eq(FILM.filmId))
                .where(FILM.rentalRate.gt(RATE).and(FILM.title.startsWith("A")))
                .orderBy(FILM.title.asc())
                .limit(limit);
    }

    /** Quarry, built and rendered in full (no cache). */
    @Benchmark
    public Rendered quarryBuildAndRender() {
        return quarryQuery(limit()).render(dialect);
    }

    /** Quarry, built and rendered through a warm compiled-SQL cache (the path every execution takes). */
    @Benchmark
    public Rendered quarryBuildAndCachedRender() {
        return cache.render(quarryQuery(limit()), dialect);
    }

    /** Quarry, only building the statement: the part of the two above that is not rendering. */
    @Benchmark
    public Select<?> quarryBuildOnly() {
        return quarryQuery(limit());
    }

    /** Quarry, a warm cache lookup of a statement built once. */
    @Benchmark
    public Rendered quarryCachedRenderOnly() {
        return cache.render(built, dialect);
    }

    /** jOOQ, built and rendered with getSQL() (bind placeholders, as Quarry). */
    @Benchmark
    public String jooqBuildAndGetSql() {
        return jooq.select(J_FILM_TITLE, J_LANGUAGE_NAME, J_INVENTORY_STORE)
                .from(J_FILM)
                .join(J_LANGUAGE).on(J_FILM_LANGUAGE.eq(J_LANGUAGE_ID))
                .join(J_INVENTORY).on(J_INVENTORY_FILM.eq(J_FILM_ID))
                .where(J_FILM_RATE.gt(RATE).and(J_FILM_TITLE.startsWith("A")))
                .orderBy(J_FILM_TITLE.asc())
                .limit(limit())
                .getSQL();
    }
}
