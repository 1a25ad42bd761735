package dev.quarry.dsl.spi;

/**
 * The kinds of join a query can hold, for {@link Renderer#join}: the keyword each renders by default
 * (SQL:2016 section 7.7, joined table).
 */
public enum JoinType {
    /** {@code JOIN}: rows with a match on both sides. */
    INNER("JOIN"),
    /** {@code LEFT JOIN}: every row of the left side; the right side's columns are NULL without a match. */
    LEFT("LEFT JOIN"),
    /** {@code RIGHT JOIN}: every row of the right side; the left side's columns are NULL without a match. */
    RIGHT("RIGHT JOIN"),
    /** {@code FULL JOIN}: every row of both sides; the other side's columns are NULL without a match. */
    FULL("FULL JOIN"),
    /** {@code CROSS JOIN}: every combination of rows; no ON condition. */
    CROSS("CROSS JOIN");

    private final String keyword;

    JoinType(String keyword) {
        this.keyword = keyword;
    }

    /** @return the standard keyword, such as {@code LEFT JOIN} */
    public String keyword() { return keyword; }

    /**
     * @param keyword a keyword as {@link #keyword()} returns it
     * @return the join type
     * @throws IllegalArgumentException if no join type has that keyword
     */
    public static JoinType ofKeyword(String keyword) {
        for (JoinType t : values()) {
            if (t.keyword.equals(keyword)) return t;
        }
        throw new IllegalArgumentException("no join type " + keyword);
    }
}
