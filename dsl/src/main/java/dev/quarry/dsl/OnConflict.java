package dev.quarry.dsl;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The half-built upsert of {@code insert.onConflict(columns)}: completed by {@link #doNothing()} or
 * {@link #doUpdate(Consumer)}.
 */
public final class OnConflict {
    private final Insert insert;
    private final List<TableField<?>> columns;

    OnConflict(Insert insert, List<TableField<?>> columns) {
        this.insert = insert;
        this.columns = columns;
    }

    /**
     * Keeps the existing row and skips the proposed one.
     *
     * @return the insert
     */
    public Insert doNothing() {
        return insert.withConflict(columns, List.of());
    }

    /**
     * Updates the existing row instead:
     * {@code doUpdate(set -> set.set(A.born, Dsl.excluded(A.born)))}, where {@link Dsl#excluded}
     * is the value the insert proposed and a plain column is the existing row's value.
     *
     * @param set the assignments, at least one, to columns of the table
     * @return the insert
     * @throws IllegalArgumentException if nothing is set, or a column belongs to another table
     */
    public Insert doUpdate(Consumer<RowBuilder> set) {
        RowBuilder builder = new RowBuilder(insert.table(), "INSERT INTO ... ON CONFLICT DO UPDATE");
        set.accept(builder);
        Map<TableField<?>, Field<?>> values = builder.values();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("INSERT INTO " + insert.table().name() + " ON CONFLICT DO UPDATE sets no column");
        }
        List<Map.Entry<TableField<?>, Field<?>>> updates = new java.util.ArrayList<>(values.size());
        for (Map.Entry<TableField<?>, Field<?>> e : values.entrySet()) updates.add(Map.entry(e.getKey(), e.getValue()));
        return insert.withConflict(columns, List.copyOf(updates));
    }
}
