package dev.quarry.dsl.spi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How one {@link dev.quarry.dsl.DataType} travels through JDBC on one dialect: how a Java value is set
 * as a bind parameter and how a column value is read back. Instances are stateless and thread-safe.
 *
 * @param <T> the Java type
 */
public interface TypeBinding<T> {
    /**
     * Sets a bind parameter.
     *
     * @param ps the statement
     * @param index the 1-based parameter index
     * @param value the value; {@code null} sets SQL NULL
     * @throws SQLException if the driver refuses the value
     */
    void set(PreparedStatement ps, int index, T value) throws SQLException;

    /**
     * Reads a column of the current row.
     *
     * @param rs the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value, or {@code null} for SQL NULL (never a primitive default such as 0 or false)
     * @throws SQLException if the driver cannot read or convert the value
     */
    T get(ResultSet rs, int index) throws SQLException;
}
