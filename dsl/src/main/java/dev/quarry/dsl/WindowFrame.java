package dev.quarry.dsl;

/**
 * A window frame: {@code ROWS|RANGE|GROUPS BETWEEN start AND end} (SQL:2016 section 7.15). Immutable.
 * The bounds are checked against the standard's rules when the frame is made, so that no dialect
 * sees a frame that ends before it starts.
 *
 * <p>Dialects: ROWS and RANGE work on SQLite 3.28+, PostgreSQL 11+, MySQL 8.0 and MariaDB 10.2+.
 * RANGE with an offset needs exactly one ORDER BY key, of a numeric type (checked at render time:
 * MariaDB refuses other key types, and PostgreSQL wants an interval offset for dates). GROUPS works
 * on SQLite and PostgreSQL only; MySQL and MariaDB fail at render time with
 * {@link UnsupportedDialectFeatureException}.
 *
 * @param unit ROWS, RANGE or GROUPS
 * @param start where the frame starts
 * @param end where the frame ends
 */
public record WindowFrame(Unit unit, FrameBound start, FrameBound end) {
    /** How a frame counts. */
    public enum Unit {
        /** Physical rows. */
        ROWS,
        /** Rows whose ORDER BY key is within a distance of the current row's (peers count together). */
        RANGE,
        /** Peer groups (rows with equal ORDER BY keys); SQLite and PostgreSQL only. */
        GROUPS
    }

    /**
     * @param unit ROWS, RANGE or GROUPS, not null
     * @param start the start bound, not null
     * @param end the end bound, not null
     * @throws IllegalArgumentException if something is null, the frame starts at UNBOUNDED FOLLOWING, ends
     *         at UNBOUNDED PRECEDING, or ends before it starts (CURRENT ROW to n PRECEDING, n FOLLOWING to
     *         CURRENT ROW or to n PRECEDING), which SQL:2016 section 7.15 rules out
     */
    public WindowFrame {
        if (unit == null || start == null || end == null) {
            throw new IllegalArgumentException("a window frame needs a unit and two bounds, got " + unit + ", " + start + ", " + end);
        }
        if (start.kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING) {
            throw new IllegalArgumentException("a window frame cannot start at UNBOUNDED FOLLOWING");
        }
        if (end.kind() == FrameBound.Kind.UNBOUNDED_PRECEDING) {
            throw new IllegalArgumentException("a window frame cannot end at UNBOUNDED PRECEDING");
        }
        if (end.kind().ordinal() < start.kind().ordinal()) {
            throw new IllegalArgumentException("a window frame cannot start at " + start.sql() + " and end at " + end.sql()
                    + ": the end comes before the start");
        }
    }

    /** @return the SQL text, such as {@code ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW} */
    public String sql() {
        return unit + " BETWEEN " + start.sql() + " AND " + end.sql();
    }

    @Override
    public String toString() { return sql(); }
}
