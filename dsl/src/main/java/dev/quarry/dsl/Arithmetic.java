package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/**
 * {@code left op right} for +, -, *, / and %; the renderer's {@code arithmetic} hook spells it (integer
 * division is {@code DIV} on MySQL, a DECIMAL quotient is rounded to its scale).
 */
record Arithmetic<T>(String operator, Field<T> left, Field<T> right, DataType<T> type) implements Field<T>, CacheKeyed {
    static <T> Arithmetic<T> of(String operator, String function, Field<T> left, Field<T> right) {
        Expressions.requireField(function, left, right);
        if (operator.equals("%")) {
            Expressions.requireInteger(function, left);
            Expressions.requireInteger(function, right);
        } else {
            Expressions.requireNumeric(function, left);
            Expressions.requireNumeric(function, right);
        }
        return new Arithmetic<>(operator, left, right, Expressions.arithmeticType(operator, left.type(), right.type()));
    }

    @Override
    public String name() { return "value"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().arithmetic(b, operator, left, right, type);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Arithmetic.class).add(operator).add(type).visit(left).visit(right);
    }
}
