package dev.quarry.dsl;

/**
 * A value that its column or type cannot hold: SQLState class 22, "data exception" (SQL:2016 section
 * 24.1, SQLSTATE). The same case gives this exception with the same SQLState on every dialect, and the
 * statement changed nothing. Values that no database can hold, and values that do not fit the column
 * they are written to, are refused in Java before anything is sent ({@link #sql()} is then null); values
 * the database computes (arithmetic in an UPDATE or a SELECT) are refused by the database, or by Quarry
 * while reading the row, and the message names the table and column where one is involved
 * ({@code film.title}), never the value itself.
 *
 * <table>
 *   <caption>SQLStates</caption>
 *   <tr><th>SQLState</th><th>condition</th><th>cases</th></tr>
 *   <tr><td>{@value #STRING_DATA_RIGHT_TRUNCATION}</td><td>string data, right truncation</td>
 *       <td>a string longer than {@code VARCHAR(n)} or {@code CHAR(n)}, counted in code points (trailing
 *       blanks count too)</td></tr>
 *   <tr><td>{@value #NUMERIC_VALUE_OUT_OF_RANGE}</td><td>numeric value out of range</td>
 *       <td>a DECIMAL(p, s) value with more than p - s digits before the point after rounding to s places;
 *       NaN and infinities for REAL and DOUBLE; an INTEGER, SMALLINT, BIGINT, DECIMAL, REAL or DOUBLE
 *       result computed by the database that its column or Java type cannot hold</td></tr>
 *   <tr><td>{@value #INVALID_DATETIME_FORMAT}</td><td>invalid datetime format</td>
 *       <td>a stored or cast text that is not a date or timestamp</td></tr>
 *   <tr><td>{@value #DATETIME_FIELD_OVERFLOW}</td><td>datetime field overflow</td>
 *       <td>a date or timestamp outside 0001-01-01 .. 9999-12-31 (the range the three databases store
 *       exactly; SQL:2016 section 4.6.2 gives years 0001 to 9999), or a text naming a day that does not
 *       exist, such as {@code 2023-02-30}</td></tr>
 *   <tr><td>{@value #CHARACTER_NOT_IN_REPERTOIRE}</td><td>character not in repertoire</td>
 *       <td>U+0000 (NUL) in text, an unpaired UTF-16 surrogate in a Java string</td></tr>
 * </table>
 *
 * <p>Other class-22 errors a server reports (PostgreSQL 22012 division by zero, 22P02 invalid text
 * representation) are translated to this class too, with the server's SQLState.
 */
public class DataException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    /** 22001, string data, right truncation. */
    public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    /** 22003, numeric value out of range. */
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** 22007, invalid datetime format. */
    public static final String INVALID_DATETIME_FORMAT = "22007";
    /** 22008, datetime field overflow. */
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    /** 22021, character not in repertoire. */
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    /**
     * @param message what failed, naming table and column where one is involved; never null
     * @param sql the SQL text that failed, or null when the value was refused before anything was sent
     * @param sqlState the SQLState, class 22
     * @param cause the driver's exception, may be null
     */
    public DataException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
