package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code (SELECT x FROM ...)} as a value: a subquery of one column that returns at most one row. */
record ScalarSubquery<T>(Select<?> select, DataType<T> type) implements Field<T> {
    @SuppressWarnings("unchecked")
    static <T> ScalarSubquery<T> of(Select<? extends Record1<T>> select) {
        if (select == null) throw new IllegalArgumentException("field(null): a scalar subquery needs a SELECT");
        if (select.fields().size() != 1) {
            throw new IllegalArgumentException("a scalar subquery selects one field, not " + select.fields().size());
        }
        return new ScalarSubquery<>(select, (DataType<T>) select.fields().get(0).type());
    }

    @Override
    public String name() { return select.fields().get(0).name(); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append('(').visit(select).append(')');
    }
}
