package dev.quarry.mysql;

import dev.quarry.dsl.DataException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dialects;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Rendered;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a Database finds the dialect, adapts it to the real server, and configures its sessions. */
class MysqlConnectTest {
    static final class Note extends Table {
        static final Note NOTE = new Note();
        final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        final Column<String> text = varchar("text", 5);
        private Note() { super("my_c_note"); }
    }

    /** What the server says about itself, read with plain JDBC. */
    private static String serverVersion(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String session(Database db, String expression) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + expression)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void serviceLoaderFindsTheDialectForBothSchemes() {
        assertThat(Dialects.available()).hasAtLeastOneElementOfType(MysqlDialect.class);
        assertThat(Dialects.forUrl("jdbc:mariadb://127.0.0.1:3306/test")).isInstanceOf(MysqlDialect.class);
        assertThat(Dialects.forUrl("jdbc:mysql://127.0.0.1:3306/test")).isInstanceOf(MysqlDialect.class);
    }

    @Test
    void theDialectAdaptsToTheServerItConnectsTo() throws SQLException {
        String url = MyDatabases.url();
        String version = serverVersion(url);
        try (Database db = Database.connect(url)) {
            MysqlDialect d = (MysqlDialect) db.dialect();
            assertThat(d.isMariaDb()).isEqualTo(version.contains("MariaDB"));
            assertThat(version).startsWith(d.serverVersion());
            assertThat(d.supportsInsertReturning()).isEqualTo(d.isMariaDb());
        }
        // an explicitly given dialect still adapts (only a pinned one, in these tests, does not)
        try (Database db = Database.builder(url).dialect(MysqlDialect.MYSQL_8).build()) {
            assertThat(version).startsWith(((MysqlDialect) db.dialect()).serverVersion());
        }
    }

    @Test
    void aJdbcMysqlUrlConnectsThroughMariaDbConnectorJ() throws SQLException {
        String url = MyDatabases.url();
        String mysqlUrl = url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
        // without permitMysqlScheme the driver refuses the scheme, which is why the dialect adds it
        assertThatThrownBy(() -> DriverManager.getConnection(mysqlUrl).close()).isInstanceOf(SQLException.class);
        try (Database db = Database.connect(mysqlUrl)) {
            assertThat(db.dialect()).isInstanceOf(MysqlDialect.class);
            Field<Integer> one = Dsl.value(1).as("one");
            assertThat(db.select(one).fetchValue(one)).isEqualTo(1);
        }
    }

    @Test
    void aDataSourceIsUsedAsItIsAndTheServerPicksTheDialect() throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource(MyDatabases.url());
        try (Database db = Database.connect(ds)) {
            assertThat(db.dataSource()).isSameAs(ds);
            assertThat(db.dialect()).isInstanceOf(MysqlDialect.class);
            assertThat(serverVersion(MyDatabases.url())).startsWith(((MysqlDialect) db.dialect()).serverVersion());
        }
        try (Connection c = ds.getConnection()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void sessionsAreStrictAndInUtc() throws SQLException {
        try (Database db = Database.connect(MyDatabases.url())) {
            assertThat(session(db, "@@SESSION.sql_mode")).contains("STRICT_TRANS_TABLES");
            assertThat(session(db, "@@SESSION.time_zone")).isEqualTo("+00:00");
            assertThat(session(db, "@@SESSION.foreign_key_checks")).isEqualTo("1");
            Field<LocalDateTime> now = Dsl.currentTimestamp().as("now");
            LocalDateTime serverNow = db.select(now).fetchValue(now);
            assertThat(Duration.between(serverNow, LocalDateTime.now(ZoneOffset.UTC)).abs()).isLessThan(Duration.ofMinutes(1));
        }
    }

    @Test
    void aTooLongStringFailsInsteadOfBeingCutOff() {
        Note n = Note.NOTE;
        try (Database db = Database.connect(MyDatabases.url())) {
            Ddl.drop(db, n);
            Ddl.create(db, n);
            try {
                // Quarry refuses it before sending ...
                assertThatThrownBy(() -> db.insertInto(n, r -> r.set(n.text, "too long")).execute())
                        .isInstanceOfSatisfying(DataException.class, e -> {
                            assertThat(e.sqlState()).isEqualTo("22001");
                            assertThat(e.sql()).isNull();
                        });
                // ... and the strict session refuses what Quarry did not check (error 1406), instead of cutting it off
                Rendered valid = db.insertInto(n, r -> r.set(n.text, "short")).render(db.dialect());
                Rendered tooLong = new Rendered(valid.sql(), List.of("too long"), valid.bindTypes());
                assertThatThrownBy(() -> db.execute(tooLong))
                        .isInstanceOfSatisfying(DataException.class, e -> {
                            assertThat(e.sqlState()).isEqualTo("22001");
                            assertThat(e).hasMessageContaining("Data too long for column 'text'");
                        });
                assertThat(db.select(count()).from(n).fetchValue(count())).isZero();
            } finally {
                Ddl.drop(db, n);
            }
        }
    }
}
