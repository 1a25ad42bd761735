package dev.quarry.dsl;

/**
 * A lock could not be obtained in time (PostgreSQL SQLState 55P03, MySQL error 1205, SQLite SQLITE_BUSY).
 */
public class LockTimeoutException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public LockTimeoutException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
