package dev.quarry.benchmarks;

import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Rendered;
import dev.quarry.sqlite.SqliteDialect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static dev.quarry.benchmarks.BenchTables.Film.FILM;
import static dev.quarry.benchmarks.BenchTables.Inventory.INVENTORY;
import static dev.quarry.benchmarks.BenchTables.Language.LANGUAGE;

/**
 * Rendering only: a 3-table join with WHERE, ORDER BY and LIMIT, built from scratch on every call and
 * rendered for SQLite. The execution issue's bar compares this with jOOQ's {@code getSQL()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RenderBenchmark {
    private static final BigDecimal RATE = new BigDecimal("2.99");

    @Benchmark
    public Rendered buildAndRenderThreeTableJoin() {
        return Dsl.select(FILM.title, LANGUAGE.name, INVENTORY.storeId)
                .from(FILM)
                .join(LANGUAGE).on(FILM.languageId.eq(LANGUAGE.languageId))
                .join(INVENTORY).on(INVENTORY.filmId.eq(FILM.filmId))
                .where(FILM.rentalRate.gt(RATE).and(FILM.title.startsWith("A")))
                .orderBy(FILM.title.asc())
                .limit(10)
                .render(SqliteDialect.INSTANCE);
    }
}
