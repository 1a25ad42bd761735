package dev.quarry.dsl;

import java.util.List;

/**
 * Told about every statement a {@link Database} (or one of its transactions) ran, after it completed:
 * queries, DML, each chunk of a many-row insert, a JDBC batch once per batch, a lazy cursor when it
 * closes. Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, SET TRANSACTION) and statements that
 * failed are not reported. Use it to count the queries a piece of code sends (the mapping layer's tests
 * assert the absence of N+1 queries this way) or to feed metrics.
 *
 * <p>Called on the thread that ran the statement, after the result was read and before the connection
 * went back to the pool. It must be thread-safe when the database is used by several threads, must be
 * quick, and must not throw: an exception from it propagates to the caller of the statement (whose work
 * has already been done). Registered with {@link Database.Builder#statementListener(StatementListener)}.
 */
@FunctionalInterface
public interface StatementListener {
    /**
     * @param sql the SQL text as sent, with {@code ?} bind markers
     * @param binds the bind values in order (unmodifiable; may be empty, never null; a JDBC batch reports
     *              the values of its first row)
     * @param rows the rows read (queries) or the update count (DML)
     * @param elapsedNanos the time from just before preparing the statement to now, in nanoseconds
     */
    void executed(String sql, List<Object> binds, int rows, long elapsedNanos);
}
