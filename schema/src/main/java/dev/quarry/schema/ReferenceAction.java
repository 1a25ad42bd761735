package dev.quarry.schema;

/**
 * What a foreign key does when the referenced row is deleted or its key updated (SQL:2016 section
 * 11.8, referential constraint definition).
 */
public enum ReferenceAction {
    /** Fail at the end of the statement (the default of the standard and of every dialect). */
    NO_ACTION("NO ACTION"),
    /** Fail at once. */
    RESTRICT("RESTRICT"),
    /** Delete or update the referencing rows too. */
    CASCADE("CASCADE"),
    /** Set the referencing column to NULL; the column must be nullable. */
    SET_NULL("SET NULL"),
    /** Set the referencing column to its default. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferenceAction(String sql) {
        this.sql = sql;
    }

    /** @return the SQL spelling, such as {@code SET NULL} */
    public String sql() { return sql; }
}
