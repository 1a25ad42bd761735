package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/**
 * An aggregate with a FILTER condition, a window, or both: {@code SUM(x) FILTER (WHERE c) OVER (...)}.
 * How FILTER and OVER are spelled is the renderer's {@code aggregate} hook.
 */
record WindowedAggregate<T>(Aggregate<T> aggregate, Condition filter, Window window) implements AggregateField<T> {
    @Override
    public DataType<T> type() { return aggregate.type(); }

    @Override
    public String name() { return aggregate.name(); }

    @Override
    public AggregateField<T> filterWhere(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("filterWhere(null) on " + aggregate.name() + "()");
        if (window != null) {
            throw new IllegalStateException("filterWhere() on " + aggregate.name() + "() after over(): call filterWhere() first");
        }
        return new WindowedAggregate<>(aggregate, filter == null ? condition : filter.and(condition), null);
    }

    @Override
    public Field<T> over(Window window) {
        if (window == null) throw new IllegalArgumentException(aggregate.name() + "().over(null): use over() for OVER ()");
        if (this.window != null) throw new IllegalStateException(aggregate.name() + "() already has a window");
        if (aggregate.distinct()) {
            throw new IllegalArgumentException(aggregate.name() + "(DISTINCT " + Param.describe(aggregate.argument())
                    + ") cannot be a window function: PostgreSQL, SQLite, MySQL and MariaDB do not compute DISTINCT "
                    + "aggregates over a window");
        }
        return new WindowedAggregate<>(aggregate, filter, window);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().aggregate(b, aggregate.function(), aggregate.argument(), aggregate.distinct(), aggregate.type(),
                filter, window);
    }
}
