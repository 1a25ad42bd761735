package dev.quarry.dsl;

import java.util.List;

/** Checks of RETURNING field lists shared by INSERT, UPDATE and DELETE. */
final class Returning {
    private Returning() {}

    static List<Field<?>> check(String statement, Field<?>... fields) {
        if (fields.length == 0) throw new IllegalArgumentException(statement + " RETURNING needs at least one field");
        for (Field<?> f : fields) {
            if (f == null) throw new IllegalArgumentException(statement + " RETURNING null");
        }
        return List.of(fields);
    }
}
