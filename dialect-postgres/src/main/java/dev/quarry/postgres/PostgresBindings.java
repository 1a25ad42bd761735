package dev.quarry.postgres;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.JdbcBindings;
import dev.quarry.dsl.spi.TypeBinding;
import dev.quarry.dsl.spi.ValueChecks;
import org.postgresql.util.PGobject;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * How values travel through the PostgreSQL JDBC driver (pgjdbc). Most types use the JDBC 4.2 defaults
 * of {@link JdbcBindings}, which pgjdbc supports natively: {@code java.time} values through
 * {@code setObject}/{@code getObject(int, Class)}, UUIDs as the native {@code uuid} type, byte arrays
 * as {@code bytea}. PostgreSQL-specific:
 * <ul>
 *   <li>JSON and JSONB: bound as a {@link PGobject} of type {@code json} or {@code jsonb} (a plain
 *       string parameter would be {@code varchar}, which PostgreSQL does not cast to JSON implicitly);
 *       read back as the server's text. {@code json} returns the text as stored, {@code jsonb} its
 *       normalized form (keys sorted and deduplicated, whitespace removed; PostgreSQL manual, "JSON
 *       Types").</li>
 *   <li>ARRAY: bound with {@link java.sql.Connection#createArrayOf} and the element's PostgreSQL type
 *       name, every element in its text form; read back through {@link Array#getResultSet()} with the
 *       element's own binding, as an unmodifiable {@link List} in which SQL NULL elements stay
 *       {@code null}. One-dimensional arrays only.</li>
 * </ul>
 * Values no database can hold (NUL or an unpaired surrogate in text, NaN, dates outside 0001-01-01 ..
 * 9999-12-31) are refused before sending, also inside JSON and arrays ({@link ValueChecks}).
 */
final class PostgresBindings {
    private PostgresBindings() {}

    @SuppressWarnings("unchecked")
    static <T> TypeBinding<T> of(DataType<T> type) {
        return (TypeBinding<T>) switch (type.sqlType()) {
            case JSON -> json("json");
            case JSONB -> json("jsonb");
            case ARRAY -> array(type.elementType());
            default -> JdbcBindings.standard(type);
        };
    }

    private static TypeBinding<String> json(String pgType) {
        return new TypeBinding<>() {
            @Override public void set(PreparedStatement ps, int i, String v) throws SQLException {
                ValueChecks.checkBind(DataType.json(), v, i);
                if (v == null) {
                    ps.setNull(i, Types.OTHER);
                    return;
                }
                PGobject o = new PGobject();
                o.setType(pgType);
                o.setValue(v);
                ps.setObject(i, o);
            }
            @Override public String get(ResultSet rs, int i) throws SQLException {
                return rs.getString(i);
            }
        };
    }

    /**
     * The PostgreSQL name of an element type, as {@code createArrayOf} needs it (PostgreSQL manual,
     * "Data Types", table 8.1, and {@code pg_type.typname}).
     *
     * @param element the element type
     * @return the type name, such as {@code int4}
     */
    static String elementTypeName(DataType<?> element) {
        return switch (element.sqlType()) {
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case SMALLINT -> "int2";
            case VARCHAR, ENUM -> "varchar";
            case CHAR -> "bpchar";
            case TEXT -> "text";
            case BOOLEAN -> "bool";
            case DECIMAL -> "numeric";
            case REAL -> "float4";
            case DOUBLE -> "float8";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamptz";
            case UUID -> "uuid";
            case BLOB -> "bytea";
            case JSON -> "json";
            case JSONB -> "jsonb";
            case ARRAY -> throw new IllegalArgumentException("arrays of arrays are not supported");
        };
    }

    /**
     * The text form PostgreSQL's input function of the element type accepts, or null for NULL. Used
     * for array elements (bound as text, then parsed by the server as the element type) and for
     * array literals in DDL.
     *
     * @param element the element type
     * @param value the element value, may be null
     * @return the text, or null
     */
    static String elementText(DataType<?> element, Object value) {
        if (value == null) return null;
        if (value instanceof byte[] bytes) return "\\x" + HexFormat.of().formatHex(bytes);
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof Enum<?> e) return element.enumLabel(e);
        return value.toString(); // numbers, booleans, strings, UUIDs, ISO-8601 dates and times
    }

    private static <E> TypeBinding<List<E>> array(DataType<E> element) {
        String typeName = elementTypeName(element);
        TypeBinding<E> elementBinding = of(element);
        return new TypeBinding<>() {
            @Override public void set(PreparedStatement ps, int i, List<E> v) throws SQLException {
                ValueChecks.checkBind(DataType.array(element), v, i);
                if (v == null) {
                    ps.setNull(i, Types.ARRAY);
                    return;
                }
                String[] texts = new String[v.size()];
                for (int k = 0; k < texts.length; k++) texts[k] = elementText(element, element.cast(v.get(k)));
                Array array = ps.getConnection().createArrayOf(typeName, texts);
                ps.setArray(i, array);
            }
            @Override public List<E> get(ResultSet rs, int i) throws SQLException {
                Array array = rs.getArray(i);
                if (array == null) return null;
                try (ResultSet elements = array.getResultSet()) {
                    List<E> out = new ArrayList<>();
                    while (elements.next()) out.add(elementBinding.get(elements, 2)); // column 1 is the index
                    return Collections.unmodifiableList(out);
                } finally {
                    array.free();
                }
            }
        };
    }
}
