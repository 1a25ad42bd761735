package dev.quarry.dsl.spi;

/** The statements, for renderer hooks that differ between them (RETURNING; WITH, which also has SELECT). */
public enum StatementKind {
    /** INSERT. */
    INSERT,
    /** UPDATE. */
    UPDATE,
    /** DELETE. */
    DELETE,
    /** SELECT (only the WITH clause hook gets it). */
    SELECT
}
