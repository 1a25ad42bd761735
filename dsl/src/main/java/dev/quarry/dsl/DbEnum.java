package dev.quarry.dsl;

/**
 * Implemented by a Java enum whose database labels are not valid Java identifiers, such as Sakila's
 * film rating {@code PG-13}. An enum column stores {@link #dbName()} instead of {@link Enum#name()}.
 * The labels of one enum must be distinct.
 */
public interface DbEnum {
    /**
     * The label stored in the database for this constant.
     *
     * @return a non-null, non-empty label, unique within the enum
     */
    String dbName();
}
