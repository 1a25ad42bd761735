package dev.quarry.dsl.spi;

import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLDataException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * The rules by which a value is one that every supported database holds exactly, and one that fits a
 * column's type, shared by the DSL (which refuses values before anything is sent, naming the column)
 * and by the dialects' {@link TypeBinding}s (which refuse what still reaches them, and what a database
 * returns that the Java type cannot hold). Every failure carries a SQLState of class 22 (SQL:2016
 * section 24.1), listed on {@link DataException}. Stateless and thread-safe.
 *
 * <ul>
 *   <li>Text (VARCHAR, CHAR, TEXT, JSON): no U+0000 (PostgreSQL refuses it in text; SQLite's functions
 *       stop at it) and no unpaired UTF-16 surrogate (not a Unicode scalar value, so not encodable in
 *       UTF-8; drivers replace it with {@code ?}): 22021. VARCHAR(n) and CHAR(n) hold at most n code
 *       points, blanks included: 22001.</li>
 *   <li>DECIMAL(p, s): a value is rounded half away from zero to s places (PostgreSQL's and MariaDB's
 *       rounding on assignment) and then may have at most p - s digits before the point: 22003.</li>
 *   <li>REAL and DOUBLE: no NaN and no infinity (MariaDB stores neither, SQLite turns NaN into NULL):
 *       22003. A REAL read back must be a finite value within the float range.</li>
 *   <li>DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE: from {@link #MIN_DATE} to {@link #MAX_DATE} (the
 *       instant in UTC for the latter), the range all three databases store exactly: 22008.</li>
 *   <li>INTEGER and SMALLINT read back: within the Java type's range (a database may compute a wider
 *       value, as MariaDB and SQLite do for {@code i + 2147483647}): 22003.</li>
 * </ul>
 */
public final class ValueChecks {
    /** The first date every dialect stores exactly: 0001-01-01 (SQL:2016 section 4.6.2, years 0001 to 9999). */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** The last date every dialect stores exactly: 9999-12-31. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    /** The first timestamp every dialect stores exactly: 0001-01-01 00:00. */
    public static final LocalDateTime MIN_TIMESTAMP = MIN_DATE.atStartOfDay();
    /** The last timestamp every dialect stores exactly, at microsecond precision: 9999-12-31 23:59:59.999999. */
    public static final LocalDateTime MAX_TIMESTAMP = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

    private ValueChecks() {}

    /**
     * Why a value cannot be held: the SQLState (class 22) and a description that never quotes the value.
     *
     * @param sqlState one of the states listed on {@link DataException}
     * @param problem what is wrong, such as {@code "a string of 21 characters is longer than 20"}
     */
    public record Violation(String sqlState, String problem) {
        /**
         * @param target what the value was meant for, such as {@code "INSERT INTO film: column film.title"}
         * @param type the type of that target
         * @return the exception, with no SQL (nothing was sent)
         */
        public DataException toException(String target, DataType<?> type) {
            return new DataException(target + " (" + type + "): " + problem, null, sqlState, null);
        }
    }

