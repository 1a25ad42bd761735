package dev.quarry.examples.sakila;

import dev.quarry.dsl.DbEnum;

/**
 * The MPAA film rating of {@link Film#rating}. Two labels ({@code PG-13}, {@code NC-17}) are not Java
 * identifiers, so the enum stores {@link #dbName()} rather than its constant name.
 */
public enum MpaaRating implements DbEnum {
    /** General audiences. */
    G("G"),
    /** Parental guidance suggested. */
    PG("PG"),
    /** Parents strongly cautioned. */
    PG_13("PG-13"),
    /** Restricted. */
    R("R"),
    /** No one 17 and under admitted. */
    NC_17("NC-17");

    private final String label;

    MpaaRating(String label) {
        this.label = label;
    }

    /** @return the label stored in the database, such as {@code PG-13} */
    @Override
    public String dbName() {
        return label;
    }
}
