package dev.quarry.dsl;

/**
 * A failure that may not happen again if the whole transaction is retried: serialization failure, deadlock, lock timeout.
 */
public class TransientDataAccessException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public TransientDataAccessException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
