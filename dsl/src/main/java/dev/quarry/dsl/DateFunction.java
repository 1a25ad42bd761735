package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/**
 * A date/time function of one DATE or TIMESTAMP operand: extract a part (INTEGER), truncate to a part
 * (the operand's type), or add an interval (the operand's type). Each kind is a renderer hook.
 */
record DateFunction<T>(Kind kind, Field<?> operand, DatePart part, int amount, DataType<T> type) implements Field<T> {
    enum Kind { EXTRACT, TRUNCATE, ADD }

    @Override
    public String name() {
        return switch (kind) {
            case EXTRACT -> part.name().toLowerCase(java.util.Locale.ROOT);
            case TRUNCATE, ADD -> operand.name();
        };
    }

    @Override
    public void renderTo(SqlBuilder b) {
        switch (kind) {
            case EXTRACT -> b.renderer().extract(b, part, operand);
            case TRUNCATE -> b.renderer().truncateDate(b, part, operand);
            case ADD -> b.renderer().addInterval(b, operand, amount, part);
        }
    }
}
