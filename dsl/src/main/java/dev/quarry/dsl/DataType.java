package dev.quarry.dsl;

import dev.quarry.dsl.spi.ValueChecks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A SQL type together with the Java type its values have in Quarry. Immutable and thread-safe;
 * equal when family, Java type, length, precision and scale are equal.
 *
 * <p>Dialects turn a {@code DataType} into a column type for DDL and into a JDBC binding for values.
 * Length, precision and scale are {@code -1} where the family has none or where they are unknown
 * (for example the result of {@code avg()}).
 *
 * @param <T> the Java type of values of this type
 */
public final class DataType<T> {
    private static final DataType<Integer> INTEGER = new DataType<>(SqlType.INTEGER, Integer.class, -1, -1, -1);
    private static final DataType<Long> BIGINT = new DataType<>(SqlType.BIGINT, Long.class, -1, -1, -1);
    private static final DataType<Short> SMALLINT = new DataType<>(SqlType.SMALLINT, Short.class, -1, -1, -1);
    private static final DataType<String> TEXT = new DataType<>(SqlType.TEXT, String.class, -1, -1, -1);
    private static final DataType<Boolean> BOOLEAN = new DataType<>(SqlType.BOOLEAN, Boolean.class, -1, -1, -1);
    private static final DataType<Float> REAL = new DataType<>(SqlType.REAL, Float.class, -1, -1, -1);
    private static final DataType<Double> DOUBLE = new DataType<>(SqlType.DOUBLE, Double.class, -1, -1, -1);
    private static final DataType<BigDecimal> DECIMAL = new DataType<>(SqlType.DECIMAL, BigDecimal.class, -1, -1, -1);
    private static final DataType<LocalDate> DATE = new DataType<>(SqlType.DATE, LocalDate.class, -1, -1, -1);
    private static final DataType<LocalDateTime> TIMESTAMP = new DataType<>(SqlType.TIMESTAMP, LocalDateTime.class, -1, -1, -1);
    private static final DataType<OffsetDateTime> TIMESTAMPTZ = new DataType<>(SqlType.TIMESTAMPTZ, OffsetDateTime.class, -1, -1, -1);
    private static final DataType<java.util.UUID> UUID = new DataType<>(SqlType.UUID, java.util.UUID.class, -1, -1, -1);
    private static final DataType<byte[]> BLOB = new DataType<>(SqlType.BLOB, byte[].class, -1, -1, -1);
    private static final DataType<String> JSON = new DataType<>(SqlType.JSON, String.class, -1, -1, -1);
    private static final DataType<String> JSONB = new DataType<>(SqlType.JSONB, String.class, -1, -1, -1);

    private final SqlType sqlType;
    private final Class<T> javaType;
    private final int length;
    private final int precision;
    private final int scale;
    private final Map<String, T> enumByLabel;
    private final DataType<?> elementType;

    private DataType(SqlType sqlType, Class<T> javaType, int length, int precision, int scale) {
        this(sqlType, javaType, length, precision, scale, null);
    }

    private DataType(SqlType sqlType, Class<T> javaType, int length, int precision, int scale, DataType<?> elementType) {
        this.elementType = elementType;
        this.sqlType = sqlType;
        this.javaType = javaType;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.enumByLabel = sqlType == SqlType.ENUM ? enumLabels(javaType) : Map.of();
    }

    /** @return INTEGER, Java {@link Integer} */
    public static DataType<Integer> integer() { return INTEGER; }

    /** @return BIGINT, Java {@link Long} */
    public static DataType<Long> bigint() { return BIGINT; }

    /** @return SMALLINT, Java {@link Short} */
    public static DataType<Short> smallint() { return SMALLINT; }

    /** @return TEXT (unbounded character string), Java {@link String} */
    public static DataType<String> text() { return TEXT; }

    /** @return BOOLEAN, Java {@link Boolean} */
    public static DataType<Boolean> bool() { return BOOLEAN; }

    /** @return REAL (single precision), Java {@link Float} */
    public static DataType<Float> real() { return REAL; }

    /** @return DOUBLE PRECISION, Java {@link Double} */
    public static DataType<Double> doublePrecision() { return DOUBLE; }

    /** @return DATE, Java {@link LocalDate} */
    public static DataType<LocalDate> date() { return DATE; }

    /** @return TIMESTAMP (without time zone), Java {@link LocalDateTime} */
    public static DataType<LocalDateTime> timestamp() { return TIMESTAMP; }

