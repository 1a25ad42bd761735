package dev.quarry.dsl;

/**
 * A CHECK constraint was violated (SQLState 23514; SQLite SQLITE_CONSTRAINT_CHECK; MySQL error 3819, MariaDB 4025).
 */
public class CheckViolationException extends IntegrityConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public CheckViolationException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
