package dev.quarry.dsl;

/**
 * A simple CASE expression with at least one WHEN (see {@link CaseValue}). It is already a
 * {@link Field}: without {@link #otherwise} it is NULL when no value matches. Immutable.
 *
 * @param <V> the Java type of the compared value
 * @param <R> the Java type of the results
 */
public interface CaseValueWhen<V, R> extends Field<R> {
    /**
     * @param value the value compared with {@code =}, not null
     * @param result its result, not null
     * @return the expression with one more WHEN
     * @throws IllegalArgumentException if value or result is null
     */
    CaseValueWhen<V, R> when(V value, R result);

    /**
     * @param value the value compared with {@code =}, not null
     * @param result its result
     * @return the expression with one more WHEN
     * @throws IllegalArgumentException if value or result is null
     */
    CaseValueWhen<V, R> when(V value, Field<R> result);

    /**
     * @param result the result when no value matches, not null
     * @return the finished expression
     * @throws IllegalArgumentException if result is null
     */
    Field<R> otherwise(R result);

    /**
     * @param result the result when no value matches
     * @return the finished expression
     * @throws IllegalArgumentException if result is null
     */
    Field<R> otherwise(Field<R> result);
}
