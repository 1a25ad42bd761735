package dev.quarry.schema;

import java.util.function.Supplier;

/**
 * A single-column foreign key declared with {@link Column#references}. The target may be given
 * lazily (a {@code Supplier}) to break cycles between table classes, such as Sakila's store and staff.
 * Immutable; the target is resolved and checked on first use.
 */
public final class ForeignKey {
    private final Column<?> column;
    private final Supplier<? extends Column<?>> target;
    private final ReferenceAction onDelete;
    private final ReferenceAction onUpdate;

    ForeignKey(Column<?> column, Supplier<? extends Column<?>> target, ReferenceAction onDelete, ReferenceAction onUpdate) {
        this.column = column;
        this.target = target;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
    }

    ForeignKey withColumn(Column<?> c) {
        return new ForeignKey(c, target, onDelete, onUpdate);
    }

    /** @return the referencing column */
    public Column<?> column() { return column; }

    /**
     * @return the referenced column
     * @throws IllegalStateException if the target is null (a table class not yet initialized: use the
     *         Supplier form of {@code references}) or is not a column of its table any more
     */
    public Column<?> target() {
        Column<?> t = target.get();
        if (t == null) {
            throw new IllegalStateException("Column " + column.qualifiedName() + " references a null column: the target table "
                    + "is not initialized yet (a cycle between table classes?); declare it as references(() -> TABLE.column)");
        }
        t.checkDeclared("Column " + column.qualifiedName() + " references");
        return t;
    }

    /** @return the action ON DELETE */
    public ReferenceAction onDelete() { return onDelete; }

    /** @return the action ON UPDATE */
    public ReferenceAction onUpdate() { return onUpdate; }

    /**
     * @return the constraint name, {@code fk_<table>_<column>}, shortened like a derived index name
     *         ({@link Table#index(Column[])}) when it is longer than 63 bytes of UTF-8
     */
    public String name() {
        return Names.derived("fk_" + column.table().name() + "_" + column.name());
    }
}
