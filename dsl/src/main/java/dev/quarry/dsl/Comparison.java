package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** {@code left op right} for one of =, <>, <, <=, >, >=. */
record Comparison(Field<?> left, String operator, Field<?> right) implements Condition, CacheKeyed {
    Comparison {
        if (right == null) {
            throw new IllegalArgumentException(Param.describe(left) + " " + operator
                    + " null: the other field is null; use isNull() or isNotNull()");
        }
    }

    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, left);
        b.append(' ').append(operator).append(' ');
        Junction.operand(b, right);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Comparison.class).add(operator).visit(left).visit(right);
    }
}
