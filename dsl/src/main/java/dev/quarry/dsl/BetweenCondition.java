package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** {@code field BETWEEN low AND high}. */
record BetweenCondition(Field<?> field, Field<?> low, Field<?> high) implements Condition, CacheKeyed {
    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, field);
        b.append(" BETWEEN ").visit(low).append(" AND ").visit(high);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(BetweenCondition.class).visit(field).visit(low).visit(high);
    }
}
