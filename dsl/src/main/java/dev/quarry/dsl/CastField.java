package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code CAST(x AS type)}, spelled by the renderer's {@code cast} hook. */
record CastField<T>(Field<?> operand, DataType<T> type) implements Field<T> {
    @Override
    public String name() { return operand.name(); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().cast(b, operand, type);
    }
}
