package dev.quarry.dsl;

/**
 * The root of Quarry's unchecked exceptions for failures that involve the database: a statement the
 * server refused, a connection that failed, a result of the wrong shape, or a feature the dialect
 * cannot express. Subclasses name the cause (unique violation, foreign key violation, ...).
 *
 * <p>Programmer errors found before anything reaches the database (a column of another table, a
 * negative limit, a null for a NOT NULL column) are {@link IllegalArgumentException}s and
 * {@link IllegalStateException}s instead. A value that its column or type cannot hold is a
 * {@link DataException} wherever it is found, in Java before sending or by the database, so that the
 * same value fails the same way on every dialect.
 */
public class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sql;
    private final String sqlState;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null when no statement was involved
     * @param sqlState the five-character SQLState reported by the driver, or null when there is none
     * @param cause the driver's exception, may be null
     */
    public DataAccessException(String message, String sql, String sqlState, Throwable cause) {
        super(message, cause);
        this.sql = sql;
        this.sqlState = sqlState;
    }

    /** @return the SQL text of the failing statement, or null when no statement was involved */
    public String sql() { return sql; }

    /** @return the SQLState (SQL:2016 section 24.1, SQLSTATE), or null when the driver gave none */
    public String sqlState() { return sqlState; }
}
