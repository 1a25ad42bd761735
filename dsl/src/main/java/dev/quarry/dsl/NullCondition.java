package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code field IS [NOT] NULL}. */
record NullCondition(Field<?> field, boolean negated) implements Condition {
    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, field);
        b.append(negated ? " IS NOT NULL" : " IS NULL");
    }
}
