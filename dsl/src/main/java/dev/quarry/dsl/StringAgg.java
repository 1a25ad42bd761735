package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/** String aggregation behind one name: string_agg / GROUP_CONCAT (the renderer's {@code stringAgg} hook). */
record StringAgg(Field<String> value, String separator, List<SortField<?>> orderBy) implements Field<String> {
    @Override
    public DataType<String> type() { return DataType.text(); }

    @Override
    public String name() { return "string_agg"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().stringAgg(b, value, separator, orderBy);
    }
}
