package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.ValueChecks;

/**
 * {@code CAST(x AS type)}, spelled by the renderer's {@code cast} hook. A bind value cast from text to
 * DATE or TIMESTAMP is checked when the cast is made ({@link ValueChecks#dateText}): one the databases
 * would read differently, or that names no real day, fails with a {@link DataException} (22007 or 22008)
 * before anything is sent.
 */
record CastField<T>(Field<?> operand, DataType<T> type) implements Field<T>, CacheKeyed {
    CastField {
        if (operand instanceof Param<?> p && p.value() instanceof String text
                && (type.sqlType() == SqlType.DATE || type.sqlType() == SqlType.TIMESTAMP)) {
            ValueChecks.Violation v = ValueChecks.dateText(text, type.sqlType() == SqlType.TIMESTAMP);
            if (v != null) throw v.toException("cast of a bind value", type);
        }
    }

    @Override
    public String name() { return operand.name(); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().cast(b, operand, type);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(CastField.class).add(type).visit(operand);
    }
}
