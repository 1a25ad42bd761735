package dev.quarry.dsl;

import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/**
 * Something rows can be selected from or written to: a table declared with {@code dev.quarry.schema.Table}.
 * Implementations are immutable once constructed and compared by identity.
 */
public interface TableLike extends QueryPart {
    /** @return the table's name as declared (unquoted), never null */
    String name();

    /** @return the table's columns in declaration order, unmodifiable */
    List<? extends TableField<?>> fields();

    /** Renders the quoted table name. */
    @Override
    default void renderTo(SqlBuilder b) {
        b.identifier(name());
    }

    // ---- joins, subqueries, CTEs ----

    /**
     * The alias columns of this table are qualified with, as in {@code "f2"."title"}: the alias of a
     * table made with {@code Table.as("f2")}, of a derived table ({@code select.asTable("t")}) or of an
     * aliased CTE. Default: null, so columns are qualified with {@link #name()}.
     *
     * @return the alias (unquoted), or null when the table has none
     */
    default String alias() {
        return null;
    }
}
