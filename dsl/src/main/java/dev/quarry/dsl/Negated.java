package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** {@code (- x)}: the space keeps a negative bind value that a driver inlines from reading as a {@code --} comment. */
record Negated<T>(Field<T> operand) implements Field<T>, CacheKeyed {
    @Override
    public DataType<T> type() { return operand.type(); }

    @Override
    public String name() { return "value"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append("(- ");
        Junction.operand(b, operand);
        b.append(')');
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Negated.class).visit(operand);
    }
}
