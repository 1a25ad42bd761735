package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.lang.reflect.Constructor;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns a driver's {@link SQLException} into the {@link DataAccessException} Quarry throws, through the
 * dialect's {@link Dialect#translate}, and keeps the values of sensitive columns out of it.
 *
 * <p>When a database declares sensitive columns ({@link Database.Builder#sensitiveColumns}), every
 * exception it throws for a database failure is redacted: its message goes through
 * {@link Dialect#redactValues} (PostgreSQL's {@code Detail: Key (token)=(...)} and
 * {@code Failing row contains (...)}, MariaDB's {@code Duplicate entry '...'} become {@code ***}), and its
 * cause is not the driver's exception, whose message and fields (pgjdbc's {@code ServerErrorMessage})
 * hold the values, but a plain {@link SQLException} with the redacted message, the same SQLState, vendor
 * code and stack trace, naming the driver's exception class. Values are hidden for every column, not
 * only the sensitive ones: a server message does not always say which column a value belongs to.
 * Immutable and thread-safe.
 */
final class Failures {
    private final Dialect dialect;
    private final boolean redact;

    private Failures(Dialect dialect, boolean redact) {
        this.dialect = dialect;
        this.redact = redact;
    }

    /**
     * @param dialect translates and knows its server's message formats
     * @param log the database's log settings, which hold the sensitive columns
     * @return the failures of a database with these settings
     */
    static Failures of(Dialect dialect, SqlLog log) {
        return new Failures(dialect, log.hasSensitiveColumns());
    }

    /**
     * @param e the driver's exception
     * @param sql the SQL that failed, or null
     * @return Quarry's exception, redacted when the database has sensitive columns
     */
    DataAccessException translate(SQLException e, String sql) {
        DataAccessException translated = dialect.translate(e, sql);
        return redact ? redacted(translated) : translated;
    }

    /**
     * @param sql the statement that was cancelled
     * @param timeoutNanos its timeout
     * @param cause what the driver threw after the cancel, or null when it returned normally
     * @return the exception that reports the timeout
     */
    QueryTimeoutException timeout(String sql, long timeoutNanos, SQLException cause) {
        String message = "statement cancelled: it ran longer than its timeout of " + millis(timeoutNanos) + " ms"
                + (sql == null ? "" : " [SQL: " + sql + "]");
        Throwable c = cause;
        if (cause != null && redact) c = redactedCopy(cause, 0);
        return new QueryTimeoutException(message, sql, cause == null ? "57014" : cause.getSQLState(), c);
    }

    /** @return the exception for a statement that was not sent because its transaction's timeout had passed */
    QueryTimeoutException transactionTimedOut(String sql) {
        return new QueryTimeoutException("the transaction's timeout has passed; the statement was not sent"
                + (sql == null ? "" : " [SQL: " + sql + "]"), sql, "57014", null);
    }

    private DataAccessException redacted(DataAccessException e) {
        String message = dialect.redactValues(e.getMessage());
        Throwable cause = e.getCause() instanceof SQLException s ? redactedCopy(s, 0) : e.getCause();
        DataAccessException copy = copy(e, message, cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A plain SQLException with the driver exception's facts and a redacted message; its own causes likewise. */
    private SQLException redactedCopy(SQLException e, int depth) {
        String text = e.getMessage() == null ? "" : dialect.redactValues(e.getMessage());
        SQLException copy = new SQLException(e.getClass().getName() + ": " + text, e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        if (cause instanceof SQLException s && depth < 8) copy.initCause(redactedCopy(s, depth + 1));
        SQLException next = e.getNextException();
        if (next != null && next != cause && depth < 8) copy.setNextException(redactedCopy(next, depth + 1));
        return copy;
    }

    /** A new exception of the same class; every Quarry exception has the (message, sql, sqlState, cause) constructor. */
    private static DataAccessException copy(DataAccessException e, String message, Throwable cause) {
        try {
            Constructor<? extends DataAccessException> c = e.getClass()
                    .getConstructor(String.class, String.class, String.class, Throwable.class);
            return c.newInstance(message, e.sql(), e.sqlState(), cause);
        } catch (ReflectiveOperationException | RuntimeException notThatShape) {
            return new DataAccessException(message, e.sql(), e.sqlState(), cause);
        }
    }

    private static String millis(long nanos) {
        return nanos % 1_000_000 == 0 ? Long.toString(nanos / 1_000_000) : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
