package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.CollationSuite;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code-point text comparison on the real MariaDB server, in a database whose default collation is the
 * case-insensitive, PAD SPACE {@code utf8mb4_unicode_ci}: the tables' own collation must win.
 */
class MysqlCollationTest extends CollationSuite {
    static final String DATABASE = "quarry_my_collation";

    @Override
    protected Database openDatabase() {
        return Database.connect(MyDatabases.own(DATABASE, "utf8mb4_unicode_ci"));
    }

    @Override
    protected String linguisticCollation() { return "utf8mb4_unicode_ci"; }

    /**
     * A parameter of a server-side prepared statement gets utf8mb4's default collation,
     * {@code utf8mb4_general_ci}, not the connection's (MariaDB 10.11), so {@code ? = ?} ignores case.
     */
    @Override
    protected boolean bindValuesEqualByCodePoint() { return false; }

    /**
     * Every pooled session's connection collation is the binary NO PAD one: string literals and CASTs to
     * text get it. A parameter of a server-side prepared statement does not: it gets utf8mb4's default.
     */
    @Test
    void theSessionCollationIsBinaryNoPad() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT @@collation_connection, @@character_set_connection, @@collation_database, COLLATION('x'), COLLATION(CAST(1 AS CHAR))")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("utf8mb4_nopad_bin");
                assertThat(rs.getString(2)).isEqualTo("utf8mb4");
                assertThat(rs.getString(3)).isEqualTo("utf8mb4_unicode_ci");
                assertThat(rs.getString(4)).isEqualTo("utf8mb4_nopad_bin");
                assertThat(rs.getString(5)).isEqualTo("utf8mb4_nopad_bin");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT COLLATION(?)")) {
                s.setString(1, "x");
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("utf8mb4_general_ci");
                }
            }
        }
    }

    /** The tables and their text columns are created with the binary NO PAD collation, not the database's default. */
    @Test
    void tablesAndColumnsAreBinaryNoPad() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS"
                     + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('qc_word', 'qc_named') AND COLLATION_NAME IS NOT NULL"
                     + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            StringBuilder columns = new StringBuilder();
            while (rs.next()) columns.append(rs.getString(1)).append('.').append(rs.getString(2)).append('=').append(rs.getString(3)).append(' ');
            assertThat(columns.toString().trim()).isEqualTo(
                    "qc_named.plain=utf8mb4_nopad_bin qc_named.named=utf8mb4_unicode_ci qc_word.word=utf8mb4_nopad_bin qc_word.note=utf8mb4_nopad_bin");
        }
    }
}
