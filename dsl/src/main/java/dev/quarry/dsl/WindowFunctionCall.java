package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/**
 * A window function and its window: {@code RANK() OVER (...)}, {@code LAG(x, ?, ?) OVER w}. The
 * pending form (window null) is the {@link WindowFunction} that {@code Dsl} returns.
 *
 * @param function the function
 * @param value the argument of lag, lead, first_value and last_value; null otherwise
 * @param count the bucket count of ntile, the offset of lag and lead; 0 otherwise
 * @param defaultValue the default of lag and lead, or null
 * @param type the result type
 * @param window the window, null while pending
 */
record WindowFunctionCall<T>(Function function, Field<?> value, int count, Field<?> defaultValue, DataType<T> type,
                             Window window) implements Field<T>, WindowFunction<T> {
    /** The window functions and their SQL names. */
    enum Function {
        ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE;

        /** Functions that take no frame (SQL:2016 section 7.15; MariaDB error 4017). */
        boolean refusesFrame() {
            return this != FIRST_VALUE && this != LAST_VALUE;
        }

        /** Functions that need an ORDER BY in their window (MariaDB error 4018, "No order list"). */
        boolean needsOrder() {
            return this == RANK || this == DENSE_RANK || this == LAG || this == LEAD;
        }
    }

    @Override
    public String name() { return function.name().toLowerCase(java.util.Locale.ROOT); }

    @Override
    public Field<T> over(Window window) {
        if (this.window != null) throw new IllegalStateException(name() + "() already has a window");
        if (window == null) throw new IllegalArgumentException(name() + "().over(null): use over() for OVER ()");
        String which = window.name() == null ? "its window" : "window " + window.name();
        if (function.needsOrder() && window.orderFields().isEmpty()) {
            throw new IllegalArgumentException(name() + "() needs an ORDER BY in " + which
                    + " (MariaDB refuses it without, and the result depends on the order)");
        }
        if (function.refusesFrame() && window.frame() != null) {
            throw new IllegalArgumentException(name() + "() takes no window frame, but " + which + " has "
                    + window.frame().sql() + " (SQL:2016 forbids it, MariaDB refuses it, PostgreSQL and SQLite ignore it)");
        }
        return new WindowFunctionCall<>(function, value, count, defaultValue, type, window);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        if (window == null) {
            throw new IllegalStateException(name() + "() needs a window: call over(...)");
        }
        switch (function) {
            case NTILE -> b.renderer().ntile(b, count, window);
            case LAG, LEAD -> b.renderer().lagLead(b, function == Function.LEAD, value, count, defaultValue, window);
            case FIRST_VALUE, LAST_VALUE -> b.renderer().windowFunction(b, function.name(), List.of(value), window);
            default -> b.renderer().windowFunction(b, function.name(), List.of(), window);
        }
    }
}
