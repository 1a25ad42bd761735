package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** {@code CAST(x AS type)}, spelled by the renderer's {@code cast} hook. */
record CastField<T>(Field<?> operand, DataType<T> type) implements Field<T>, CacheKeyed {
    @Override
    public String name() { return operand.name(); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().cast(b, operand, type);
    }

    // ---- compiled-SQL cache (issue 5) ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(CastField.class).add(type).visit(operand);
    }
}
