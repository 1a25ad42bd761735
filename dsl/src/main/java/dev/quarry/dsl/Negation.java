package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code NOT (condition)}. */
record Negation(Condition operand) implements Condition {
    @Override
    public void renderTo(SqlBuilder b) {
        b.append("NOT (").visit(operand).append(')');
    }
}
