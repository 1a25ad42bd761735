package dev.quarry.dsl;

/**
 * A searched CASE expression being built: {@code CASE WHEN c1 THEN r1 WHEN c2 THEN r2 ... [ELSE e] END}
 * (SQL:2016 section 6.12), started by {@link Dsl#when(Condition, Object)}. It is already a
 * {@link Field}: without {@link #otherwise} it is NULL when no condition is true. Immutable; every
 * method returns a new expression. Results are bind parameters of the expression's type, which is
 * the type of the first result.
 *
 * <pre>{@code
 * Field<String> bucket = when(F.length.lt(60), "short").when(F.length.lt(100), "medium").otherwise("long");
 * }</pre>
 *
 * @param <T> the Java type of the results
 */
public interface CaseWhen<T> extends Field<T> {
    /**
     * @param condition the condition tested when the earlier ones were not true
     * @param result its result, not null (leave a case out to get NULL)
     * @return the expression with one more WHEN
     * @throws IllegalArgumentException if condition or result is null
     */
    CaseWhen<T> when(Condition condition, T result);

    /**
     * @param condition the condition tested when the earlier ones were not true
     * @param result its result, an expression of the same type
     * @return the expression with one more WHEN
     * @throws IllegalArgumentException if condition or result is null
     */
    CaseWhen<T> when(Condition condition, Field<T> result);

    /**
     * @param result the result when no condition is true, not null
     * @return the finished expression
     * @throws IllegalArgumentException if result is null (leave ELSE out for NULL)
     */
    Field<T> otherwise(T result);

    /**
     * @param result the result when no condition is true
     * @return the finished expression
     * @throws IllegalArgumentException if result is null
     */
    Field<T> otherwise(Field<T> result);
}
