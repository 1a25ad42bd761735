package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dialects;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.TypeBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a Database finds its dialect and its connections. */
class SqliteConnectTest {
    @TempDir
    Path dir;

    @Test
    void theUrlPicksTheSqliteDialectThroughServiceLoader() {
        assertThat(Dialects.available()).extracting(Dialect::name).contains("sqlite");
        assertThat(Dialects.forUrl("jdbc:sqlite::memory:")).isInstanceOf(SqliteDialect.class);
        try (Database db = Database.connect("jdbc:sqlite:" + dir.resolve("a.db"))) {
            assertThat(db.dialect().name()).isEqualTo("sqlite");
        }
    }

    @Test
    void anUnknownUrlNamesTheDialectsFound() {
        assertThatThrownBy(() -> Database.connect("jdbc:h2:mem:x?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No Quarry dialect on the class path accepts jdbc:h2:mem:x?...")
                .hasMessageContaining("dialects found: sqlite")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aDataSourceIsUsedAsItIsAndItsUrlPicksTheDialect() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("ds.db"));
        try (Database db = Database.connect(ds)) {
            assertThat(db.dialect()).isInstanceOf(SqliteDialect.class);
            assertThat(db.dataSource()).isSameAs(ds);
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void anExplicitDialectWinsOverTheUrl() {
        Dialect custom = new Dialect() {
            @Override public String name() { return "custom"; }
            @Override public boolean acceptsUrl(String jdbcUrl) { return false; }
            @Override public Renderer renderer() { return SqliteDialect.INSTANCE.renderer(); }
            @Override public <T> TypeBinding<T> binding(DataType<T> type) { return SqliteDialect.INSTANCE.binding(type); }
        };
        try (Database db = Database.builder("jdbc:sqlite::memory:").dialect(custom).build()) {
            assertThat(db.dialect()).isSameAs(custom);
        }
    }

    @Test
    void connectionsHaveForeignKeysOn() throws Exception {
        try (Database db = Database.connect("jdbc:sqlite:" + dir.resolve("fk.db"));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aPoolSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> Database.builder("jdbc:sqlite::memory:").maximumPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximumPoolSize cannot be less than 1, was 0");
    }
}
