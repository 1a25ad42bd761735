package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** A value that reaches the database as a bind parameter of a given type. */
record Param<T>(T value, DataType<T> type) implements Field<T>, CacheKeyed {
    static <T> Param<T> of(Field<T> target, T value, String operator) {
        if (value == null) {
            throw new IllegalArgumentException(operator + "(null) on " + describe(target)
                    + ": a comparison with NULL is never true; use isNull() or isNotNull()");
        }
        return new Param<>(target.type().cast(value), target.type());
    }

    static String describe(Field<?> field) {
        return field instanceof TableField<?> c ? "column " + c.qualifiedName() : "field " + field.name();
    }

    @Override
    public String name() { return "value"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.bind(value, type, this, 0);
    }

    // ---- compiled-SQL cache (issue 5) ----

    /** Contributes only its type; the value is a slot. */
    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Param.class).add(type);
        key.slot(value, type, this, 0);
    }
}
