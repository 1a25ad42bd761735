package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.time.Duration;
import java.util.List;

/**
 * The per-database settings of transactions and logging, as given to {@link Database.Builder}.
 *
 * @param retryPolicy how often transaction blocks run when they fail with a serialization failure or deadlock
 * @param logBindValues whether statements are logged with their bind values
 * @param sensitiveColumns columns whose statements log every value masked
 * @param slowQueryThreshold the elapsed time from which a statement is logged at WARN
 * @param statementListener told about every statement that ran, or null
 * @param queryTimeout the default statement timeout, or null for none
 * @param closeTimeout how long closing the database waits for running transactions
 */
record DatabaseSettings(RetryPolicy retryPolicy, boolean logBindValues, List<TableField<?>> sensitiveColumns,
                        Duration slowQueryThreshold, StatementListener statementListener, Duration queryTimeout,
                        Duration closeTimeout) {
    static final DatabaseSettings DEFAULTS = new DatabaseSettings(RetryPolicy.defaults(), false, List.of(),
            SqlLog.DEFAULT_SLOW_THRESHOLD, null, null, Database.DEFAULT_CLOSE_TIMEOUT);

    DatabaseSettings {
        sensitiveColumns = List.copyOf(sensitiveColumns);
    }

    SqlLog sqlLog(Dialect dialect) {
        if (!logBindValues && sensitiveColumns.isEmpty() && slowQueryThreshold.equals(SqlLog.DEFAULT_SLOW_THRESHOLD)
                && statementListener == null) {
            return SqlLog.DEFAULT;
        }
        return SqlLog.of(dialect, logBindValues, sensitiveColumns, slowQueryThreshold, statementListener);
    }
}
