package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/**
 * A value that reaches the database as a bind parameter of a given type. A value no database can hold
 * (NUL or an unpaired surrogate in text, NaN or an infinity, a date outside 0001-01-01 .. 9999-12-31) is
 * refused when the parameter is made, with a {@link DataException}.
 */
record Param<T>(T value, DataType<T> type) implements Field<T>, CacheKeyed {
    Param {
        if (type != null) type.requireRepresentable(value, "a bind value");
    }

    /**
     * @throws IllegalArgumentException if value is null
     * @throws DataException if no database can hold the value (nothing to compare it with could exist)
     */
    static <T> Param<T> of(Field<T> target, T value, String operator) {
        if (value == null) {
            throw new IllegalArgumentException(operator + "(null) on " + describe(target)
                    + ": a comparison with NULL is never true; use isNull() or isNotNull()");
        }
        DataType<T> type = target.type();
        return new Param<>(type.requireRepresentable(type.cast(value), operator + " on " + describe(target)), type);
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

    // ---- compiled-SQL cache ----

    /** Contributes only its type; the value is a slot. */
    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Param.class).add(type);
        key.slot(value, type, this, 0);
    }
}