    /**
     * Whether every dialect can hold a value of a type at all, whatever the column's length or precision:
     * the check for values compared with a column or computed with, which no database could have stored.
     *
     * @param type the value's type
     * @param value the value, may be null (always representable)
     * @return null if representable, else why not
     */
    public static Violation representable(DataType<?> type, Object value) {
        if (value == null) return null;
        switch (type.sqlType()) {
            case VARCHAR, CHAR, TEXT, JSON, JSONB -> {
                return value instanceof String s ? text(s) : null;
            }
            case REAL -> {
                return value instanceof Float f ? floating(f.doubleValue()) : null;
            }
            case DOUBLE -> {
                return value instanceof Double d ? floating(d) : null;
            }
            case DATE -> {
                return value instanceof LocalDate d ? date(d) : null;
            }
            case TIMESTAMP -> {
                return value instanceof LocalDateTime t ? timestamp(t) : null;
            }
            case TIMESTAMPTZ -> {
                return value instanceof OffsetDateTime t ? timestamp(t) : null;
            }
            case ARRAY -> {
                if (value instanceof List<?> list) {
                    for (Object element : list) {
                        Violation v = representable(type.elementType(), element);
                        if (v != null) return v;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Whether a value can be written to a column of a type on every dialect: {@link #representable}, and
     * within VARCHAR(n)/CHAR(n)'s length in code points and DECIMAL(p, s)'s digits before the point
     * after rounding to s places half away from zero.
     *
     * @param type the column's type
     * @param value the value, may be null
     * @return null if it can, else why not
     */
    public static Violation storable(DataType<?> type, Object value) {
        Violation v = representable(type, value);
        if (v != null || value == null) return v;
        return switch (type.sqlType()) {
            case VARCHAR, CHAR -> value instanceof String s ? length(s, type.length()) : null;
            case DECIMAL -> value instanceof BigDecimal d ? decimal(d, type.precision(), type.scale()) : null;
            default -> null;
        };
    }

    /**
     * The value a column of the type stores for a value that {@link #storable} accepted: a DECIMAL with a
     * scale rounded half away from zero to it (as PostgreSQL and MariaDB round on assignment, so that
     * SQLite, which stores a double, keeps the same digits); any other value unchanged.
     *
     * @param type the column's type
     * @param value a storable value, may be null
     * @param <T> the Java type
     * @return the value as stored
     */
    @SuppressWarnings("unchecked")
    public static <T> T stored(DataType<T> type, T value) {
        if (value instanceof BigDecimal d && type.sqlType() == dev.quarry.dsl.SqlType.DECIMAL && type.scale() >= 0) {
            return (T) roundToScale(d, type.scale());
        }
        return value;
    }

    /**
     * Rounds half away from zero to a scale, without the cost of {@link BigDecimal#setScale} for values
     * far below the last place (such as {@code 1E-100000000}), which round to zero.
     *
     * @param value the value
     * @param scale the number of places, 0 or more
     * @return the rounded value, with exactly that scale
     */
    public static BigDecimal roundToScale(BigDecimal value, int scale) {
        if ((long) value.precision() - value.scale() < -(long) scale - 1) return BigDecimal.ZERO.setScale(scale);
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * @param s a string
     * @return null if every database stores it as text exactly, else why not (22021)
     */
    public static Violation text(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return new Violation(DataException.CHARACTER_NOT_IN_REPERTOIRE,
                        "U+0000 (NUL) at index " + i + ": no database holds NUL in text");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return new Violation(DataException.CHARACTER_NOT_IN_REPERTOIRE, String.format(
                        "an unpaired UTF-16 %s surrogate U+%04X at index %d: text must be well-formed Unicode",
                        Character.isHighSurrogate(c) ? "high" : "low", (int) c, i));
            }
        }
        return null;
    }

    private static Violation length(String s, int max) {
        if (s.length() <= max) return null;
        int codePoints = s.codePointCount(0, s.length());
        if (codePoints <= max) return null;
        return new Violation(DataException.STRING_DATA_RIGHT_TRUNCATION,
                "a string of " + codePoints + " characters is longer than " + max);
    }

    private static Violation decimal(BigDecimal d, int precision, int scale) {
        if (precision < 0 || scale < 0) return null;
        int before = precision - scale;
        // |d| >= 10^(digits before the point - 1); rounding to the scale never brings it below 10^before
        long digits = (long) d.precision() - d.scale();
        if (digits <= before) {
            BigDecimal rounded = roundToScale(d, scale);
            digits = (long) rounded.precision() - rounded.scale();
            if (digits <= before) return null;
        }
        return new Violation(DataException.NUMERIC_VALUE_OUT_OF_RANGE, "a number with " + digits
                + " digits before the point after rounding to " + scale + " places; at most " + before + " fit");
    }

    private static Violation floating(double v) {
        if (Double.isNaN(v)) {
            return new Violation(DataException.NUMERIC_VALUE_OUT_OF_RANGE, "NaN: no database column holds it on every dialect");
        }
        if (Double.isInfinite(v)) {
            return new Violation(DataException.NUMERIC_VALUE_OUT_OF_RANGE, (v > 0 ? "Infinity" : "-Infinity")
                    + ": no database column holds it on every dialect");
        }
        return null;
    }

    private static Violation date(LocalDate d) {
        if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
            return new Violation(DataException.DATETIME_FIELD_OVERFLOW,
                    "a date outside 0001-01-01 .. 9999-12-31, the range every database holds exactly");
        }
        return null;
    }

    private static Violation timestamp(LocalDateTime t) {
        if (t.isBefore(MIN_TIMESTAMP) || t.isAfter(MAX_TIMESTAMP)) {
            return new Violation(DataException.DATETIME_FIELD_OVERFLOW,
                    "a timestamp outside 0001-01-01 00:00:00 .. 9999-12-31 23:59:59.999999, the range every database holds exactly");
        }
        return null;
    }

    private static Violation timestamp(OffsetDateTime t) {
        try {
            Violation v = timestamp(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            return v == null ? null : new Violation(v.sqlState(), v.problem() + " (in UTC)");
        } catch (DateTimeException e) {
            return timestamp(LocalDateTime.MAX);
        }
    }

    private static final DateTimeFormatter DATE_TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    /**
     * Whether a text cast to DATE or TIMESTAMP gives the same value on every dialect: the form
     * {@code YYYY-MM-DD[( |T)HH:MM[:SS[.fffffffff]]]} that the three databases read alike (SQLite's date
     * functions read no other, and would move {@code 2023-02-30} to 2023-03-02; MariaDB returns NULL for
     * what it cannot read), naming a day and time that exist (22008, as PostgreSQL reports
     * {@code 2023-02-30}), within 0001-01-01 .. 9999-12-31 (22008). Anything else is an invalid datetime
     * format (22007).
     *
     * @param text the text
     * @param timestamp true for a cast to TIMESTAMP, false for DATE
     * @return null if the cast is the same everywhere, else why not
     */
    public static Violation dateText(String text, boolean timestamp) {
        TemporalAccessor parsed;
        try {
            parsed = DATE_TEXT.parse(text);
        } catch (DateTimeParseException e) {
            return e.getCause() instanceof DateTimeException
                    ? new Violation(DataException.DATETIME_FIELD_OVERFLOW, "a text naming a day or time that does not exist")
                    : new Violation(DataException.INVALID_DATETIME_FORMAT,
                            "a text that is not a date YYYY-MM-DD[ HH:MM[:SS[.fffffffff]]]");
        }
        LocalDate date = LocalDate.from(parsed);
        if (!timestamp) return date(date);
        LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        return timestamp(date.atTime(time));
    }

    // ---- bindings ----

    /**
     * Refuses a bind value that no database can hold ({@link #representable}), for bindings to call first
     * in {@link TypeBinding#set}: the last line of defence for values that did not come through a column
     * (hand-made {@code Rendered} statements, IN lists, LIKE patterns).
     *
     * @param type the parameter's type
     * @param value the value, may be null
     * @param index the 1-based parameter index
     * @throws SQLDataException with the violation's SQLState if the value is not representable
     */
    public static void checkBind(DataType<?> type, Object value, int index) throws SQLDataException {
        Violation v = representable(type, value);
        if (v != null) throw new SQLDataException("bind parameter " + index + " (" + type + "): " + v.problem(), v.sqlState());
    }

    /**
     * @param problem what the value read is, without quoting it
     * @param sqlState the SQLState, class 22
     * @return the exception a binding throws for a value read that the Java type cannot hold
     */
    public static SQLDataException readFailure(String problem, String sqlState) {
        return new SQLDataException("the database returned " + problem, sqlState);
    }

    /**
     * @param v a value read as a long
     * @return it as an int
     * @throws SQLDataException (22003) if it is outside the int range
     */
    public static int toInt(long v) throws SQLDataException {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw readFailure("a value outside the INTEGER range -2147483648 .. 2147483647", DataException.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        return (int) v;
    }

    /**
     * @param v a value read as a long
     * @return it as a short
     * @throws SQLDataException (22003) if it is outside the short range
     */
    public static short toShort(long v) throws SQLDataException {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw readFailure("a value outside the SMALLINT range -32768 .. 32767", DataException.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        return (short) v;
    }

    /**
     * @param v a value read as a double
     * @return it as a long, truncated toward zero as JDBC's {@code getLong} does
     * @throws SQLDataException (22003) if it is NaN or outside the long range (SQLite turns an integer
     *         overflow into a REAL)
     */
    public static long toLong(double v) throws SQLDataException {
        if (!(v >= -0x1p63 && v < 0x1p63)) {
            throw readFailure("a value outside the BIGINT range", DataException.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        return (long) v;
    }

    /**
     * @param v a value read as a double
     * @return it as the nearest float
     * @throws SQLDataException (22003) if it is not finite or rounds to a float infinity (beyond the REAL
     *         range; {@code 3.4028235E38}, the text of {@link Float#MAX_VALUE}, still rounds to it)
     */
    public static float toFloat(double v) throws SQLDataException {
        float f = (float) v;
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            throw readFailure(Double.isNaN(v) || Double.isInfinite(v) ? "NaN or an infinity for a REAL"
                    : "a value beyond the REAL range", DataException.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        return f;
    }

    /**
     * @param v a value read
     * @return it
     * @throws SQLDataException (22003) if it is NaN or an infinity
     */
    public static double finite(double v) throws SQLDataException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw readFailure("NaN or an infinity for a DOUBLE", DataException.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        return v;
    }

    /**
     * @param value a date, timestamp or timestamp with time zone read, may be null
     * @param <T> its type
     * @return it
     * @throws SQLDataException (22008) if it is outside {@link #MIN_DATE} .. {@link #MAX_DATE}
     */
    public static <T> T inDateRange(T value) throws SQLDataException {
        Violation v = value instanceof LocalDate d ? date(d)
                : value instanceof LocalDateTime t ? timestamp(t)
                : value instanceof OffsetDateTime t ? timestamp(t)
                : null;
        if (v != null) throw readFailure(v.problem(), v.sqlState());
        return value;
    }
}
