package dev.quarry.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the column values of one row inside an INSERT or UPDATE builder lambda:
 * {@code row -> row.set(FILM.title, "X").set(FILM.languageId, 1)}. Checks each assignment at once, so
 * a mistake fails before anything is sent. Not thread-safe; used only inside the lambda.
 */
public final class RowBuilder {
    private final TableLike table;
    private final String statement;
    private final Map<TableField<?>, Field<?>> values = new LinkedHashMap<>();

    RowBuilder(TableLike table, String statement) {
        this.table = table;
        this.statement = statement;
    }

    /**
     * Sets a column to a value, sent as a bind parameter.
     *
     * @param column a column of the statement's table
     * @param value the value; null only for a nullable column
     * @param <T> the column type
     * @return this builder
     * @throws IllegalArgumentException if the column belongs to another table, is set twice, or is
     *         NOT NULL and {@code value} is null; the message names table and column
     * @throws DataException if the column cannot hold the value on every dialect (a string longer than
     *         VARCHAR(n) or CHAR(n) in code points, 22001; a DECIMAL(p, s) with more than p - s digits
     *         before the point after rounding half away from zero to s places, NaN or an infinity, 22003;
     *         a date or timestamp outside 0001-01-01 .. 9999-12-31, 22008; NUL or an unpaired surrogate in
     *         text, 22021; see {@link DataType#requireStorable}); the message names table and column
     */
    public <T> RowBuilder set(TableField<T> column, T value) {
        if (value == null && column != null && !column.isNullable()) {
            throw new IllegalArgumentException(statement + " " + table.name() + ": column " + column.qualifiedName()
                    + " is NOT NULL but the value is null");
        }
        requireOwnColumn(column);
        DataType<T> type = column.type();
        return put(column, new Param<>(type.requireStorable(type.cast(value), target(column)), type));
    }

    /**
     * Sets a column to an expression, such as {@code Dsl.currentTimestamp()}.
     *
     * @param column a column of the statement's table
     * @param expression the expression
     * @param <T> the column type
     * @return this builder
     * @throws IllegalArgumentException if the column belongs to another table or is set twice
     * @throws DataException if the expression is a bind value ({@code Dsl.value(...)}) that the column
     *         cannot hold, as for {@link #set(TableField, Object)}; what the database computes is checked
     *         by the database
     */
    public <T> RowBuilder set(TableField<T> column, Field<T> expression) {
        if (expression instanceof Param<T> p && p.value() == null && column != null && !column.isNullable()) {
            throw new IllegalArgumentException(statement + " " + table.name() + ": column " + column.qualifiedName()
                    + " is NOT NULL but the value is null");
        }
        if (expression == null) {
            throw new IllegalArgumentException(statement + " " + table.name() + ": expression for column "
                    + (column == null ? "null" : column.qualifiedName()) + " is null");
        }
        if (expression instanceof Param<T> p && p.value() != null) {
            requireOwnColumn(column);
            T stored = column.type().requireStorable(p.value(), target(column));
            if (stored != p.value()) expression = new Param<>(stored, p.type());
        }
        return put(column, expression);
    }

    /**
     * Sets a nullable column to NULL ({@code set(column, null)} is ambiguous between the value and the
     * expression form).
     *
     * @param column a nullable column of the statement's table
     * @return this builder
     * @throws IllegalArgumentException if the column is NOT NULL or belongs to another table
     */
    public RowBuilder setNull(TableField<?> column) {
        return setNullTyped(column);
    }

    private <T> RowBuilder setNullTyped(TableField<T> column) {
        T none = null;
        return set(column, none);
    }

    private void requireOwnColumn(TableField<?> column) {
        if (column == null) throw new IllegalArgumentException(statement + " " + table.name() + ": column is null");
        if (column.table() != table) {
            throw new IllegalArgumentException(statement + " " + table.name() + ": column " + column.qualifiedName()
                    + " is not a column of table " + table.name());
        }
    }

    private String target(TableField<?> column) {
        return statement + " " + table.name() + ": column " + column.qualifiedName();
    }

    private RowBuilder put(TableField<?> column, Field<?> value) {
        requireOwnColumn(column);
        if (values.putIfAbsent(column, value) != null) {
            throw new IllegalArgumentException(statement + " " + table.name() + ": column " + column.qualifiedName()
                    + " is set twice");
        }
        return this;
    }

    List<TableField<?>> columns() {
        return Collections.unmodifiableList(new ArrayList<>(values.keySet()));
    }

    Map<TableField<?>, Field<?>> values() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    // ---- batching ----

    /** The values as set, without a copy, for {@link Insert#create}, which reads them once. */
    Map<TableField<?>, Field<?>> valuesView() {
        return values;
    }
}
