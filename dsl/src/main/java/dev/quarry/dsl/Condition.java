package dev.quarry.dsl;

import java.util.Arrays;

/**
 * A boolean SQL expression used in WHERE, ON and HAVING. Immutable; {@link #and}, {@link #or} and
 * {@link #not} return new conditions.
 */
public interface Condition extends Field<Boolean> {
    @Override
    default DataType<Boolean> type() { return DataType.bool(); }

    @Override
    default String name() { return "condition"; }

    /**
     * @param other another condition
     * @return {@code this AND other}
     */
    default Condition and(Condition other) { return Junction.of("AND", Arrays.asList(this, other)); }

    /**
     * @param other another condition
     * @return {@code this OR other}
     */
    default Condition or(Condition other) { return Junction.of("OR", Arrays.asList(this, other)); }

    /** @return {@code NOT (this)} */
    default Condition not() { return new Negation(this); }
}
