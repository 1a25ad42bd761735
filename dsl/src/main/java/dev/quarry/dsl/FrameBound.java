package dev.quarry.dsl;

/**
 * One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW},
 * {@code n FOLLOWING} or {@code UNBOUNDED FOLLOWING} (SQL:2016 section 7.15, window clause; PostgreSQL
 * manual 4.2.8, "Window Function Calls"). Immutable.
 *
 * <p>The offset {@code n} is rendered as an integer literal, not as a bind parameter: MariaDB's grammar
 * accepts no parameter there (a syntax error) and SQLite requires a constant ("frame starting offset
 * must be a non-negative integer"). It is a Java {@code long} checked to be 0 or more, so nothing but
 * digits reaches the SQL text.
 *
 * @param kind which bound
 * @param offset the number of rows (ROWS), peer groups (GROUPS) or the distance in the ORDER BY key's
 *               units (RANGE) for {@link Kind#PRECEDING} and {@link Kind#FOLLOWING}; 0 otherwise
 */
public record FrameBound(Kind kind, long offset) {
    /** The five kinds of frame bound, in frame order. */
    public enum Kind {
        /** {@code UNBOUNDED PRECEDING}: the partition's first row. */
        UNBOUNDED_PRECEDING,
        /** {@code n PRECEDING}. */
        PRECEDING,
        /** {@code CURRENT ROW} (with RANGE and GROUPS: the current row's first or last peer). */
        CURRENT_ROW,
        /** {@code n FOLLOWING}. */
        FOLLOWING,
        /** {@code UNBOUNDED FOLLOWING}: the partition's last row. */
        UNBOUNDED_FOLLOWING
    }

    private static final FrameBound UNBOUNDED_PRECEDING = new FrameBound(Kind.UNBOUNDED_PRECEDING, 0);
    private static final FrameBound CURRENT_ROW = new FrameBound(Kind.CURRENT_ROW, 0);
    private static final FrameBound UNBOUNDED_FOLLOWING = new FrameBound(Kind.UNBOUNDED_FOLLOWING, 0);

    /**
     * @param kind which bound, not null
     * @param offset 0 or more for PRECEDING and FOLLOWING; 0 for the other kinds
     * @throws IllegalArgumentException if kind is null, the offset is negative, or an offset is given to a
     *         bound that takes none
     */
    public FrameBound {
        if (kind == null) throw new IllegalArgumentException("frame bound kind is null");
        if (offset < 0) throw new IllegalArgumentException("frame offset must be 0 or more, was " + offset);
        if (offset != 0 && kind != Kind.PRECEDING && kind != Kind.FOLLOWING) {
            throw new IllegalArgumentException(kind + " takes no offset, was given " + offset);
        }
    }

    /** @return {@code UNBOUNDED PRECEDING} */
    public static FrameBound unboundedPreceding() { return UNBOUNDED_PRECEDING; }

    /**
     * @param offset rows, peer groups or key distance before the current row; 0 or more
     * @return {@code offset PRECEDING}
     * @throws IllegalArgumentException if offset is negative
     */
    public static FrameBound preceding(long offset) { return new FrameBound(Kind.PRECEDING, offset); }

    /** @return {@code CURRENT ROW} */
    public static FrameBound currentRow() { return CURRENT_ROW; }

    /**
     * @param offset rows, peer groups or key distance after the current row; 0 or more
     * @return {@code offset FOLLOWING}
     * @throws IllegalArgumentException if offset is negative
     */
    public static FrameBound following(long offset) { return new FrameBound(Kind.FOLLOWING, offset); }

    /** @return {@code UNBOUNDED FOLLOWING} */
    public static FrameBound unboundedFollowing() { return UNBOUNDED_FOLLOWING; }

    /** @return whether this bound has an offset ({@code n PRECEDING} or {@code n FOLLOWING}) */
    public boolean hasOffset() { return kind == Kind.PRECEDING || kind == Kind.FOLLOWING; }

    /** @return the SQL text, such as {@code 3 PRECEDING} or {@code CURRENT ROW} */
    public String sql() {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> offset + " PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> offset + " FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        };
    }

    @Override
    public String toString() { return sql(); }
}
