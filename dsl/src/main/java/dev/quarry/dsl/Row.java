package dev.quarry.dsl;

import java.util.Arrays;
import java.util.List;

/**
 * One row of a result, read completely when it was fetched. Values are typed by the fields of the
 * select list: {@code row.get(FILM.title)} is a {@code String}. A SQL NULL reads as {@code null},
 * never as 0 or false, also for the right side of a LEFT JOIN. Immutable after construction. A SELECT
 * of one to eight fields gives the typed subclasses {@link Record1} ... {@link Record8}.
 */
public class Row {
    private final RowType type;
    private final Object[] values;

    Row(RowType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    /**
     * The value of a field of the select list. An aliased field may be asked for by the aliased or
     * the original field.
     *
     * @param field a field of the select list
     * @param <T> its type
     * @return the value, or null for SQL NULL
     * @throws IllegalArgumentException if the field is not in the select list (the message lists them)
     */
    @SuppressWarnings("unchecked")
    public final <T> T get(Field<T> field) {
        return (T) values[type.indexOf(field)];
    }

    /**
     * The value of a field as an {@link java.util.Optional}: the visible form for columns that may be
     * NULL, such as those of a LEFT JOIN's right side.
     *
     * @param field a field of the select list
     * @param <T> its type
     * @return the value, or empty for SQL NULL
     * @throws IllegalArgumentException if the field is not in the select list
     */
    public final <T> java.util.Optional<T> optional(Field<T> field) {
        return java.util.Optional.ofNullable(get(field));
    }

    /**
     * @param index the 0-based position in the select list
     * @return the value, or null for SQL NULL
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public final Object get(int index) {
        return values[index];
    }

    /**
     * @param name the result column name (column name or alias), matched exactly
     * @return the value, or null for SQL NULL
     * @throws IllegalArgumentException if no result column has that name, or several do
     */
    public final Object get(String name) {
        return values[type.indexOf(name)];
    }

    /** @return the number of values */
    public final int size() { return values.length; }

    /** @return the fields of the select list, in order, unmodifiable */
    public final List<Field<?>> fields() { return type.fields(); }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
