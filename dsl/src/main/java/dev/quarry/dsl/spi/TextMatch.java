package dev.quarry.dsl.spi;

/**
 * The literal text tests of {@code Field.startsWith}, {@code endsWith} and {@code contains}, for the
 * renderer hook {@link Renderer#textMatch}. Each compares the field's text with a literal text (no
 * wildcards) character by character, case-sensitively; on a NULL field the result is NULL.
 */
public enum TextMatch {
    /** The field's text begins with the literal text (every text begins with the empty text). */
    STARTS_WITH,
    /** The field's text ends with the literal text (every text ends with the empty text). */
    ENDS_WITH,
    /** The literal text occurs in the field's text (the empty text occurs in every text). */
    CONTAINS
}
