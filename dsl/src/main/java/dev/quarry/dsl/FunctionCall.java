package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;
import java.util.Locale;

/**
 * A function spelled the same on every dialect: {@code LOWER(x)}, {@code UPPER(x)}, {@code TRIM(x)},
 * {@code REPLACE(x, ?, ?)}, {@code COALESCE(a, b)}, {@code NULLIF(a, b)}.
 */
record FunctionCall<T>(String function, List<Field<?>> arguments, DataType<T> type) implements Field<T> {
    @Override
    public String name() { return function.toLowerCase(Locale.ROOT); }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append(function).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) b.append(", ");
            Junction.operand(b, arguments.get(i));
        }
        b.append(')');
    }
}
