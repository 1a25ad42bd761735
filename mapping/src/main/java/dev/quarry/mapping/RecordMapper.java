package dev.quarry.mapping;

import dev.quarry.dsl.Field;
import dev.quarry.dsl.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Maps rows to a Java record: made by {@link Records#byName} or {@link Records#byPosition} and passed to
 * {@code select.fetch(mapper)}, or applied to rows directly.
 *
 * <p>The first row of a result builds the plan from the row's select list ({@link Row#fields()}): which
 * column feeds which component and how its value is converted. Every matching problem (a component
 * without a column, a column whose type cannot be converted, a wrong column count) is raised there, at
 * the first row. The plan is kept for the following rows of the same select list (the same
 * {@code List} instance, as all rows of one result share; an equal select list reuses it too), so the
 * per-row work is array fills, converters and one method-handle call per record, without reflection.
 * A row of another select list builds a new plan.
 *
 * <p>Immutable apart from that remembered plan, and thread-safe: one mapper may serve many queries and
 * threads at once (a volatile field keeps the last plan; threads with different select lists each
 * build their own).
 *
 * @param <R> the record type
 */
public final class RecordMapper<R extends Record> implements Function<Row, R> {
    private final RecordShape<R> shape;
    private final boolean byPosition;
    private volatile RowPlan<R> last;

    RecordMapper(Class<R> type, boolean byPosition) {
        this.shape = RecordShape.of(Objects.requireNonNull(type, "type"));
        this.byPosition = byPosition;
    }

    /** @return the record class this mapper fills, never null */
    public Class<R> type() {
        return shape.type;
    }

    /**
     * Maps one row.
     *
     * @param row a row of a result, not null
     * @return a new record, never null
     * @throws NullPointerException if the row is null
     * @throws MappingException at the first row of a select list if the record does not fit it (a
     *         component without a column, or matching two columns; a column whose type cannot be
     *         converted; for {@code byPosition} a different column count), and at the row where it
     *         happens if a value cannot be converted (a SQL NULL for a primitive component, a number
     *         that does not fit, a string that names no enum constant); the message names the record
     *         type, the component with its type and the column
     * @throws RuntimeException what the record's (compact) constructor throws
     */
    @Override
    public R apply(Row row) {
        List<Field<?>> fields = row.fields();
        RowPlan<R> plan = last;
        if (plan == null || plan.fields != fields) last = plan = plan(fields, plan);
        return plan.map(row);
    }

    /**
     * Maps a list of rows, in order.
     *
     * @param rows rows (of one or several select lists), not null, without null elements
     * @return a new modifiable list of records, one per row
     * @throws NullPointerException if {@code rows} or one of its elements is null
     * @throws MappingException as {@link #apply(Row)} does, at the first row that shows the problem
     */
    public List<R> map(List<? extends Row> rows) {
        List<R> out = new ArrayList<>(rows.size());
        for (Row row : rows) out.add(apply(row));
        return out;
    }

    private RowPlan<R> plan(List<Field<?>> fields, RowPlan<R> previous) {
        if (previous != null && previous.fields.equals(fields)) return previous.forFields(fields);
        return byPosition ? RowPlan.byPosition(shape, fields) : RowPlan.byName(shape, fields);
    }

    /** @return {@code RecordMapper[byName FilmRow]} or {@code RecordMapper[byPosition FilmRow]} */
    @Override
    public String toString() {
        return "RecordMapper[" + (byPosition ? "byPosition " : "byName ") + shape.type.getName() + "]";
    }
}
