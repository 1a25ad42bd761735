package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/** An aggregate function call such as {@code sum(x)}, {@code count(DISTINCT x)} or {@code count(*)} (argument null). */
record Aggregate<T>(String function, Field<?> argument, boolean distinct, DataType<T> type) implements AggregateField<T>, CacheKeyed {
    @Override
    public String name() { return function.toLowerCase(java.util.Locale.ROOT); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().aggregate(b, function, argument, distinct, type);
    }

    @Override
    public AggregateField<T> filterWhere(Condition condition) {
        return new WindowedAggregate<>(this, null, null).filterWhere(condition);
    }

    @Override
    public Field<T> over(Window window) {
        return new WindowedAggregate<>(this, null, null).over(window);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Aggregate.class).add(function).add(distinct).add(type).add(argument != null);
        if (argument != null) key.visit(argument);
    }
}
