package dev.quarry.dsl.spi;

/** The data-changing statements, for renderer hooks that differ between them (RETURNING). */
public enum StatementKind {
    /** INSERT. */
    INSERT,
    /** UPDATE. */
    UPDATE,
    /** DELETE. */
    DELETE
}
