package dev.quarry.dsl;

/**
 * The transaction could not be serialized with a concurrent one (SQLState 40001).
 */
public class SerializationFailureException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public SerializationFailureException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
