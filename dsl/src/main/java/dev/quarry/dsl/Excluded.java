package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** The value an upsert proposed for a column: {@code EXCLUDED."c"}, or {@code VALUES(`c`)} on MySQL. */
record Excluded<T>(TableField<T> column) implements Field<T> {
    @Override
    public DataType<T> type() { return column.type(); }

    @Override
    public String name() { return column.name(); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().excluded(b, column);
    }
}
