package dev.quarry.dsl;

/**
 * The server chose this transaction as a deadlock victim (PostgreSQL SQLState 40P01, MySQL error 1213).
 */
public class DeadlockException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public DeadlockException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
