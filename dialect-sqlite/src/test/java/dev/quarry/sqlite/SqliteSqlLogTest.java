package dev.quarry.sqlite;

import com.github.valfirst.slf4jtest.LoggingEvent;
import com.github.valfirst.slf4jtest.TestLogger;
import com.github.valfirst.slf4jtest.TestLoggerFactory;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.TransactionOptions;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Quarry logs through SLF4J, captured by a real backend (slf4j-test, this module's test backend):
 * every statement at DEBUG on {@code dev.quarry.sql} with its SQL, the number of bind values, the row
 * count and the elapsed milliseconds; the values only when the database enables them, strings cut, bytes
 * never shown, the statements naming a sensitive column masked; the transaction's own steps and retries;
 * and a WARN on {@code dev.quarry.sql.slow} for a statement at or above the slow-query threshold, whatever
 * the level of {@code dev.quarry.sql}. Run on in-memory SQLite.
 */
class SqliteSqlLogTest {
    /** {@code lg_member}: a password that must never show. */
    static final class Member extends Table {
        static final Member MEMBER = new Member();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = text("name");
        final Column<String> password = varchar("password", 100);
        private Member() { super("lg_member"); }
    }

    /** {@code lg_file}: bytes that must never show. */
    static final class File extends Table {
        static final File FILE = new File();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<byte[]> data = blob("data");
        private File() { super("lg_file"); }
    }

    private static final Member M = Member.MEMBER;
    private static final File FI = File.FILE;
    private static final TestLogger SQL = TestLoggerFactory.getTestLogger("dev.quarry.sql");
    private static final TestLogger SLOW = TestLoggerFactory.getTestLogger("dev.quarry.sql.slow");
    private static final Pattern MILLIS = Pattern.compile("\\d+\\.\\d{3} ms");
    private static Level capturedBefore;

    private final List<Database> opened = new ArrayList<>();

    @BeforeAll
    static void captureEverything() {
        capturedBefore = TestLoggerFactory.getInstance().getCaptureLevel();
        TestLoggerFactory.getInstance().setCaptureLevel(Level.TRACE);
    }

    @AfterAll
    static void captureAsBefore() {
        TestLoggerFactory.getInstance().setCaptureLevel(capturedBefore);
    }

    @BeforeEach
    void allLevels() {
        SQL.setEnabledLevelsForAllThreads(EnumSet.allOf(Level.class));
        SLOW.setEnabledLevelsForAllThreads(EnumSet.allOf(Level.class));
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
        SQL.setEnabledLevelsForAllThreads(EnumSet.allOf(Level.class));
        TestLoggerFactory.clearAll();
    }

    private Database open(Function<Database.Builder, Database.Builder> options) {
        Database db = options.apply(Database.builder("jdbc:sqlite::memory:")).build();
        opened.add(db);
        Ddl.create(db, M, FI);
        db.insertInto(M, r -> r.set(M.id, 1).set(M.name, "MARY").set(M.password, "hunter2")).execute();
        TestLoggerFactory.clear();
        return db;
    }

    private static List<String> messages(TestLogger logger, Level level) {
        return logger.getLoggingEvents().stream().filter(e -> e.getLevel() == level).map(LoggingEvent::getFormattedMessage).toList();
    }

    private static List<String> all(TestLogger logger) {
        return logger.getLoggingEvents().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void everyStatementAtDebugWithBindCountRowsAndMillisButNoValues() {
        Database db = open(b -> b);
        String select = db.select(M.name).from(M).where(M.name.eq("MARY")).render(db.dialect()).sql();
        assertThat(db.select(M.name).from(M).where(M.name.eq("MARY")).fetch()).hasSize(1);
        db.update(M).set(M.password, "s3cret").where(M.id.eq(1)).execute();
        List<String> debug = messages(SQL, Level.DEBUG);
        assertThat(debug).hasSize(2);
        assertThat(debug.get(0)).startsWith(select + " -- 1 binds, 1 rows, ").matches(".* " + MILLIS + "$");
        assertThat(debug.get(1)).startsWith("UPDATE \"lg_member\" SET \"password\" = ? WHERE \"lg_member\".\"id\" = ? -- 2 binds, 1 rows, ");
        assertThat(String.join("\n", debug)).doesNotContain("MARY", "s3cret");
        assertThat(SLOW.getLoggingEvents()).isEmpty();   // nothing takes a second here
    }

    @Test
    void bindValuesOnlyWhenEnabledStringsCutBytesNeverShown() {
        Database db = open(b -> b.logBindValues(true));
        String longName = "N".repeat(100);
        db.insertInto(M, r -> r.set(M.id, 2).set(M.name, longName).set(M.password, "pw")).execute();
        db.insertInto(FI, r -> r.set(FI.id, 1).set(FI.data, "secret bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8))).execute();
        db.select(M.id).from(M).where(M.name.eq("MARY").or(M.id.isNull())).fetch();
        List<String> debug = messages(SQL, Level.DEBUG);
        assertThat(debug).hasSize(3);
        assertThat(debug.get(0)).contains("-- binds [2, '" + "N".repeat(64) + "…'(100 chars), 'pw'], 1 rows, ");
        assertThat(debug.get(1)).contains("-- binds [1, byte[12]], 1 rows, ");
        assertThat(debug.get(2)).contains("-- binds ['MARY'], 1 rows, ");
        assertThat(String.join("\n", debug)).doesNotContain("secret bytes", "N".repeat(65));
    }

    @Test
    void everyValueOfAStatementNamingASensitiveColumnIsMasked() {
        Database db = open(b -> b.logBindValues(true).sensitiveColumns(M.password));
        db.update(M).set(M.password, "s3cret").where(M.id.eq(1)).execute();
        db.select(M.id).from(M).where(M.password.eq("hunter2")).fetch();
        db.select(M.id).from(M).where(M.name.eq("MARY")).fetch();
        List<String> debug = messages(SQL, Level.DEBUG);
        assertThat(debug.get(0)).contains("-- binds [***, ***], 1 rows, ");
        assertThat(debug.get(1)).contains("-- binds [***], 0 rows, ");
        assertThat(debug.get(2)).contains("-- binds ['MARY'], 1 rows, ");
        assertThat(String.join("\n", debug)).doesNotContain("s3cret", "hunter2");
    }

    @Test
    void aStatementAtOrAboveTheThresholdIsAWarningWithoutValues() {
        Database db = open(b -> b.slowQueryThreshold(Duration.ofNanos(1)));   // every statement is slow
        Database withValues = open(b -> b.slowQueryThreshold(Duration.ofNanos(1)).logBindValues(true).sensitiveColumns(M.password));
        db.select(M.name).from(M).where(M.name.eq("MARY")).fetch();
        List<String> warn = messages(SLOW, Level.WARN);
        assertThat(warn).singleElement().satisfies(m -> {
            assertThat(m).startsWith("slow statement, ").contains("ms (threshold 0.000 ms), 1 rows: SELECT \"lg_member\".\"name\" FROM ")
                    .endsWith(" -- 1 binds");
            assertThat(m).doesNotContain("MARY");
        });
        TestLoggerFactory.clear();
        withValues.select(M.name).from(M).where(M.name.eq("MARY")).fetch();
        withValues.select(M.name).from(M).where(M.password.eq("hunter2")).fetch();
        assertThat(messages(SLOW, Level.WARN)).satisfiesExactly(
                m -> assertThat(m).endsWith(" -- binds ['MARY']"),
                m -> assertThat(m).endsWith(" -- binds [***]"));
    }

    @Test
    void theWarningDoesNotDependOnTheDebugLevel() {
        Database db = open(b -> b.slowQueryThreshold(Duration.ofNanos(1)));
        SQL.setEnabledLevelsForAllThreads(Level.INFO, Level.WARN, Level.ERROR);
        db.select(M.name).from(M).fetch();
        assertThat(SQL.getLoggingEvents()).isEmpty();
        assertThat(messages(SLOW, Level.WARN)).hasSize(1);
        SLOW.setEnabledLevelsForAllThreads(Level.ERROR);
        db.select(M.name).from(M).fetch();
        assertThat(messages(SLOW, Level.WARN)).hasSize(1);
    }

    @Test
    void aFastStatementIsNoWarningUnderTheDefaultThreshold() {
        Database db = open(b -> b.slowQueryThreshold(Duration.ofHours(1)));
        Database defaults = open(b -> b);
        db.select(M.name).from(M).fetch();
        defaults.select(M.name).from(M).fetch();
        assertThat(SLOW.getLoggingEvents()).isEmpty();
        assertThat(messages(SQL, Level.DEBUG)).hasSize(2);
    }

    @Test
    void theTransactionsOwnStepsAreLoggedToo() {
        Database db = open(b -> b);
        db.runInTransaction(TransactionOptions.defaults().readOnly(), tx -> {
            tx.select(M.name).from(M).fetch();
            assertThatThrownBy(() -> tx.runInTransaction(inner -> {
                inner.select(M.name).from(M).fetch();
                throw new IllegalStateException("undo the nested block");
            })).hasMessage("undo the nested block");
        });
        assertThat(messages(SQL, Level.DEBUG)).map(m -> MILLIS.matcher(m).replaceAll("<ms>").replaceAll("SELECT .* -- ", "SELECT -- "))
                .containsExactly(
                        "BEGIN -- <ms>",
                        "PRAGMA query_only = 1 -- <ms>",
                        "SELECT -- 0 binds, 1 rows, <ms>",
                        "SAVEPOINT quarry_sp_1 -- <ms>",
                        "SELECT -- 0 binds, 1 rows, <ms>",
                        "ROLLBACK TO SAVEPOINT quarry_sp_1 -- <ms>",
                        "RELEASE SAVEPOINT quarry_sp_1 -- <ms>",
                        "COMMIT -- <ms>",
                        "PRAGMA query_only = 0 -- <ms>");
    }

    @Test
    void aRetryIsLoggedWithTheFailureAndTheBackoff() {
        Database db = open(b -> b);
        AtomicInteger attempts = new AtomicInteger();
        db.runInTransaction(tx -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SerializationFailureException("could not serialize (thrown by the block)", null, "40001", null);
            }
        });
        assertThat(attempts).hasValue(2);
        assertThat(messages(SQL, Level.DEBUG)).anySatisfy(m -> assertThat(m).matches(
                "transaction attempt 1 of 3 failed with SerializationFailureException \\(SQLState 40001\\); retrying in \\d+\\.\\d{3} ms"));
        assertThat(all(SQL)).filteredOn(m -> m.contains("ROLLBACK")).hasSize(1);
        assertThat(all(SQL)).filteredOn(m -> m.contains("COMMIT")).hasSize(1);
    }
}
