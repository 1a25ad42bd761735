package dev.quarry.dsl;

/**
 * An aggregate ({@link Dsl#count()}, {@link Dsl#sum}, {@link Dsl#avg}, {@link Dsl#min}, {@link Dsl#max})
 * that can also be filtered ({@code FILTER (WHERE ...)}) and used as a window function
 * ({@code OVER (...)}). It is a {@link Field} itself, so code that assigns {@code count()} or
 * {@code sum(x)} to a {@code Field<...>} compiles unchanged.
 *
 * <pre>{@code
 * count().filterWhere(R.returnDate.isNull())                          // rentals not returned
 * sum(P.amount).over(partitionBy(P.customerId).orderBy(P.paymentDate)
 *                    .rows(unboundedPreceding()))                      // running total per customer
 * }</pre>
 *
 * @param <T> the aggregate's Java type
 */
public interface AggregateField<T> extends Field<T> {
    /**
     * Aggregates only the rows for which the condition is true: {@code agg(x) FILTER (WHERE condition)}
     * (SQL:2016 section 10.9, aggregate function; PostgreSQL 9.4+, SQLite 3.30+). MySQL and MariaDB have
     * no FILTER clause; there the argument becomes {@code CASE WHEN condition THEN x END}
     * ({@code count(*)}: {@code COUNT(CASE WHEN condition THEN 1 END)}), which gives the same result: an
     * aggregate skips NULLs. Like the aggregate itself, a sum, avg, min or max over no matching row is
     * NULL and a count is 0. A second call combines the conditions with AND.
     *
     * @param condition the filter, not null
     * @return the filtered aggregate, of the same type
     * @throws IllegalArgumentException if condition is null
     * @throws IllegalStateException if this aggregate already has a window
     */
    AggregateField<T> filterWhere(Condition condition);

    /**
     * This aggregate as a window function: {@code agg(x) OVER (window)}, computed for every row over
     * the rows of its window frame, without grouping the rows (SQL:2016 section 6.10, window function).
     * On SQLite a SUM of a DECIMAL column is rounded to its scale, as without a window.
     *
     * @param window an anonymous window ({@link Dsl#partitionBy}, {@link Dsl#orderBy}) or a named one that
     *               the SELECT declares with {@link Select#window(Window...)}
     * @return the window function, of the aggregate's type
     * @throws IllegalArgumentException if window is null, or this is a {@code count(DISTINCT x)}, which no
     *         supported database computes over a window
     * @throws IllegalStateException if this aggregate already has a window
     */
    Field<T> over(Window window);

    /**
     * This aggregate over all rows of the result: {@code agg(x) OVER ()}.
     *
     * @return the window function
     * @throws IllegalArgumentException if this is a {@code count(DISTINCT x)}
     */
    default Field<T> over() {
        return over(Window.empty());
    }
}
