package dev.quarry.dsl;

import dev.quarry.dsl.spi.SetOperator;

/**
 * The body of a compound query: {@code left UNION|INTERSECT|EXCEPT [ALL] right}. The {@link Select}
 * that holds it adds ORDER BY, LIMIT and OFFSET for the whole result; its rows are typed by the left
 * side. Immutable.
 *
 * @param left the left query
 * @param operator the operator
 * @param all whether duplicates are kept
 * @param right the right query, with as many fields as the left one
 */
record SetOperation(Select<?> left, SetOperator operator, boolean all, Select<?> right) {
    /** @return the operator as SQL spells it, such as {@code UNION ALL}, for messages */
    String label() {
        return operator + (all ? " ALL" : "");
    }
}
