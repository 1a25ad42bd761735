package dev.quarry.dsl;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A typed SQL expression: a column, a bind value, an aggregate, a condition. Operators are methods
 * ({@code FILM.length.ge(90)}); every value given to them becomes a bind parameter of this field's
 * {@link DataType}. Fields are immutable and thread-safe; every method returns a new node.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Field<T> extends OrderField {
    /** @return the type of the expression, never null */
    DataType<T> type();

    /**
     * The name a result column of this field carries: the column name for a column, the alias for an
     * aliased field, a fixed name (such as {@code count}) otherwise. {@code fetchInto} matches record
     * components against it.
     *
     * @return the name, never null
     */
    String name();

    /**
     * @param alias the name of the result column, rendered as {@code expr AS "alias"} in the select list
     * @return the aliased field; {@code row.get} accepts it and the unaliased field alike
     * @throws IllegalArgumentException if {@code alias} is blank
     */
    default Field<T> as(String alias) {
        return new AliasedField<>(this, alias);
    }

    /** @return this field ascending */
    default SortField<T> asc() { return new SortField<>(this, false, null); }

    /** @return this field descending */
    default SortField<T> desc() { return new SortField<>(this, true, null); }

    @Override
    default SortField<?> toSortField() { return asc(); }

    /**
     * {@code this = value}.
     *
     * @param value a non-null value; bound with this field's type
     * @return the condition
     * @throws IllegalArgumentException if value is null (SQL's {@code = NULL} is never true; use {@link #isNull()})
     */
    default Condition eq(T value) { return new Comparison(this, "=", Param.of(this, value, "eq")); }

    /**
     * @param other another field
     * @return {@code this = other}
     */
    default Condition eq(Field<T> other) { return new Comparison(this, "=", other); }

    /**
     * @param value a non-null value
     * @return {@code this <> value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition ne(T value) { return new Comparison(this, "<>", Param.of(this, value, "ne")); }

    /**
     * @param other another field
     * @return {@code this <> other}
     */
    default Condition ne(Field<T> other) { return new Comparison(this, "<>", other); }

    /**
     * @param value a non-null value
     * @return {@code this < value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition lt(T value) { return new Comparison(this, "<", Param.of(this, value, "lt")); }

    /**
     * @param other another field
     * @return {@code this < other}
     */
    default Condition lt(Field<T> other) { return new Comparison(this, "<", other); }

    /**
     * @param value a non-null value
     * @return {@code this <= value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition le(T value) { return new Comparison(this, "<=", Param.of(this, value, "le")); }

    /**
     * @param other another field
     * @return {@code this <= other}
     */
    default Condition le(Field<T> other) { return new Comparison(this, "<=", other); }

    /**
     * @param value a non-null value
     * @return {@code this > value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition gt(T value) { return new Comparison(this, ">", Param.of(this, value, "gt")); }

    /**
     * @param other another field
     * @return {@code this > other}
     */
    default Condition gt(Field<T> other) { return new Comparison(this, ">", other); }

    /**
     * @param value a non-null value
     * @return {@code this >= value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition ge(T value) { return new Comparison(this, ">=", Param.of(this, value, "ge")); }

    /**
     * @param other another field
     * @return {@code this >= other}
     */
    default Condition ge(Field<T> other) { return new Comparison(this, ">=", other); }

    /**
     * {@code this BETWEEN low AND high}, both ends inclusive (SQL:2016 section 8.3).
     *
     * @param low the lower bound, non-null
     * @param high the upper bound, non-null
     * @return the condition
     * @throws IllegalArgumentException if a bound is null
     */
    default Condition between(T low, T high) {
        return new BetweenCondition(this, Param.of(this, low, "between"), Param.of(this, high, "between"));
    }

    /**
     * {@code this IN (v1, v2, ...)}. An empty collection renders an always-false predicate ({@code 1 = 0}),
     * since {@code IN ()} is not valid SQL and no value is in an empty set.
     *
     * @param values the values, none of them null
     * @return the condition
     * @throws IllegalArgumentException if a value is null (use {@link #isNull()})
     */
    default Condition in(Collection<? extends T> values) { return InCondition.of(this, values, false); }

    /**
     * @param values the values, none of them null
     * @return {@code this IN (values)}; always false when there are none
     * @throws IllegalArgumentException if a value is null
     */
    @SuppressWarnings("unchecked")
    default Condition in(T... values) { return InCondition.of(this, Arrays.asList(values), false); }

    /**
     * {@code this NOT IN (v1, v2, ...)}. An empty collection renders an always-true predicate ({@code 1 = 1}).
     *
     * @param values the values, none of them null
     * @return the condition
     * @throws IllegalArgumentException if a value is null (a NULL would make NOT IN never true)
     */
    default Condition notIn(Collection<? extends T> values) { return InCondition.of(this, values, true); }

    /**
     * @param values the values, none of them null
     * @return {@code this NOT IN (values)}; always true when there are none
     * @throws IllegalArgumentException if a value is null
     */
    @SuppressWarnings("unchecked")
    default Condition notIn(T... values) { return InCondition.of(this, Arrays.asList(values), true); }

    // ---- subqueries (issue 4) ----

    /**
     * {@code this IN (SELECT x ...)}: whether the value is among the subquery's rows (SQL:2016 section
     * 8.4, in predicate). The subquery may refer to the enclosing query's tables (correlated).
     *
     * @param subquery a SELECT of one field of this field's type, such as {@code select(RENTAL.filmId).from(RENTAL)}
     * @return the condition
     * @throws IllegalArgumentException if subquery is null or selects more than one field
     */
    default Condition in(Select<? extends Record1<T>> subquery) { return new InSubquery(this, subquery, false); }

    /**
     * {@code this NOT IN (SELECT x ...)}. Beware SQL's rule: when the subquery returns a NULL, NOT IN is
     * never true, so no row matches; filter NULLs out in the subquery or use {@link Dsl#notExists}.
     *
     * @param subquery a SELECT of one field of this field's type
     * @return the condition
     * @throws IllegalArgumentException if subquery is null or selects more than one field
     */
    default Condition notIn(Select<? extends Record1<T>> subquery) { return new InSubquery(this, subquery, true); }

    /** @return {@code this IS NULL} */
    default Condition isNull() { return new NullCondition(this, false); }

    /** @return {@code this IS NOT NULL} */
    default Condition isNotNull() { return new NullCondition(this, true); }

    /**
     * {@code this LIKE pattern}: {@code %} and {@code _} in the pattern are wildcards.
     *
     * @param pattern the pattern, non-null; bound as a parameter
     * @return the condition
     */
    default Condition like(String pattern) { return LikeCondition.raw(this, pattern, false); }

    /**
     * @param pattern the pattern, non-null
     * @return {@code this NOT LIKE pattern}
     */
    default Condition notLike(String pattern) { return LikeCondition.raw(this, pattern, true); }

    /**
     * Whether the value starts with {@code prefix}, taken literally: {@code %} and {@code _} in it are
     * escaped, so {@code startsWith("50%")} finds only values that begin with the three characters {@code 50%}.
     *
     * @param prefix the literal prefix, non-null
     * @return {@code this LIKE 'prefix%' ESCAPE '!'}
     */
    default Condition startsWith(String prefix) { return LikeCondition.literal(this, "", prefix, "%"); }

    /**
     * @param suffix the literal suffix, non-null
     * @return {@code this LIKE '%suffix' ESCAPE '!'} with wildcards in suffix escaped
     */
    default Condition endsWith(String suffix) { return LikeCondition.literal(this, "%", suffix, ""); }

    /**
     * @param infix the literal text, non-null
     * @return {@code this LIKE '%infix%' ESCAPE '!'} with wildcards in infix escaped
     */
    default Condition contains(String infix) { return LikeCondition.literal(this, "%", infix, "%"); }

    /**
     * Fields listed in a call that expects several (select lists, GROUP BY).
     *
     * @param fields the fields
     * @return an unmodifiable list
     */
    static List<Field<?>> list(Field<?>... fields) {
        return List.of(fields);
    }
}
