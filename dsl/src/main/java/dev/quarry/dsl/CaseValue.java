package dev.quarry.dsl;

/**
 * The start of a simple CASE expression, {@code CASE value WHEN v1 THEN r1 ... END} (SQL:2016 section
 * 6.12), made by {@link Dsl#choose(Field)}; its first {@link #when} fixes the result type. The compared
 * values are bind parameters of the value's type. Immutable.
 *
 * <pre>{@code
 * Field<String> name = choose(F.categoryId).when(1, "Action").when(2, "Comedy").otherwise("Other");
 * }</pre>
 *
 * @param <V> the Java type of the compared value
 */
public interface CaseValue<V> {
    /**
     * @param value the value compared with {@code =}, not null (a NULL never matches; test it with
     *              {@link Dsl#when(Condition, Object)} and {@code isNull()})
     * @param result its result, not null; its class fixes the result type as {@link Dsl#value(Object)} does
     * @param <R> the result type
     * @return the expression
     * @throws IllegalArgumentException if value or result is null, or the result's class has no default type
     */
    <R> CaseValueWhen<V, R> when(V value, R result);

    /**
     * @param value the value compared with {@code =}, not null
     * @param result its result, an expression whose type is the result type
     * @param <R> the result type
     * @return the expression
     * @throws IllegalArgumentException if value or result is null
     */
    <R> CaseValueWhen<V, R> when(V value, Field<R> result);
}
