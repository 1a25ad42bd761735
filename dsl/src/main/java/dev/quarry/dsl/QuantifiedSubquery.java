package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code ANY (SELECT ...)} or {@code ALL (SELECT ...)}, the right operand of a comparison. */
record QuantifiedSubquery<T>(String quantifier, Select<?> select, DataType<T> type) implements Field<T> {
    @SuppressWarnings("unchecked")
    static <T> QuantifiedSubquery<T> of(String quantifier, Select<? extends Record1<T>> select) {
        if (select == null) throw new IllegalArgumentException(quantifier.toLowerCase(java.util.Locale.ROOT) + "(null)");
        if (select.fields().size() != 1) {
            throw new IllegalArgumentException(quantifier + " needs a subquery of one field, not " + select.fields().size());
        }
        return new QuantifiedSubquery<>(quantifier, select, (DataType<T>) select.fields().get(0).type());
    }

    @Override
    public String name() { return quantifier.toLowerCase(java.util.Locale.ROOT); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().quantifiedSubquery(b, quantifier, select);
    }
}
