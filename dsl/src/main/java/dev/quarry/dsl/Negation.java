package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** {@code NOT (condition)}. */
record Negation(Condition operand) implements Condition, CacheKeyed {
    Negation {
        if (operand == null) throw new IllegalArgumentException("NOT needs a condition, got null");
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append("NOT (").visit(operand).append(')');
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Negation.class).visit(operand);
    }
}
