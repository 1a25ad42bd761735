package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;

/**
 * jOOQ 3.19 as the benchmarks use it: without code generation, the tables and fields declared by hand with
 * {@code DSL.table}/{@code DSL.field} and quoted names (so jOOQ renders the same quoted, qualified
 * identifiers as Quarry), a {@link DSLContext} over the benchmark's pool with the database's dialect and
 * jOOQ's default settings. Results are mapped with {@code Records.mapping(X::new)}, jOOQ's type-safe
 * constructor reference (no reflection), the fastest of its idiomatic forms.
 */
final class BenchJooq {
    private BenchJooq() {}

    static {
        // no banner and no tip of the day on standard output
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    static final Table<?> FILM = DSL.table(DSL.name("film"));
    static final Field<Integer> FILM_ID = DSL.field(DSL.name("film", "film_id"), Integer.class);
    static final Field<String> FILM_TITLE = DSL.field(DSL.name("film", "title"), String.class);
    static final Field<BigDecimal> FILM_RATE = DSL.field(DSL.name("film", "rental_rate"), BigDecimal.class);

    static final Table<?> FILM_COPY = DSL.table(DSL.name("film_copy"));
    static final Field<Integer> FILM_COPY_ID = DSL.field(DSL.name("film_id"), Integer.class);
    static final Field<String> FILM_COPY_TITLE = DSL.field(DSL.name("title"), String.class);
    static final Field<BigDecimal> FILM_COPY_RATE = DSL.field(DSL.name("rental_rate"), BigDecimal.class);

    static final Table<?> PARENT = DSL.table(DSL.name("bench_parent"));
    static final Field<Integer> PARENT_ID = DSL.field(DSL.name("bench_parent", "id"), Integer.class);
    static final Field<String> PARENT_NAME = DSL.field(DSL.name("bench_parent", "name"), String.class);

    static final Table<?> CHILD = DSL.table(DSL.name("bench_child"));
    static final Field<Integer> CHILD_ID = DSL.field(DSL.name("bench_child", "id"), Integer.class);
    static final Field<Integer> CHILD_PARENT_ID = DSL.field(DSL.name("bench_child", "parent_id"), Integer.class);
    static final Field<String> CHILD_NAME = DSL.field(DSL.name("bench_child", "name"), String.class);

    static final Table<?> STREAM = DSL.table(DSL.name("bench_stream"));
    static final Field<Integer> STREAM_ID = DSL.field(DSL.name("bench_stream", "id"), Integer.class);
    static final Field<String> STREAM_TITLE = DSL.field(DSL.name("bench_stream", "title"), String.class);
    static final Field<BigDecimal> STREAM_RATE = DSL.field(DSL.name("bench_stream", "rental_rate"), BigDecimal.class);

    /** @return jOOQ's dialect for a database kind */
    static SQLDialect dialect(String kind) {
        return switch (kind) {
            case "sqlite" -> SQLDialect.SQLITE;
            case "postgres" -> SQLDialect.POSTGRES;
            case "mariadb" -> SQLDialect.MARIADB;
            default -> throw new IllegalArgumentException("unknown database " + kind);
        };
    }

    /**
     * @param database the benchmark's database, whose pool jOOQ uses (a connection per query, released after it)
     * @param kind the database kind
     * @param listener an execute listener (for counting statements), or null
     * @return the context
     */
    static DSLContext context(Database database, String kind, ExecuteListener listener) {
        DSLContext context = DSL.using(database.dataSource(), dialect(kind));
        return listener == null ? context : DSL.using(context.configuration().derive(listener));
    }
}
