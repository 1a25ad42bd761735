package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code NOT (condition)}. */
record Negation(Condition operand) implements Condition {
    Negation {
        if (operand == null) throw new IllegalArgumentException("NOT needs a condition, got null");
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append("NOT (").visit(operand).append(')');
    }
}
