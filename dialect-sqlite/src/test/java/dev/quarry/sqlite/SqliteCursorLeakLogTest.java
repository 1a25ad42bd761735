package dev.quarry.sqlite;

import com.github.valfirst.slf4jtest.LoggingEvent;
import com.github.valfirst.slf4jtest.TestLogger;
import com.github.valfirst.slf4jtest.TestLoggerFactory;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.Cursor;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Record1;
import dev.quarry.schema.Ddl;
import dev.quarry.testkit.FaultSuite.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cursor that is never closed is reclaimed once unreachable, and the WARN on {@code dev.quarry.cursor}
 * names the line that opened it (captured by slf4j-test, this module's SLF4J backend). The logging is
 * the same on every dialect; the reclaiming itself is in the shared fault suite.
 */
class SqliteCursorLeakLogTest {
    private static final TestLogger CURSOR = TestLoggerFactory.getTestLogger("dev.quarry.cursor");

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void theWarningNamesWhereTheForgottenCursorWasOpened() throws Exception {
        CURSOR.setEnabledLevelsForAllThreads(EnumSet.allOf(Level.class));
        CURSOR.clearAll();
        Account a = Account.ACCOUNT;
        try (Database db = Database.connect("jdbc:sqlite:" + dir.resolve("leak.db"))) {
            Ddl.create(db, a);
            db.insertInto(a, List.of(1, 2), (r, i) -> r.set(a.id, i).set(a.owner, "o" + i).set(a.balance, 1)).execute();
            openAndForget(db);
            HikariDataSource pool = (HikariDataSource) db.dataSource();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
            List<LoggingEvent> warnings = CURSOR.getAllLoggingEvents().stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getFormattedMessage())
                    .startsWith("a cursor was not closed and became unreachable; Quarry closed it and gave its connection back to the pool. "
                            + "It was opened at dev.quarry.sqlite.SqliteCursorLeakLogTest.openAndForget(SqliteCursorLeakLogTest.java:")
                    .contains("close cursors with try-with-resources. [SQL: SELECT \"qf_account\".\"id\" FROM \"qf_account\"");
        } finally {
            CURSOR.clearAll();
        }
    }

    private static void openAndForget(Database db) {
        Cursor<Record1<Integer>> cursor = db.select(Account.ACCOUNT.id).from(Account.ACCOUNT).fetchLazy(1);
        assertThat(cursor.fetchNext(1)).hasSize(1);
    }
}
