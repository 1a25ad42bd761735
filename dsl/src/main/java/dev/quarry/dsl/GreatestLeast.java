package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/** GREATEST / LEAST with PostgreSQL's NULL semantics on every dialect (the renderer's {@code greatestLeast} hook). */
record GreatestLeast<T>(boolean greatest, List<Field<T>> arguments, DataType<T> type) implements Field<T> {
    @Override
    public String name() { return greatest ? "greatest" : "least"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().greatestLeast(b, greatest, arguments);
    }
}
