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
}