    /** @return TIMESTAMP WITH TIME ZONE, Java {@link OffsetDateTime} */
    public static DataType<OffsetDateTime> timestamptz() { return TIMESTAMPTZ; }

    /** @return UUID, Java {@link java.util.UUID} */
    public static DataType<java.util.UUID> uuid() { return UUID; }

    /** @return BLOB / BYTEA, Java {@code byte[]} */
    public static DataType<byte[]> blob() { return BLOB; }

    /** @return JSON, a document kept as text, Java {@link String} */
    public static DataType<String> json() { return JSON; }

    /** @return JSONB, a document in normalized binary form (PostgreSQL), Java {@link String} */
    public static DataType<String> jsonb() { return JSONB; }

    /**
     * An array of elements of one type (SQL:2016 section 4.10.2, arrays; PostgreSQL arrays). Only
     * dialects with arrays can store it; others fail with
     * {@link UnsupportedDialectFeatureException} when it is used.
     *
     * @param element the element type, not itself an array
     * @param <E> the element's Java type
     * @return the type, Java {@code List<E>} (elements may be null)
     * @throws IllegalArgumentException if element is an array type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E> DataType<java.util.List<E>> array(DataType<E> element) {
        Objects.requireNonNull(element, "element");
        if (element.sqlType == SqlType.ARRAY) throw new IllegalArgumentException("arrays of arrays are not supported");
        return new DataType<>(SqlType.ARRAY, (Class) java.util.List.class, -1, -1, -1, element);
    }

    /** @return DECIMAL with unknown precision and scale (as {@code avg()} returns), Java {@link BigDecimal} */
    public static DataType<BigDecimal> decimal() { return DECIMAL; }

    /**
     * VARCHAR(length).
     *
     * @param length the maximum number of characters, at least 1
     * @return the type, Java {@link String}
     * @throws IllegalArgumentException if {@code length < 1}
     */
    public static DataType<String> varchar(int length) {
        if (length < 1) throw new IllegalArgumentException("varchar length must be at least 1, was " + length);
        return new DataType<>(SqlType.VARCHAR, String.class, length, -1, -1);
    }

    /**
     * CHAR(length): a fixed-length character string.
     *
     * @param length the number of characters, at least 1
     * @return the type, Java {@link String}
     * @throws IllegalArgumentException if {@code length < 1}
     */
    public static DataType<String> character(int length) {
        if (length < 1) throw new IllegalArgumentException("char length must be at least 1, was " + length);
        return new DataType<>(SqlType.CHAR, String.class, length, -1, -1);
    }

