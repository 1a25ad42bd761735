package dev.quarry.dsl;

import dev.quarry.dsl.spi.TypeBinding;

import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the values of a result row through the dialect's bindings, for every place rows are read
 * ({@link Executor}, {@link LazyResult}). A value the binding cannot return as its Java type (an
 * {@link SQLException} of SQLState class 22, such as an INTEGER result beyond the int range, a REAL beyond
 * the float range, a stored text that is no date) fails with an {@link SQLDataException} of the same
 * SQLState whose message names the select-list item, {@code column film.length} for a column, so that
 * {@code Dialect.translate} turns it into a {@link DataException} saying where the value came from. Other
 * exceptions pass unchanged.
 */
final class ColumnReads {
    private ColumnReads() {}

    /**
     * Reads every value of the current row.
     *
     * @param rs the result, on a row
     * @param readers one binding per select-list item
     * @param fields the select list, for messages
     * @param values filled with the values, 0-based
     * @throws SQLException if a value cannot be read; class-22 failures name the item
     */
    static void read(ResultSet rs, TypeBinding<?>[] readers, List<? extends Field<?>> fields, Object[] values) throws SQLException {
        int i = 0;
        try {
            for (; i < readers.length; i++) values[i] = readers[i].get(rs, i + 1);
        } catch (SQLException e) {
            throw named(e, fields.get(i), i);
        }
    }

    /**
     * Reads the first value of the current row, such as a generated key.
     *
     * @param rs the result, on a row
     * @param reader the binding
     * @param field what the value is, for messages
     * @param <T> its Java type
     * @return the value, or null for SQL NULL
     * @throws SQLException if the value cannot be read; class-22 failures name the field
     */
    static <T> T read(ResultSet rs, TypeBinding<T> reader, Field<T> field) throws SQLException {
        try {
            return reader.get(rs, 1);
        } catch (SQLException e) {
            throw named(e, field, 0);
        }
    }

    private static SQLException named(SQLException e, Field<?> field, int index) {
        String state = e.getSQLState();
        if (state == null || !state.startsWith("22")) return e;
        String item = field instanceof TableField<?> c ? "column " + c.qualifiedName() + " (" + c.type() + ")"
                : "result column " + (index + 1) + " (" + field.name() + ", " + field.type() + ")";
        return new SQLDataException(item + ": " + e.getMessage(), state, 0, e);
    }
}
