package dev.quarry.dsl;

/**
 * A FOREIGN KEY constraint was violated (SQLState 23503; SQLite SQLITE_CONSTRAINT_FOREIGNKEY; MySQL errors 1451, 1452).
 */
public class ForeignKeyViolationException extends IntegrityConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public ForeignKeyViolationException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
