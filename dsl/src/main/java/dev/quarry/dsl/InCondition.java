package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * {@code field [NOT] IN (?, ?, ...)}; an empty list renders a constant predicate. Where the renderer says
 * so ({@code Renderer.inListArrayType}: PostgreSQL, for lists longer than 1,024 values) the list is one array
 * parameter, {@code field = ANY(?)} / {@code field <> ALL(?)}; otherwise a list with more values than the
 * dialect's bind limit is refused at render time. An element no database can hold (see
 * {@link DataType#requireRepresentable}) fails with a {@link DataException} when the condition is made.
 */
record InCondition(Field<?> field, List<Object> values, boolean negated) implements Condition, CacheKeyed {
    static <T> InCondition of(Field<T> field, Collection<? extends T> values, boolean negated) {
        if (values == null) {
            throw new IllegalArgumentException((negated ? "notIn" : "in") + "(null) on " + Param.describe(field));
        }
        List<Object> copy = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException((negated ? "notIn" : "in") + " on " + Param.describe(field)
                        + " got a null element; NULL never matches IN and makes NOT IN never true: use isNull()");
            }
            copy.add(field.type().requireRepresentable(field.type().cast(v), (negated ? "notIn" : "in") + " on " + Param.describe(field)));
        }
        return new InCondition(field, Collections.unmodifiableList(copy), negated);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        if (values.isEmpty()) {
            b.renderer().constantPredicate(b, negated);
            return;
        }
        DataType<?> type = field.type();
        int n = values.size();
        DataType<?> arrayType = b.renderer().inListArrayType(type, n);
        if (arrayType != null) {
            b.renderer().inArray(b, field, negated, array -> array.bind(values, arrayType, this, 0));
            return;
        }
        int max = b.dialect().maxBindParameters();
        if (n > max) throw tooManyValues(b.dialect().name(), max);
        Junction.operand(b, field);
        b.append(negated ? " NOT IN (" : " IN (");
        int size = b.inListSize(n); // padded to n's size bucket, for the compiled-SQL cache
        for (int i = 0; i < size; i++) {
            if (i > 0) b.append(", ");
            b.bind(values.get(Math.min(i, n - 1)), type, this, i);
        }
        b.append(')');
    }

    private StatementTooLargeException tooManyValues(String dialect, int max) {
        String operator = negated ? "notIn" : "in";
        return new StatementTooLargeException(StatementTooLargeException.Limit.BIND_PARAMETERS, max, values.size(),
                String.format(java.util.Locale.ROOT, "%s(...) on %s has %,d values, more than the %,d bind parameters one %s "
                        + "statement can carry (Dialect.maxBindParameters()); nothing was sent. Put the values into a table "
                        + "(a temporary table will do) and use %s(select ...) instead%s", operator, Param.describe(field),
                        values.size(), max, dialect, operator,
                        negated ? "" : String.format(java.util.Locale.ROOT, ", or run the query once per chunk of at most %,d values", max)));
    }

    /**
     * The padded list size (or the array form, as {@code Renderer.inListArrayType} decides) and the value
     * type are the shape; the values (with padding), or the list as one array, are slots.
     */
    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(InCondition.class).add(negated).add(field.type());
        int n = values.size();
        if (n == 0) {
            key.add(0);
            return;
        }
        DataType<?> type = field.type();
        DataType<?> arrayType = key.renderer().inListArrayType(type, n);
        if (arrayType != null) {
            key.add(-1).add(arrayType).visit(field);
            key.slot(values, arrayType, this, 0);
            return;
        }
        int size = key.inListSize(n);
        key.add(size).visit(field);
        for (int i = 0; i < size; i++) key.slot(values.get(Math.min(i, n - 1)), type, this, i);
    }
}
