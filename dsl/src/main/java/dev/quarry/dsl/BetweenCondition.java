package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code field BETWEEN low AND high}. */
record BetweenCondition(Field<?> field, Field<?> low, Field<?> high) implements Condition {
    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, field);
        b.append(" BETWEEN ").visit(low).append(" AND ").visit(high);
    }
}
