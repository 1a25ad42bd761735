package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a database logs about the statements it runs, through SLF4J:
 * <ul>
 *   <li>every statement at DEBUG on {@value #LOGGER}: the SQL, the number of bind values (or the values
 *       themselves, when enabled), the row count and the elapsed milliseconds; also the transaction's own
 *       steps (COMMIT, ROLLBACK, SAVEPOINT ..., SET TRANSACTION ...) and each retry of a transaction block;</li>
 *   <li>a statement that took at least the slow-query threshold at WARN on {@value #SLOW_LOGGER}: the
 *       same facts, logged whatever the level of {@value #LOGGER}.</li>
 * </ul>
 * Bind values are shown only when enabled ({@link Database.Builder#logBindValues(boolean)}), then by
 * this rule: NULL as {@code NULL}; a string in single quotes, cut after {@value #MAX_VALUE_LENGTH}
 * characters with its full length added ({@code 'abc…'(120 chars)}); a {@code byte[]} as its length only
 * ({@code byte[16]}), never its content; anything else as {@code String.valueOf}, cut the same way; and
 * every value of a statement whose SQL names a sensitive column
 * ({@link Database.Builder#sensitiveColumns}) as {@value #MASK}. Immutable and thread-safe.
 */
final class SqlLog {
    static final String LOGGER = "dev.quarry.sql";
    static final String SLOW_LOGGER = "dev.quarry.sql.slow";
    static final int MAX_VALUE_LENGTH = 64;
    static final String MASK = "***";
    static final Duration DEFAULT_SLOW_THRESHOLD = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Logger SLOW = LoggerFactory.getLogger(SLOW_LOGGER);

    static final SqlLog DEFAULT = new SqlLog(false, List.of(), DEFAULT_SLOW_THRESHOLD, null);

    private final boolean bindValues;
    private final List<String> sensitiveNames;
    private final long slowNanos;
    /** Told about every statement that ran; null when none is registered. */
    private final StatementListener listener;

    private SqlLog(boolean bindValues, List<String> sensitiveNames, Duration slowThreshold, StatementListener listener) {
        this.bindValues = bindValues;
        this.sensitiveNames = sensitiveNames;
        this.slowNanos = slowThreshold.toNanos();
        this.listener = listener;
    }

    /**
     * @param dialect quotes the sensitive columns' names as they appear in its SQL
     * @param bindValues whether bind values are logged
     * @param sensitiveColumns columns whose statements log every value masked
     * @param slowThreshold the elapsed time from which a statement is logged at WARN
     * @param listener told about every statement that ran, or null
     */
    static SqlLog of(Dialect dialect, boolean bindValues, Collection<? extends TableField<?>> sensitiveColumns, Duration slowThreshold,
                     StatementListener listener) {
        List<String> names = new ArrayList<>();
        for (TableField<?> column : sensitiveColumns) {
            StringBuilder quoted = new StringBuilder();
            dialect.renderer().quoteIdentifier(quoted, column.name());
            if (!names.contains(quoted.toString())) names.add(quoted.toString());
        }
        return new SqlLog(bindValues, List.copyOf(names), slowThreshold, listener);
    }

    /** Logs a statement that ran: at DEBUG, and at WARN on the slow logger when it took the threshold or longer. */
    void statement(Rendered r, int rows, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        if (listener != null) listener.executed(r.sql(), r.binds(), rows, elapsed);
        boolean slow = elapsed >= slowNanos;
        boolean debug = LOG.isDebugEnabled();
        if (!debug && !slow) return;
        if (slow && SLOW.isWarnEnabled()) {
            SLOW.warn("slow statement, {} ms (threshold {} ms), {} rows: {} -- {}", millis(elapsed), millis(slowNanos), rows,
                    r.sql(), binds(r));
        }
        if (debug) LOG.debug("{} -- {}, {} rows, {} ms", r.sql(), binds(r), rows, millis(elapsed));
    }

    /** Logs a step of a transaction that is not a rendered statement (COMMIT, SAVEPOINT q1, ...). */
    void command(String sql, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        boolean slow = elapsed >= slowNanos;
        if (slow && SLOW.isWarnEnabled()) {
            SLOW.warn("slow statement, {} ms (threshold {} ms): {}", millis(elapsed), millis(slowNanos), sql);
        }
        if (LOG.isDebugEnabled()) LOG.debug("{} -- {} ms", sql, millis(elapsed));
    }

    /** Logs that an outermost transaction block failed and runs again. */
    void retry(int attempt, int maxAttempts, DataAccessException failure, long sleepNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("transaction attempt {} of {} failed with {} (SQLState {}); retrying in {} ms", attempt, maxAttempts,
                    failure.getClass().getSimpleName(), failure.sqlState(), millis(sleepNanos));
        }
    }

    /** @return {@code "3 binds"}, or the values by the masking rule when values are logged */
    String binds(Rendered r) {
        List<Object> values = r.binds();
        if (!bindValues) return values.size() + " binds";
        StringBuilder out = new StringBuilder("binds [");
        boolean masked = isSensitive(r.sql());
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(masked ? MASK : value(values.get(i)));
        }
        return out.append(']').toString();
    }

    /** @return whether the database declares sensitive columns, whose values its exceptions must not show */
    boolean hasSensitiveColumns() { return !sensitiveNames.isEmpty(); }

    boolean isSensitive(String sql) {
        for (String name : sensitiveNames) {
            if (sql.contains(name)) return true;
        }
        return false;
    }

    /** @return one bind value as the log shows it (see the class comment) */
    static String value(Object v) {
        if (v == null) return "NULL";
        if (v instanceof byte[] bytes) return "byte[" + bytes.length + "]";
        if (v instanceof CharSequence s) return "'" + cut(s.toString()) + "'" + more(s.length());
        String text = v instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(v);
        return cut(text) + more(text.length());
    }

    private static String cut(String s) {
        if (s.length() <= MAX_VALUE_LENGTH) return s;
        int end = Character.isHighSurrogate(s.charAt(MAX_VALUE_LENGTH - 1)) ? MAX_VALUE_LENGTH - 1 : MAX_VALUE_LENGTH;
        return s.substring(0, end) + "…";
    }

    private static String more(int length) {
        return length <= MAX_VALUE_LENGTH ? "" : "(" + length + " chars)";
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
