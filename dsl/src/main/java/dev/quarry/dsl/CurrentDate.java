package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** The current date, as the dialect spells it. */
record CurrentDate() implements Field<java.time.LocalDate> {
    @Override
    public DataType<java.time.LocalDate> type() { return DataType.date(); }

    @Override
    public String name() { return "current_date"; }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().currentDate(b);
    }
}
