package dev.quarry.dsl;

/**
 * A window function that needs its window before it is an expression: {@link Dsl#rowNumber()},
 * {@link Dsl#rank()}, {@link Dsl#denseRank()}, {@link Dsl#ntile(int)}, {@link Dsl#lag}, {@link Dsl#lead},
 * {@link Dsl#firstValue} and {@link Dsl#lastValue}. {@link #over(Window)} makes the {@link Field}.
 * Immutable.
 *
 * <pre>{@code
 * rank().over(partitionBy(F.categoryId).orderBy(F.length.desc()))
 * }</pre>
 *
 * @param <T> the Java type of the function's result
 */
public interface WindowFunction<T> {
    /**
     * @param window an anonymous window ({@link Dsl#partitionBy}, {@link Dsl#orderBy}) or a named one that
     *               the SELECT declares with {@link Select#window(Window...)}
     * @return {@code function(...) OVER window}
     * @throws IllegalArgumentException if window is null; if the function is rank, dense_rank, lag or lead
     *         and the window has no ORDER BY (MariaDB refuses it, and the result would be meaningless
     *         elsewhere); or if the function is a ranking function, ntile, lag or lead and the window has a
     *         frame (SQL:2016 forbids one, MariaDB refuses it, PostgreSQL and SQLite ignore it)
     */
    Field<T> over(Window window);

    /**
     * @return {@code function(...) OVER ()}: over all rows of the result, in no defined order
     * @throws IllegalArgumentException if the function needs an ORDER BY (rank, dense_rank, lag, lead)
     */
    default Field<T> over() {
        return over(Window.empty());
    }
}
