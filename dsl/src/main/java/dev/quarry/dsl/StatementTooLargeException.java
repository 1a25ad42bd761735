package dev.quarry.dsl;

/**
 * A statement passes one of Quarry's size limits and is refused while it is rendered, before anything
 * is sent to the database: its expressions nest deeper than {@link dev.quarry.dsl.spi.SqlBuilder#MAX_DEPTH}
 * levels, or it needs more bind parameters than the dialect allows
 * ({@link dev.quarry.dsl.spi.Dialect#maxBindParameters()}). The message names the limit, the size found
 * and what to write instead.
 *
 * <p>It is an {@link IllegalArgumentException}, as every programmer error Quarry finds before sending a
 * statement: the statement as built cannot run on the database (every supported database refuses much
 * deeper expressions, and the JDBC drivers refuse more parameters), so retrying it is pointless. Catch
 * this class to tell these limits apart from other invalid arguments.
 */
public final class StatementTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which limit a statement passed. */
    public enum Limit {
        /** Expressions nested more than {@link dev.quarry.dsl.spi.SqlBuilder#MAX_DEPTH} levels deep. */
        NESTING_DEPTH,
        /** More bind parameters than {@link dev.quarry.dsl.spi.Dialect#maxBindParameters()} allows in one statement. */
        BIND_PARAMETERS
    }

    private final Limit limit;
    private final int maximum;
    private final int found;

    /**
     * @param limit the limit passed
     * @param maximum the largest size the limit allows
     * @param found the size found (for {@link Limit#NESTING_DEPTH}, {@code maximum + 1}: rendering stops at
     *              the first level past the limit, so the tree may be deeper)
     * @param message the full message: the limit, the size found, where, and what to write instead
     */
    public StatementTooLargeException(Limit limit, int maximum, int found, String message) {
        super(message);
        this.limit = limit;
        this.maximum = maximum;
        this.found = found;
    }

    /** @return which limit the statement passed */
    public Limit limit() { return limit; }

    /** @return the largest nesting depth, or number of bind parameters, the limit allows */
    public int maximum() { return maximum; }

    /**
     * @return the size found: the number of bind parameters (of the statement, or of the one IN list that
     *         alone passes the limit), or for {@link Limit#NESTING_DEPTH} {@code maximum() + 1}
     */
    public int found() { return found; }
}
