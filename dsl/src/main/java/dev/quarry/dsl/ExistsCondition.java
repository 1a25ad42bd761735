package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code [NOT] EXISTS (SELECT ...)}. */
record ExistsCondition(Select<?> select, boolean negated) implements Condition {
    ExistsCondition {
        if (select == null) throw new IllegalArgumentException((negated ? "notExists" : "exists") + "(null)");
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append(negated ? "NOT EXISTS (" : "EXISTS (").visit(select).append(')');
    }
}
