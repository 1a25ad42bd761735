package dev.quarry.schema;

import java.util.List;

/**
 * An index over one or more columns of a table, declared with {@link Table#index} or
 * {@link Table#uniqueIndex}.
 *
 * @param name the index name, unique in the schema
 * @param table the table
 * @param columns the indexed columns in order, at least one, unmodifiable
 * @param unique whether the index enforces uniqueness
 */
public record Index(String name, Table table, List<Column<?>> columns, boolean unique) {
    /**
     * Copies the column list.
     *
     * @param name the index name
     * @param table the table
     * @param columns the indexed columns
     * @param unique whether unique
     */
    public Index {
        columns = List.copyOf(columns);
    }
}
