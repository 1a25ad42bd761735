package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * {@code field [NOT] IN (?, ?, ...)}; an empty list renders a constant predicate. An element no database
 * can hold (see {@link DataType#requireRepresentable}) fails with a {@link DataException} when the
 * condition is made.
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
        Junction.operand(b, field);
        b.append(negated ? " NOT IN (" : " IN (");
        DataType<?> type = field.type();
        int n = values.size();
        int size = b.inListSize(n); // ---- compiled-SQL cache (issue 5): padded to n's size bucket ----
        for (int i = 0; i < size; i++) {
            if (i > 0) b.append(", ");
            b.bind(values.get(Math.min(i, n - 1)), type, this, i);
        }
        b.append(')');
    }

    // ---- compiled-SQL cache (issue 5) ----

    /** The padded list size and the value type are the shape; the values (with padding) are slots. */
    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(InCondition.class).add(negated).add(field.type());
        int n = values.size();
        if (n == 0) {
            key.add(0);
            return;
        }
        int size = key.inListSize(n);
        key.add(size).visit(field);
        DataType<?> type = field.type();
        for (int i = 0; i < size; i++) key.slot(values.get(Math.min(i, n - 1)), type, this, i);
    }
}