    /**
     * DECIMAL(precision, scale), an exact numeric (SQL:2016 section 6.1, exact numeric type).
     *
     * @param precision total number of digits, 1 to 1000
     * @param scale digits after the decimal point, 0 to {@code precision}
     * @return the type, Java {@link BigDecimal}
     * @throws IllegalArgumentException if precision or scale are out of range
     */
    public static DataType<BigDecimal> decimal(int precision, int scale) {
        if (precision < 1 || precision > 1000) {
            throw new IllegalArgumentException("decimal precision must be between 1 and 1000, was " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be between 0 and the precision " + precision + ", was " + scale);
        }
        return new DataType<>(SqlType.DECIMAL, BigDecimal.class, -1, precision, scale);
    }

    /**
     * An enum stored by label in a character column of the given length. The label of a constant is
     * {@link DbEnum#dbName()} when the enum implements {@link DbEnum}, else {@link Enum#name()}.
     *
     * @param enumType the enum class
     * @param length the column length; at least the longest label
     * @param <E> the enum type
     * @return the type
     * @throws IllegalArgumentException if a label is longer than {@code length} or two labels are equal
     */
    public static <E extends Enum<E>> DataType<E> enumeration(Class<E> enumType, int length) {
        Objects.requireNonNull(enumType, "enumType");
        DataType<E> type = new DataType<>(SqlType.ENUM, enumType, length, -1, -1);
        for (String label : type.enumByLabel.keySet()) {
            if (label.length() > length) {
                throw new IllegalArgumentException("enum " + enumType.getName() + " label '" + label
                        + "' is longer than the column length " + length);
            }
        }
        return type;
    }

    private static <T> Map<String, T> enumLabels(Class<T> type) {
        Map<String, T> byLabel = new HashMap<>();
        for (T constant : type.getEnumConstants()) {
            String label = labelOf((Enum<?>) constant);
            if (byLabel.put(label, constant) != null) {
                throw new IllegalArgumentException("enum " + type.getName() + " has the label '" + label + "' twice");
            }
        }
        return Map.copyOf(byLabel);
    }

    private static String labelOf(Enum<?> constant) {
        return constant instanceof DbEnum db ? db.dbName() : constant.name();
    }

    /** @return the SQL type family, never null */
    public SqlType sqlType() { return sqlType; }

    /** @return the Java class of values, never null */
    public Class<T> javaType() { return javaType; }

    /** @return the element type of an ARRAY type, or null for any other type */
    public DataType<?> elementType() { return elementType; }

    /** @return the character length for VARCHAR, CHAR and ENUM, else {@code -1} */
    public int length() { return length; }

    /** @return the precision for DECIMAL, {@code -1} when unknown or not applicable */
    public int precision() { return precision; }

    /** @return the scale for DECIMAL, {@code -1} when unknown or not applicable */
    public int scale() { return scale; }

    /**
     * The database label of an enum value of this type.
     *
     * @param value a constant of this enum type
     * @return its label
     * @throws IllegalStateException if this is not an ENUM type
     */
    public String enumLabel(Object value) {
        if (sqlType != SqlType.ENUM) throw new IllegalStateException(this + " is not an enum type");
        return labelOf((Enum<?>) value);
    }

    /**
     * The enum constant for a database label.
     *
     * @param label the stored label
     * @return the constant
     * @throws IllegalArgumentException if no constant has that label
     */
    public T enumValue(String label) {
        T value = enumByLabel.get(label);
        if (value == null) {
            throw new IllegalArgumentException("'" + label + "' is not a label of enum " + javaType.getName()
                    + "; labels: " + enumByLabel.keySet());
        }
        return value;
    }

    /**
     * Checks that a Java value may be bound as a value of this type.
     *
     * @param value the value, may be null
     * @return the value
     * @throws IllegalArgumentException if the value is not an instance of {@link #javaType()}
     */
    public T cast(Object value) {
        if (value != null && !javaType.isInstance(value)) {
            throw new IllegalArgumentException("value " + value + " of " + value.getClass().getName()
                    + " is not a " + javaType.getName() + " (" + this + ")");
        }
        return javaType.cast(value);
    }

    /**
     * Checks that every dialect can hold a value of this type at all, whatever a column's length or
     * precision: no NUL or unpaired surrogate in text, no NaN or infinity, no date or timestamp outside
     * 0001-01-01 .. 9999-12-31 ({@link ValueChecks#representable}). Used for values
     * that are compared or computed with, which a database could never have stored.
     *
     * @param value the value, may be null
     * @param target what the value is for, named in the message, such as {@code "eq on column film.title"}
     * @return the value
     * @throws DataException (SQLState 22003, 22008 or 22021) if no database can hold it; nothing was sent
     */
    public T requireRepresentable(T value, String target) {
        ValueChecks.Violation v = ValueChecks.representable(this, value);
        if (v != null) throw v.toException(target, this);
        return value;
    }

    /**
     * Checks that a value fits a column of this type on every dialect and returns the value the column
     * stores: {@link #requireRepresentable}, at most {@link #length()} code points for VARCHAR and CHAR
     * (22001), and for DECIMAL(p, s) rounding half away from zero to s places, after which at most p - s
     * digits may stand before the point (22003; {@link ValueChecks#storable}).
     *
     * @param value the value, may be null
     * @param target what the value is written to, named in the message, such as
     *               {@code "INSERT INTO film: column film.title"}
     * @return the value as the column stores it (a DECIMAL rounded to the scale), null for null
     * @throws DataException (SQLState 22001, 22003, 22008 or 22021) if the column cannot hold it; nothing was sent
     */
    public T requireStorable(T value, String target) {
        ValueChecks.Violation v = ValueChecks.storable(this, value);
        if (v != null) throw v.toException(target, this);
        return ValueChecks.stored(this, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataType<?> t && t.sqlType == sqlType && t.javaType == javaType
                && t.length == length && t.precision == precision && t.scale == scale
                && Objects.equals(t.elementType, elementType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sqlType, javaType, length, precision, scale, elementType);
    }

    @Override
    public String toString() {
        return switch (sqlType) {
            case VARCHAR, CHAR -> sqlType + "(" + length + ")";
            case DECIMAL -> precision < 0 ? "DECIMAL" : "DECIMAL(" + precision + ", " + scale + ")";
            case ENUM -> "ENUM(" + javaType.getSimpleName() + ")";
            case ARRAY -> elementType + " ARRAY";
            default -> sqlType.name();
        };
    }
}
