package dev.quarry.dsl;

import dev.quarry.dsl.spi.QueryPart;

/**
 * Something that can stand in ORDER BY: a {@link Field} (ascending) or a {@link SortField}.
 */
public interface OrderField extends QueryPart {
    /** @return this item as a sort specification */
    SortField<?> toSortField();
}
