package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/**
 * A column of a {@link TableLike}: a field with a table, a name and the facts about it that INSERT
 * checks before anything is sent (nullability, default, auto-increment). Compared by identity.
 *
 * @param <T> the Java type of the column's values
 */
public interface TableField<T> extends Field<T> {
    /** @return the table the column belongs to, never null */
    TableLike table();

    /** @return the column's name as declared (unquoted) */
    @Override
    String name();

    /** @return whether the column accepts NULL */
    boolean isNullable();

    /** @return whether the column has a DEFAULT, so an INSERT may leave it out */
    boolean hasDefault();

    /** @return whether the database generates the column's value (auto-increment / identity) */
    boolean isAutoIncrement();

    /** Renders {@code "table"."column"} (or only the column where the builder asks for that). */
    @Override
    default void renderTo(SqlBuilder b) {
        b.column(this);
    }

    /** @return {@code table.column}, as used in messages */
    default String qualifiedName() {
        return table().name() + "." + name();
    }

    // ---- joins, subqueries, CTEs ----

    /**
     * The column this one references through a declared foreign key, which
     * {@link JoinStep#onForeignKey()} follows. Default: empty ({@code dev.quarry.schema.Column} returns
     * its foreign key's target).
     *
     * @return the referenced column, or empty when the column declares no foreign key
     */
    default java.util.Optional<TableField<?>> referencedColumn() {
        return java.util.Optional.empty();
    }
}
