package dev.quarry.dsl;

/**
 * A statement violated a declared constraint (SQLState class 23, SQL:2016 section 24.1). Nothing of the statement was applied.
 */
public class IntegrityConstraintViolationException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public IntegrityConstraintViolationException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
