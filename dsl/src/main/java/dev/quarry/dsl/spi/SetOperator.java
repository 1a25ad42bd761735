package dev.quarry.dsl.spi;

/**
 * The set operations that combine two queries of the same number of columns (SQL:2016 section 7.17,
 * {@code <query expression>}), for the renderer hooks of {@code Select.union} and its siblings.
 * Without ALL each removes duplicate rows from its result; with ALL it keeps them (UNION ALL keeps all
 * rows of both sides, INTERSECT ALL a row as often as it is in both, EXCEPT ALL as often as it is in the
 * left side more often than in the right).
 */
public enum SetOperator {
    /** Rows of either side. */
    UNION,
    /** Rows of both sides. In standard SQL it binds more tightly than UNION and EXCEPT. */
    INTERSECT,
    /** Rows of the left side that are not in the right side. */
    EXCEPT
}
