package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/**
 * A string function whose spelling differs between dialects, each a renderer hook: character length,
 * position of a substring, substring, and concatenation.
 *
 * @param kind the function
 * @param arguments LENGTH: [x]; POSITION: [x, search]; SUBSTRING: [x, start] or [x, start, count]; CONCAT: the parts
 * @param type the result type
 */
record StringFunction<T>(Kind kind, List<Field<?>> arguments, DataType<T> type) implements Field<T> {
    enum Kind { LENGTH, POSITION, SUBSTRING, CONCAT }

    @Override
    public String name() { return kind.name().toLowerCase(java.util.Locale.ROOT); }

    @Override
    public void renderTo(SqlBuilder b) {
        switch (kind) {
            case LENGTH -> b.renderer().characterLength(b, arguments.get(0));
            case POSITION -> b.renderer().position(b, arguments.get(1), arguments.get(0));
            case SUBSTRING -> b.renderer().substring(b, arguments.get(0), arguments.get(1),
                    arguments.size() > 2 ? arguments.get(2) : null);
            case CONCAT -> b.renderer().concat(b, arguments);
        }
    }
}
