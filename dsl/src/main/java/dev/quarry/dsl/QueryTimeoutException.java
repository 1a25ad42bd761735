package dev.quarry.dsl;

/**
 * A statement ran past its timeout and was cancelled on the server, or a transaction's timeout had
 * passed before a statement could start (nothing was sent then). The timeouts are a statement's own
 * ({@code select.queryTimeout(...)}), its transaction's ({@link TransactionOptions#timeout}) or the
 * database's default ({@link Database.Builder#queryTimeout}); a server's own statement timeout
 * (PostgreSQL {@code statement_timeout}, SQLState 57014; MariaDB {@code max_statement_time}, error 1969;
 * MySQL {@code max_execution_time}, error 3024) is reported the same way.
 *
 * <p>Transient: the same work may succeed later, but it is not retried by default, since the time has
 * already been spent ({@link RetryPolicy#alsoRetrying} opts in). The outcome of a timed-out write in
 * auto-commit mode is unknown: the server may have finished it just before the cancel arrived. Inside a
 * transaction block the exception rolls the whole transaction back.
 */
public class QueryTimeoutException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, never null
     * @param sql the SQL text of the statement, or null
     * @param sqlState the SQLState the driver reported for the cancel, or null when it reported none
     * @param cause the driver's exception, may be null
     */
    public QueryTimeoutException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
