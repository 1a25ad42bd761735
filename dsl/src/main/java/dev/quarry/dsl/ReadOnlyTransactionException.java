package dev.quarry.dsl;

/**
 * A statement tried to write in a read-only transaction ({@link TransactionOptions#readOnly()}):
 * SQLState 25006, "read-only SQL-transaction" (SQL:2016 section 24.1; PostgreSQL 25006, MySQL/MariaDB
 * error 1792 with SQLState 25006, SQLite SQLITE_READONLY under {@code PRAGMA query_only}, reported
 * with SQLState 25006). Nothing was written; the transaction is rolled back when its block ends.
 */
public class ReadOnlyTransactionException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, never null
     * @param sql the SQL text that failed, or null
     * @param sqlState the SQLState reported by the driver (25006), or null
     * @param cause the driver's exception, may be null
     */
    public ReadOnlyTransactionException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
