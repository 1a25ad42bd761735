package dev.quarry.sqlite;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.JdbcBindings;
import dev.quarry.dsl.spi.TypeBinding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * SQLite's storage convention (SQLite has no DATE, TIMESTAMP, BOOLEAN, UUID or exact DECIMAL storage
 * classes; see the SQLite manual, "Datatypes In SQLite"):
 * <ul>
 *   <li>DECIMAL: bound as a double into a column of NUMERIC affinity, so it is stored as INTEGER or REAL
 *       and compares and sums as a number; read back through its text form and rounded (HALF_EVEN) to
 *       the declared scale. Values of up to 15 significant digits round-trip exactly, and so does a
 *       {@code sum()} whose total has up to 15 significant digits.</li>
 *   <li>DATE: TEXT {@code YYYY-MM-DD}. TIMESTAMP: TEXT {@code YYYY-MM-DD HH:MM:SS[.fffffffff]}, the
 *       format of SQLite's own date functions, with trailing zeros of the fraction dropped so that text
 *       order is time order. TIMESTAMP WITH TIME ZONE: the instant in UTC, TEXT
 *       {@code YYYY-MM-DD HH:MM:SS[.f]+00:00}; read back with offset UTC (PostgreSQL also returns the
 *       instant, not the original offset).</li>
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
            .toFormatter();

    private static final DateTimeFormatter TIMESTAMPTZ_IN = new DateTimeFormatterBuilder()
            .append(TIMESTAMP_IN)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    static String format(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }

    static String format(OffsetDateTime t) {
        return TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00:00";
    }

    static final TypeBinding<LocalDate> DATE = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, LocalDate v) throws SQLException {
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v.toString());
        }
        @Override public LocalDate get(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            } catch (DateTimeParseException e) {
                throw new SQLException("column " + i + " holds '" + s + "', which is not a date YYYY-MM-DD", e);
            }
        }
    };

    static final TypeBinding<LocalDateTime> TIMESTAMP_BINDING = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, LocalDateTime v) throws SQLException {
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, format(v));
        }
        @Override public LocalDateTime get(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                return LocalDateTime.parse(s, TIMESTAMP_IN);
            } catch (DateTimeParseException e) {
                throw new SQLException("column " + i + " holds '" + s + "', which is not a timestamp YYYY-MM-DD HH:MM:SS", e);
            }
        }
    };

    static final TypeBinding<OffsetDateTime> TIMESTAMPTZ = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, OffsetDateTime v) throws SQLException {
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, format(v));
        }
        @Override public OffsetDateTime get(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                var parsed = TIMESTAMPTZ_IN.parse(s);
                LocalDateTime local = LocalDateTime.from(parsed);
                ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
                return OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new SQLException("column " + i + " holds '" + s + "', which is not a timestamp with offset", e);
            }
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
                    return scale < 0 ? d : d.setScale(scale, RoundingMode.HALF_EVEN);
                } catch (NumberFormatException e) {
                    throw new SQLException("column " + i + " holds '" + s + "', which is not a number", e);
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
            case UUID -> JdbcBindings.UUID_TEXT;
            case ARRAY -> throw new dev.quarry.dsl.UnsupportedDialectFeatureException("sqlite", "ARRAY values");
            default -> JdbcBindings.standard(type);
        };
    }
}
