package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** The current date and time, as the dialect spells it. */
record CurrentTimestamp() implements Field<java.time.LocalDateTime>, CacheKeyed {
    @Override
    public DataType<java.time.LocalDateTime> type() { return DataType.timestamp(); }

    @Override
    public String name() { return "current_timestamp"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().currentTimestamp(b);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(CurrentTimestamp.class);
    }
}
