package dev.quarry.sqlite;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Failures of a transaction's first step and of connections that a data source hands out broken: every one
 * is an unchecked {@link DataAccessException} that names what failed. The data source is sqlite-jdbc's
 * own, used as it is (no pool); after its first connection it hands out connections that are already
 * closed, as a data source whose server went away would.
 */
class SqliteTransactionErrorsTest {
    @TempDir
    Path dir;

    /** sqlite-jdbc's data source; every connection after the first is closed before it is handed out. */
    private static final class BreakingDataSource implements DataSource {
        private final SQLiteDataSource real = new SQLiteDataSource();
        private final AtomicInteger handedOut = new AtomicInteger();

        BreakingDataSource(String url) {
            real.setUrl(url);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = real.getConnection();
            if (handedOut.incrementAndGet() > 1) c.close();
            return c;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException { return getConnection(); }

        @Override
        public PrintWriter getLogWriter() { return null; }

        @Override
        public void setLogWriter(PrintWriter out) { }

        @Override
        public void setLoginTimeout(int seconds) { }

        @Override
        public int getLoginTimeout() { return 0; }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException { throw new SQLException("not a wrapper"); }

        @Override
        public boolean isWrapperFor(Class<?> type) { return false; }
    }

    @Test
    void aTransactionThatCannotBeginIsADataAccessExceptionNamingBegin() {
        BreakingDataSource source = new BreakingDataSource("jdbc:sqlite:" + dir.resolve("broken.db"));
        Database db = Database.connect(source, SqliteDialect.INSTANCE);
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> db.transaction(tx -> ran.incrementAndGet()))
                .isInstanceOfSatisfying(DataAccessException.class, e -> {
                    assertThat(e.sql()).isEqualTo("BEGIN");
                    assertThat(e).hasMessageContaining("database connection closed").hasMessageEndingWith("[SQL: BEGIN]");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });
        assertThat(ran).hasValue(0);
        assertThat(source.handedOut).hasValue(2);
    }

    @Test
    void aStatementOnABrokenConnectionIsADataAccessExceptionWithItsSql() {
        BreakingDataSource source = new BreakingDataSource("jdbc:sqlite:" + dir.resolve("broken.db"));
        Database db = Database.connect(source, SqliteDialect.INSTANCE);
        Rendered create = new Rendered("CREATE TABLE t (id INTEGER)", List.of(), List.of());
        assertThatThrownBy(() -> db.execute(create)).isInstanceOfSatisfying(DataAccessException.class,
                e -> assertThat(e.sql()).isEqualTo("CREATE TABLE t (id INTEGER)"));
    }

    @Test
    void aDataSourceThatCannotConnectIsADataAccessException() {
        SQLiteDataSource nowhere = new SQLiteDataSource();
        nowhere.setUrl("jdbc:sqlite:" + dir.resolve("no/such/directory/x.db"));
        assertThatThrownBy(() -> Database.connect(nowhere, SqliteDialect.INSTANCE)).isInstanceOfSatisfying(DataAccessException.class,
                e -> assertThat(e.sql()).isNull());
    }
}
