package dev.quarry.mysql;

import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.JdbcBindings;
import dev.quarry.dsl.spi.TypeBinding;
import dev.quarry.dsl.spi.ValueChecks;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * How values travel through MariaDB Connector/J 3 on MySQL and MariaDB, where the JDBC defaults are
 * not exact:
 * <ul>
 *   <li>TIMESTAMP ({@code DATETIME(6)}): bound with {@code setObject(LocalDateTime)}, which the driver
 *       writes field by field, and read with {@code getTimestamp(i, calendar)} in a UTC, proleptic
 *       Gregorian calendar. {@code getObject(i, LocalDateTime.class)} and {@code getString} are not
 *       exact: Connector/J 3.5 decodes DATETIME through a {@code ZonedDateTime} in the JVM's default
 *       zone, so a local time in that zone's daylight-saving gap moves by an hour (2018-11-04 00:30
 *       reads 01:30 under America/Sao_Paulo). UTC has no gaps, and the proleptic calendar keeps dates
 *       before 1582-10-15 as they are. Fractions below a microsecond are cut off before sending (MariaDB
 *       truncates, MySQL would round), so both products store the same value.</li>
 *   <li>TIMESTAMP WITH TIME ZONE ({@code DATETIME(6)}): the instant's local date-time in UTC, read back
 *       with offset UTC. MySQL's own TIMESTAMP type is avoided: it ends in 2038 and converts through the
 *       session time zone (MySQL 8.0 manual, 13.2.2 "The DATE, DATETIME, and TIMESTAMP Types").</li>
 *   <li>REAL: stored in a DOUBLE column and bound as the double the float converts to exactly. MariaDB
 *       sends FLOAT columns as text rounded to 6 significant digits (3.1415927 reads 3.14159) and
 *       refuses {@code Float.MAX_VALUE} in text form as out of range, while a DOUBLE is sent with all
 *       17 digits.</li>
 *   <li>UUID ({@code CHAR(36)}): canonical lower-case text.</li>
 *   <li>BOOLEAN ({@code TINYINT(1)}): {@code getBoolean} with {@code wasNull}, so NULL stays null.</li>
 *   <li>Values no database can hold are not sent, and values the Java type cannot hold are not returned
 *       ({@link ValueChecks}): dates outside 0001-01-01 .. 9999-12-31 (22008; MariaDB would store year
 *       10000 and year -1 as {@code 0000-00-00}), NaN and infinities for REAL (22003), a REAL result
 *       beyond the float range (22003). A zero date ({@code 0000-00-00}, or a zero month or day) that a
 *       session without strict mode stored, which Connector/J reads as NULL, fails with 22008 instead.</li>
 * </ul>
 * All bindings are stateless and thread-safe.
 */
final class MysqlBindings {
    private MysqlBindings() {}

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    /** @return the value cut to microseconds, as {@code DATETIME(6)} holds it */
    static LocalDateTime micros(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /** @return the instant's local date-time in UTC, cut to microseconds */
    static LocalDateTime utc(OffsetDateTime t) {
        return micros(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    /** @return {@code yyyy-MM-dd HH:mm:ss.ffffff}, the DATETIME(6) literal for DDL */
    static String format(LocalDateTime t) {
        return micros(t).format(MICROS);
    }

    /** A new calendar per read: the driver may change the calendar it is given, and calendars are not thread-safe. */
    private static GregorianCalendar utcProleptic() {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setGregorianChange(new Date(Long.MIN_VALUE));
        return c;
    }

    private static LocalDateTime readDateTime(ResultSet rs, int i) throws SQLException {
        Timestamp ts;
        try {
            ts = rs.getTimestamp(i, utcProleptic());
        } catch (DateTimeException e) {
            throw zeroDate();
        }
        if (ts == null) {
            if (rs.getString(i) != null) throw zeroDate();
            return null;
        }
        return ValueChecks.inDateRange(LocalDateTime.ofInstant(ts.toInstant(), ZoneOffset.UTC));
    }

    /** Connector/J reads a zero date as NULL, or fails with a {@link DateTimeException} for a zero month or day. */
    private static java.sql.SQLDataException zeroDate() {
        return ValueChecks.readFailure("a zero date (0000-00-00, or a zero month or day), which is no date",
                DataException.DATETIME_FIELD_OVERFLOW);
    }

    static final TypeBinding<LocalDateTime> TIMESTAMP = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, LocalDateTime v) throws SQLException {
            ValueChecks.checkBind(DataType.timestamp(), v, i);
            if (v == null) ps.setNull(i, Types.TIMESTAMP); else ps.setObject(i, micros(v));
        }
        @Override public LocalDateTime get(ResultSet rs, int i) throws SQLException {
            return readDateTime(rs, i);
        }
    };

    static final TypeBinding<OffsetDateTime> TIMESTAMPTZ = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, OffsetDateTime v) throws SQLException {
            ValueChecks.checkBind(DataType.timestamptz(), v, i);
            if (v == null) ps.setNull(i, Types.TIMESTAMP); else ps.setObject(i, utc(v));
        }
        @Override public OffsetDateTime get(ResultSet rs, int i) throws SQLException {
            LocalDateTime t = readDateTime(rs, i);
            return t == null ? null : t.atOffset(ZoneOffset.UTC);
        }
    };

    static final TypeBinding<LocalDate> DATE = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, LocalDate v) throws SQLException {
            ValueChecks.checkBind(DataType.date(), v, i);
            if (v == null) ps.setNull(i, Types.DATE); else ps.setObject(i, v);
        }
        @Override public LocalDate get(ResultSet rs, int i) throws SQLException {
            LocalDate d;
            try {
                d = rs.getObject(i, LocalDate.class);
            } catch (DateTimeException e) {
                throw zeroDate();
            }
            if (d == null && rs.getString(i) != null) throw zeroDate();
            return ValueChecks.inDateRange(d);
        }
    };

    static final TypeBinding<Float> REAL = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Float v) throws SQLException {
            ValueChecks.checkBind(DataType.real(), v, i);
            if (v == null) ps.setNull(i, Types.DOUBLE); else ps.setDouble(i, v.doubleValue());
        }
        @Override public Float get(ResultSet rs, int i) throws SQLException {
            double v = rs.getDouble(i);
            return rs.wasNull() ? null : ValueChecks.toFloat(v);
        }
    };


    /**
     * @param type a data type
     * @param dialectName the dialect's name, for the message of an unsupported type
     * @param <T> its Java type
     * @return the binding
     * @throws UnsupportedDialectFeatureException for ARRAY, which MySQL and MariaDB do not have
     */
    @SuppressWarnings("unchecked")
    static <T> TypeBinding<T> of(DataType<T> type, String dialectName) {
        return (TypeBinding<T>) switch (type.sqlType()) {
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            case DATE -> DATE;
            case REAL -> REAL;
            case UUID -> JdbcBindings.UUID_TEXT;
            case DECIMAL -> JdbcBindings.decimal((DataType<BigDecimal>) type);
            case ARRAY -> throw new UnsupportedDialectFeatureException(dialectName, "ARRAY values (" + type + ")");
            default -> JdbcBindings.standard(type);
        };
    }
}
