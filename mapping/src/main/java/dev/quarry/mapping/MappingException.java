package dev.quarry.mapping;

/**
 * A row cannot be mapped to a record, or a record type cannot be bound to a table: a component without
 * a column, a column value that cannot be converted to the component's type, a SQL NULL for a primitive
 * component, a relation declared on a component of the wrong type. The message names the record type,
 * the component and the column (table and column name). Mapping fails at the first row that shows the
 * problem, before any later row is read; binding fails when the entity or relation is declared.
 */
public class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what cannot be mapped, naming the record component and the column */
    public MappingException(String message) {
        super(message);
    }

    /**
     * @param message what cannot be mapped, naming the record component and the column
     * @param cause the underlying failure
     */
    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
