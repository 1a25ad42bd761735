package dev.quarry.sqlite;

import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.JdbcBindings;
import dev.quarry.dsl.spi.TypeBinding;
import dev.quarry.dsl.spi.ValueChecks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * SQLite's storage convention (SQLite has no DATE, TIMESTAMP, BOOLEAN, UUID or exact DECIMAL storage
 * classes; see the SQLite manual, "Datatypes In SQLite"):
 * <ul>
 *   <li>DECIMAL: bound as a double into a column of NUMERIC affinity, so it is stored as INTEGER or REAL
 *       and compares and sums as a number; read back through its text form (SQLite's 15 significant
 *       digits) and rounded half away from zero to the declared scale, as PostgreSQL and MariaDB round
 *       (so that a computed 1.005 reads 1.01 there and here). Values of up to 15 significant digits
 *       round-trip exactly, and so does a {@code sum()} whose total has up to 15 significant digits. An
 *       infinity (an overflow computed by SQLite) is not returned (22003).</li>
 *   <li>BIGINT: SQLite turns an integer overflow into a REAL, which JDBC's {@code getLong} clamps to the
 *       long range; such a value is not returned (22003). INTEGER and SMALLINT use
 *       {@link JdbcBindings}, which refuse a value outside the Java type's range.</li>
 *   <li>DATE: TEXT {@code YYYY-MM-DD}. TIMESTAMP: TEXT {@code YYYY-MM-DD HH:MM:SS[.fffffffff]}, the
 *       format of SQLite's own date functions, with trailing zeros of the fraction dropped so that text
 *       order is time order. TIMESTAMP WITH TIME ZONE: the instant in UTC, TEXT
 *       {@code YYYY-MM-DD HH:MM:SS[.f]+00:00}; read back with offset UTC (PostgreSQL also returns the
 *       instant, not the original offset). Dates outside 0001-01-01 .. 9999-12-31 are neither written
 *       nor returned (22008). Stored text is parsed strictly ({@link ResolverStyle#STRICT}): a text that
 *       is no date fails with 22007, one naming a day or time that does not exist ({@code 2023-02-30},
 *       {@code 24:00}) with 22008, as PostgreSQL reports them, never moved to a nearby valid value.</li>
 *   <li>BOOLEAN: INTEGER 1 or 0. UUID: TEXT in canonical lower-case form. BLOB: BLOB.</li>
 * </ul>
 */
final class SqliteBindings {
    private SqliteBindings() {}

    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter TIMESTAMP_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter TIMESTAMPTZ_IN = new DateTimeFormatterBuilder()
            .append(TIMESTAMP_IN)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    static String format(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }

    static String format(OffsetDateTime t) {
        return TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00:00";
    }

    /**
     * The failure for a stored text that does not parse: 22008 (datetime field overflow) when it has the
     * form but names a day or time that does not exist, 22007 (invalid datetime format) otherwise. The
     * text itself is not quoted.
     */
    private static SQLDataException unparsable(DateTimeParseException e, String what) {
        return e.getCause() instanceof DateTimeException
                ? ValueChecks.readFailure("a " + what + " that does not exist", DataException.DATETIME_FIELD_OVERFLOW)
                : ValueChecks.readFailure("a text that is not a " + what, DataException.INVALID_DATETIME_FORMAT);
    }

    static final TypeBinding<LocalDate> DATE = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, LocalDate v) throws SQLException {
            ValueChecks.checkBind(DataType.date(), v, i);
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v.toString());
        }
        @Override public LocalDate get(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                return ValueChecks.inDateRange(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s, DateTimeFormatter.ISO_LOCAL_DATE));
            } catch (DateTimeParseException e) {
                throw unparsable(e, "date YYYY-MM-DD");
            }
        }
    };

    static final TypeBinding<LocalDateTime> TIMESTAMP_BINDING = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, LocalDateTime v) throws SQLException {
            ValueChecks.checkBind(DataType.timestamp(), v, i);
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, format(v));
        }
        @Override public LocalDateTime get(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                return ValueChecks.inDateRange(LocalDateTime.parse(s, TIMESTAMP_IN));
            } catch (DateTimeParseException e) {
                throw unparsable(e, "timestamp YYYY-MM-DD HH:MM:SS");
            }
        }
    };

    static final TypeBinding<OffsetDateTime> TIMESTAMPTZ = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, OffsetDateTime v) throws SQLException {
            ValueChecks.checkBind(DataType.timestamptz(), v, i);
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, format(v));
        }
        @Override public OffsetDateTime get(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                var parsed = TIMESTAMPTZ_IN.parse(s);
                LocalDateTime local = LocalDateTime.from(parsed);
                ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
                return ValueChecks.inDateRange(OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw unparsable(e, "timestamp with offset");
            }
        }
    };

    /** BIGINT: {@code getLong}, refusing a REAL that SQLite made of an overflow, which {@code getLong} would clamp. */
    static final TypeBinding<Long> BIGINT = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Long v) throws SQLException {
            JdbcBindings.BIGINT.set(ps, i, v);
        }
        @Override public Long get(ResultSet rs, int i) throws SQLException {
            long v = rs.getLong(i);
            if (rs.wasNull()) return null;
            if ((v == Long.MAX_VALUE || v == Long.MIN_VALUE) && rs.getObject(i) instanceof Double d) return ValueChecks.toLong(d);
            return v;
        }
    };

    static final TypeBinding<Boolean> BOOLEAN = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Boolean v) throws SQLException {
            if (v == null) ps.setNull(i, Types.INTEGER); else ps.setInt(i, v ? 1 : 0);
        }
        @Override public Boolean get(ResultSet rs, int i) throws SQLException {
            int v = rs.getInt(i);
            return rs.wasNull() ? null : v != 0;
        }
    };


    static TypeBinding<BigDecimal> decimal(DataType<BigDecimal> type) {
        int scale = type.scale();
        return new TypeBinding<>() {
            @Override public void set(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
                if (v == null) ps.setNull(i, Types.REAL); else ps.setDouble(i, v.doubleValue());
            }
            @Override public BigDecimal get(ResultSet rs, int i) throws SQLException {
                String s = rs.getString(i);
                if (s == null) return null;
                try {
                    BigDecimal d = new BigDecimal(s);
                    return scale < 0 ? d : d.setScale(scale, RoundingMode.HALF_UP);
                } catch (NumberFormatException e) {
                    if (s.equals("Inf") || s.equals("-Inf") || s.equals("NaN")) {
                        throw ValueChecks.readFailure("an infinity for a DECIMAL", DataException.NUMERIC_VALUE_OUT_OF_RANGE);
                    }
                    throw ValueChecks.readFailure("a text that is not a number for a DECIMAL", DataException.NUMERIC_VALUE_OUT_OF_RANGE);
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> TypeBinding<T> of(DataType<T> type) {
        return (TypeBinding<T>) switch (type.sqlType()) {
            case DECIMAL -> decimal((DataType<BigDecimal>) type);
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP_BINDING;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            case BOOLEAN -> BOOLEAN;
            case BIGINT -> BIGINT;
            case UUID -> JdbcBindings.UUID_TEXT;
            case ARRAY -> throw new dev.quarry.dsl.UnsupportedDialectFeatureException("sqlite", "ARRAY values");
            default -> JdbcBindings.standard(type);
        };
    }
}
