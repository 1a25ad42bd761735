package dev.quarry.schema;

import dev.quarry.dsl.Condition;

/**
 * A named CHECK constraint of a table (SQL:2016 section 11.9, check constraint definition).
 *
 * @param name the constraint name
 * @param condition the condition every row must meet (not be false); it may refer only to columns of the table
 */
public record Check(String name, Condition condition) {}
