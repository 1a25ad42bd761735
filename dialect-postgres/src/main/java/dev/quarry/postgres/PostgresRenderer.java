package dev.quarry.postgres;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL's spelling. The SPI's defaults already follow PostgreSQL (double-quoted identifiers,
 * {@code LIMIT ? OFFSET ?}, {@code NULLS FIRST/LAST}, {@code ON CONFLICT}, {@code RETURNING}); this
 * class changes the current timestamp, the inline literals of DDL that PostgreSQL reads otherwise, and
 * the escaping of LIKE patterns (the backslash, without an ESCAPE clause).
 */
final class PostgresRenderer extends Renderer {
    PostgresRenderer() {
        super("postgresql");
    }

    /**
     * @return the backslash, the escape character of PostgreSQL's LIKE when no ESCAPE clause is given
     *         (PostgreSQL manual, 9.7.1 "LIKE"); a bound pattern is not a string literal, so the
     *         backslash needs no escaping of its own
     */
    @Override
    public char likeEscapeCharacter() { return '\\'; }

    /**
     * @return false: {@code x LIKE ?} without ESCAPE. PostgreSQL turns {@code x LIKE ? ESCAPE '!'} into
     *         {@code x ~~ like_escape(?, '!')}, and a generic plan of a prepared statement (pgjdbc prepares
     *         on the server from the fifth execution) computes like_escape again for every row: a copy
     *         of the whole pattern per row, 0.7 ms a row for a 50,000-character pattern on PostgreSQL 15
     */
    @Override
    public boolean likeEscapeClause() { return false; }

    /**
     * {@code LOCALTIMESTAMP}, a {@code timestamp without time zone} as {@code Dsl.currentTimestamp()}'s
     * TIMESTAMP type says ({@code CURRENT_TIMESTAMP} is a {@code timestamp with time zone}; PostgreSQL
     * manual, "Current Date/Time"). Both denote the transaction's start; stored into a
     * {@code timestamptz} column, LOCALTIMESTAMP is read in the session's time zone and gives the same
     * instant.
     */
    @Override
    public void currentTimestamp(SqlBuilder b) {
        b.append("LOCALTIMESTAMP");
    }

    /**
     * The longest IN list rendered {@code IN (?, ?, ...)}: the longest list the compiled-SQL cache pads
     * ({@link SqlBuilder#MAX_PADDED_IN_LIST}), so that lists up to it keep their padded, cached shapes.
     */
    static final int MAX_IN_LIST_PARAMETERS = SqlBuilder.MAX_PADDED_IN_LIST;

    /**
     * A list longer than {@value #MAX_IN_LIST_PARAMETERS} values is one array parameter of the field's
     * type, {@code x = ANY(?)} / {@code x <> ALL(?)}: one SQL shape for every length (cached like any
     * other), no bind limit (pgjdbc sends at most 65,535 parameters), and the same plan, since PostgreSQL
     * turns {@code x IN (a, b)} into {@code x = ANY('{a,b}')} itself. The array is bound as
     * {@link PostgresBindings} binds every ARRAY type: {@code createArrayOf} with the element type's name and
     * each value's text form, parsed by the server's input function of that type, so every element type
     * works (integers, numeric, text, varchar, char, enum labels as varchar, boolean, float, date,
     * timestamp, timestamptz, uuid, bytea); only a field that is itself an array keeps the list form.
     */
    @Override
    public DataType<?> inListArrayType(DataType<?> elementType, int size) {
        if (size <= MAX_IN_LIST_PARAMETERS || elementType.sqlType() == dev.quarry.dsl.SqlType.ARRAY) return null;
        return DataType.array(elementType);
    }

    /**
     * As the default, except: {@code byte[]} as {@code decode('hex digits', 'hex')} ({@code X'..'} is
     * a bit string in PostgreSQL); a {@code List} as an array constant {@code '{"a","b",NULL}'}
     * (PostgreSQL manual, "Array Value Input"), which the column's array type reads. (NaN and the
     * infinities never get here: no bind value or default may be one, see {@code DataException}.)
     */
    @Override
    public void literal(SqlBuilder b, Object value, DataType<?> type) {
        if (value instanceof byte[] bytes) {
            b.append("decode('").append(HexFormat.of().formatHex(bytes)).append("', 'hex')");
        } else if (value instanceof List<?> list && type.elementType() != null) {
            stringLiteral(b, arrayConstant(type.elementType(), list));
        } else {
            super.literal(b, value, type);
        }
    }

    /**
     * @param element the element type
     * @param values the elements, may contain null
     * @return the array constant text, every element double-quoted with {@code "} and {@code \} escaped
     */
    static String arrayConstant(DataType<?> element, List<?> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) s.append(',');
            String text = PostgresBindings.elementText(element, values.get(i));
            if (text == null) {
                s.append("NULL");
                continue;
            }
            s.append('"');
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '"' || c == '\\') s.append('\\');
                s.append(c);
            }
            s.append('"');
        }
        return s.append('}').toString();
    }
}
