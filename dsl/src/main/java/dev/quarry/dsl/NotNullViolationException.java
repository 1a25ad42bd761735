package dev.quarry.dsl;

/**
 * NULL was written to a NOT NULL column (SQLState 23502; SQLite SQLITE_CONSTRAINT_NOTNULL; MySQL errors 1048, 1364).
 */
public class NotNullViolationException extends IntegrityConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public NotNullViolationException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
