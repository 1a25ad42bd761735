package dev.quarry.examples.sakila;

import dev.quarry.dsl.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC next to Quarry, for computing expected values independently of the DSL. */
final class Jdbc {
    private Jdbc() {}

    /**
     * Runs a query and returns every row as the text SQLite gives for each value (null for NULL).
     */
    static List<List<String>> query(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(md.getColumnCount());
                for (int i = 1; i <= md.getColumnCount(); i++) row.add(rs.getString(i));
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("JDBC query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query whose result is a single integer. */
    static long queryLong(Database db, String sql) {
        List<List<String>> rows = query(db, sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) throw new AssertionError("expected one value from " + sql + ", got " + rows);
        return Long.parseLong(rows.get(0).get(0));
    }
}
