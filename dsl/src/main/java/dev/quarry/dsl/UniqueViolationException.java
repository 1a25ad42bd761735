package dev.quarry.dsl;

/**
 * A PRIMARY KEY or UNIQUE constraint was violated (SQLState 23505; SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY; MySQL error 1062).
 */
public class UniqueViolationException extends IntegrityConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver, or null
     * @param cause the driver's exception, may be null
     */
    public UniqueViolationException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
