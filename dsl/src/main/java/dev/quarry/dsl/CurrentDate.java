package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** The current date, as the dialect spells it. */
record CurrentDate() implements Field<java.time.LocalDate>, CacheKeyed {
    @Override
    public DataType<java.time.LocalDate> type() { return DataType.date(); }

    @Override
    public String name() { return "current_date"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().currentDate(b);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(CurrentDate.class);
    }
}
