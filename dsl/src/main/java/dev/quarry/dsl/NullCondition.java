package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** {@code field IS [NOT] NULL}. */
record NullCondition(Field<?> field, boolean negated) implements Condition, CacheKeyed {
    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, field);
        b.append(negated ? " IS NOT NULL" : " IS NULL");
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(NullCondition.class).add(negated).visit(field);
    }
}
