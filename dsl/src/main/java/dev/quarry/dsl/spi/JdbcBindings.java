package dev.quarry.dsl.spi;

import dev.quarry.dsl.DataType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The JDBC 4.2 bindings that drivers with full {@code java.time} support accept as they are: typed
 * setters and getters, {@code wasNull()} checks so that SQL NULL never reads as 0 or false, and
 * {@code setObject}/{@code getObject(int, Class)} for dates, times and UUIDs. Dialects use these and
 * replace the ones their driver handles differently.
 *
 * <p>Values are checked both ways with {@link ValueChecks}, failing with a {@link java.sql.SQLDataException}
 * whose SQLState (class 22) {@link Dialect#translate} turns into a {@link dev.quarry.dsl.DataException}: text
 * with NUL or an unpaired surrogate, NaN and infinities, and dates outside 0001-01-01 .. 9999-12-31 are
 * never sent; an INTEGER or SMALLINT read that does not fit the Java type (MariaDB computes
 * {@code i + 2147483647} as a BIGINT), a REAL beyond the float range, a non-finite DOUBLE and a date
 * outside the range are never returned.
 */
public final class JdbcBindings {
    private JdbcBindings() {}

    /** INTEGER as {@link Integer}; a value read outside the int range fails (22003). */
    public static final TypeBinding<Integer> INTEGER = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Integer v) throws SQLException {
            if (v == null) ps.setNull(i, Types.INTEGER); else ps.setInt(i, v);
        }
        @Override public Integer get(ResultSet rs, int i) throws SQLException {
            long v = rs.getLong(i);
            return rs.wasNull() ? null : ValueChecks.toInt(v);
        }
    };

    /** BIGINT as {@link Long}. */
    public static final TypeBinding<Long> BIGINT = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Long v) throws SQLException {
            if (v == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, v);
        }
        @Override public Long get(ResultSet rs, int i) throws SQLException {
            long v = rs.getLong(i);
            return rs.wasNull() ? null : v;
        }
    };

    /** SMALLINT as {@link Short}; a value read outside the short range fails (22003). */
    public static final TypeBinding<Short> SMALLINT = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Short v) throws SQLException {
            if (v == null) ps.setNull(i, Types.SMALLINT); else ps.setShort(i, v);
        }
        @Override public Short get(ResultSet rs, int i) throws SQLException {
            long v = rs.getLong(i);
            return rs.wasNull() ? null : ValueChecks.toShort(v);
        }
    };

    /** VARCHAR, CHAR and TEXT as {@link String}; text with NUL or an unpaired surrogate is not sent (22021). */
    public static final TypeBinding<String> STRING = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, String v) throws SQLException {
            ValueChecks.checkBind(DataType.text(), v, i);
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v);
        }
        @Override public String get(ResultSet rs, int i) throws SQLException {
            return rs.getString(i);
        }
    };

    /** BOOLEAN as {@link Boolean}. */
    public static final TypeBinding<Boolean> BOOLEAN = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Boolean v) throws SQLException {
            if (v == null) ps.setNull(i, Types.BOOLEAN); else ps.setBoolean(i, v);
        }
        @Override public Boolean get(ResultSet rs, int i) throws SQLException {
            boolean v = rs.getBoolean(i);
            return rs.wasNull() ? null : v;
        }
    };

    /**
     * REAL as {@link Float}; NaN and infinities are not sent, and a value read that is not finite or
     * beyond the float range fails (22003).
     */
    public static final TypeBinding<Float> REAL = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Float v) throws SQLException {
            ValueChecks.checkBind(DataType.real(), v, i);
            if (v == null) ps.setNull(i, Types.REAL); else ps.setFloat(i, v);
        }
        @Override public Float get(ResultSet rs, int i) throws SQLException {
            double v = rs.getDouble(i);
            return rs.wasNull() ? null : ValueChecks.toFloat(v);
        }
    };

    /** DOUBLE PRECISION as {@link Double}; NaN and infinities are neither sent nor returned (22003). */
    public static final TypeBinding<Double> DOUBLE = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, Double v) throws SQLException {
            ValueChecks.checkBind(DataType.doublePrecision(), v, i);
            if (v == null) ps.setNull(i, Types.DOUBLE); else ps.setDouble(i, v);
        }
        @Override public Double get(ResultSet rs, int i) throws SQLException {
            double v = rs.getDouble(i);
            return rs.wasNull() ? null : ValueChecks.finite(v);
        }
    };

    /** BLOB / BYTEA as {@code byte[]}. */
    public static final TypeBinding<byte[]> BYTES = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, byte[] v) throws SQLException {
            if (v == null) ps.setNull(i, Types.BINARY); else ps.setBytes(i, v);
        }
        @Override public byte[] get(ResultSet rs, int i) throws SQLException {
            return rs.getBytes(i);
        }
    };

    /**
     * UUID as its canonical text, for databases without a UUID type (SQLite TEXT, MySQL CHAR(36)).
     * A stored text that is not a UUID fails with an {@link SQLException} that quotes it.
     */
    public static final TypeBinding<UUID> UUID_TEXT = new TypeBinding<>() {
        @Override public void set(PreparedStatement ps, int i, UUID v) throws SQLException {
            if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v.toString());
        }
        @Override public UUID get(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                throw new SQLException("column " + i + " holds '" + s + "', which is not a UUID", e);
            }
        }
    };

    /**
     * DECIMAL as {@link BigDecimal}; values read are brought to the declared scale when the type has one,
     * rounding half away from zero (as PostgreSQL and MariaDB round on assignment).
     *
     * @param type the decimal type
     * @return the binding
     */
    public static TypeBinding<BigDecimal> decimal(DataType<BigDecimal> type) {
        int scale = type.scale();
        return new TypeBinding<>() {
            @Override public void set(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
                if (v == null) ps.setNull(i, Types.DECIMAL); else ps.setBigDecimal(i, v);
            }
            @Override public BigDecimal get(ResultSet rs, int i) throws SQLException {
                BigDecimal v = rs.getBigDecimal(i);
                return v == null || scale < 0 ? v : v.setScale(scale, RoundingMode.HALF_UP);
            }
        };
    }

    /**
     * A value set with {@code setObject} and read with {@code getObject(int, Class)} (JDBC 4.2, table
     * B-4 for {@code java.time} types).
     *
     * @param javaType the Java class
     * @param sqlType the {@link Types} code used for NULL
     * @param <T> the Java type
     * @return the binding
     */
    public static <T> TypeBinding<T> object(Class<T> javaType, int sqlType) {
        return new TypeBinding<>() {
            @Override public void set(PreparedStatement ps, int i, T v) throws SQLException {
                if (v == null) ps.setNull(i, sqlType); else ps.setObject(i, v);
            }
            @Override public T get(ResultSet rs, int i) throws SQLException {
                return rs.getObject(i, javaType);
            }
        };
    }

    /**
     * A DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE set with {@code setObject} and read with
     * {@code getObject(int, Class)}, as {@link #object}; a value outside 0001-01-01 .. 9999-12-31 is
     * neither sent nor returned (22008; {@link ValueChecks#inDateRange}).
     *
     * @param type the temporal type
     * @param sqlType the {@link Types} code used for NULL
     * @param <T> the Java type
     * @return the binding
     */
    public static <T> TypeBinding<T> temporal(DataType<T> type, int sqlType) {
        Class<T> javaType = type.javaType();
        return new TypeBinding<>() {
            @Override public void set(PreparedStatement ps, int i, T v) throws SQLException {
                ValueChecks.checkBind(type, v, i);
                if (v == null) ps.setNull(i, sqlType); else ps.setObject(i, v);
            }
            @Override public T get(ResultSet rs, int i) throws SQLException {
                return ValueChecks.inDateRange(rs.getObject(i, javaType));
            }
        };
    }

    /**
     * An enum stored by label in a character column.
     *
     * @param type the enum type
     * @param <T> the enum class
     * @return the binding
     */
    public static <T> TypeBinding<T> enumeration(DataType<T> type) {
        return new TypeBinding<>() {
            @Override public void set(PreparedStatement ps, int i, T v) throws SQLException {
                if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, type.enumLabel(v));
            }
            @Override public T get(ResultSet rs, int i) throws SQLException {
                String label = rs.getString(i);
                return label == null ? null : type.enumValue(label);
            }
        };
    }

    /**
     * The standard binding for a type.
     *
     * @param type the type
     * @param <T> its Java type
     * @return the binding
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeBinding<T> standard(DataType<T> type) {
        return (TypeBinding<T>) switch (type.sqlType()) {
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case SMALLINT -> SMALLINT;
            case VARCHAR, CHAR, TEXT -> STRING;
            case BOOLEAN -> BOOLEAN;
            case DECIMAL -> decimal((DataType<BigDecimal>) type);
            case REAL -> REAL;
            case DOUBLE -> DOUBLE;
            case DATE -> temporal(type, Types.DATE);
            case TIMESTAMP -> temporal(type, Types.TIMESTAMP);
            case TIMESTAMPTZ -> temporal(type, Types.TIMESTAMP_WITH_TIMEZONE);
            case UUID -> object(UUID.class, Types.OTHER);
            case BLOB -> BYTES;
            case ENUM -> enumeration(type);
            case JSON, JSONB -> STRING;
            case ARRAY -> throw new dev.quarry.dsl.UnsupportedDialectFeatureException("standard JDBC", "ARRAY columns without a dialect binding");
        };
    }
}
