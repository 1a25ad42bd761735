package dev.quarry.testkit;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.Cursor;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.QueryTimeoutException;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Record2;
import dev.quarry.dsl.StatementListener;
import dev.quarry.dsl.TransactionOptions;
import dev.quarry.dsl.TransientDataAccessException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Faults on a real database, run by every dialect module: a session killed by the server in the middle
 * of a transaction and just before its COMMIT, statements that run past their statement, transaction or
 * database timeout (cancelled on the server: checked in {@code pg_stat_activity} /
 * {@code information_schema.processlist}), a {@code Database} closed while a transaction and a cursor
 * are still running, a server that does not answer, a cursor read after its transaction ended, and a
 * cursor that is never closed. After every test no connection of any pool the test opened is in use
 * (HikariCP's active count), and the database still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FaultSuite {
    /** One account per row; the suite's only table. */
    public static final class Account extends Table {
        /** The singleton. */
        public static final Account ACCOUNT = new Account();
        /** Key, given by the tests. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** Whose. */
        public final Column<String> owner = varchar("owner", 40);
        /** The balance. */
        public final Column<Integer> balance = integer("balance");

        private Account() { super("qf_account"); }
    }

    private static final Account A = Account.ACCOUNT;
    /** Long enough that a statement which is not cancelled cannot finish during a test. */
    protected static final int LONG_SECONDS = 30;
    /** What a test allows for a cancel and its failure to arrive: far below {@link #LONG_SECONDS}. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    /** The suite's database, open for the whole class. */
    protected Database db;
    private final List<Database> opened = new ArrayList<>();

    /**
     * @return a new builder of the suite's own database (a schema, database or file no other suite uses)
     *         on every call; the pool must allow at least 3 connections
     */
    protected abstract Database.Builder builder();

    /**
     * Ends the session behind a transaction's connection from the server's side, as an administrator or a
     * crash would: PostgreSQL {@code pg_terminate_backend}, MariaDB {@code KILL CONNECTION}, both from
     * another connection; SQLite, which has no server, closes the physical connection under the pool.
     *
     * @param victim the connection ({@code tx.connection()})
     * @throws SQLException if the server refuses
     */
    protected abstract void killSession(Connection victim) throws SQLException;

    /**
     * @param marker a text to put into the SQL (in a comment), by which {@link #runningOnServer} finds it
     * @return an integer expression that takes {@value #LONG_SECONDS} seconds or more to compute
     */
    protected abstract Field<Integer> slowExpression(String marker);

    /**
     * @param marker the marker of {@link #slowExpression}
     * @return how many statements with that marker the server is still running
     * @throws SQLException if the server refuses
     */
    protected abstract int runningOnServer(String marker) throws SQLException;

    /**
     * @param port a loopback port where something accepts connections and never answers, or nothing listens
     * @return a URL of this dialect that cannot be connected to (SQLite: a file in a folder that does not exist)
     */
    protected abstract String unreachableUrl(int port);

    @BeforeAll
    final void openAll() {
        db = builder().build();
        Ddl.drop(db, A);
    }

    @AfterAll
    final void closeAll() {
        if (db != null) {
            Ddl.drop(db, A);
            db.close();
        }
    }

    @BeforeEach
    final void create() {
        Ddl.create(db, A);
        db.insertInto(A, List.of(1, 2, 3), (r, i) -> r.set(A.id, i).set(A.owner, "owner " + i).set(A.balance, 100)).execute();
    }

    @AfterEach
    final void checkPoolsAndDrop() {
        try {
            assertThat(active(db)).as("connections of the suite's pool still in use after the test").isZero();
            for (Database d : opened) {
                assertThat(active(d)).as("connections of a test's pool still in use after the test").isZero();
            }
        } finally {
            opened.forEach(Database::close);
            opened.clear();
            Ddl.drop(db, A);
        }
    }

    /** @return HikariCP's count of connections handed out and not yet returned */
    protected static int active(Database d) {
        return ((HikariDataSource) d.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    private Database open(java.util.function.UnaryOperator<Database.Builder> options) {
        Database d = options.apply(builder()).build();
        opened.add(d);
        return d;
    }

    private static int balance(Database d, int id) {
        return d.select(A.balance).from(A).where(A.id.eq(id)).fetchOne().value1();
    }

    private static long accounts(Database d) {
        return d.select(count()).from(A).fetchOne().value1();
    }

    private static String marker() {
        return "quarry_fault_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Waits until the server runs no statement with the marker any more, for up to 10 seconds. */
    private void assertStoppedOnServer(String marker) throws Exception {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        int running = runningOnServer(marker);
        while (running > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            running = runningOnServer(marker);
        }
        assertThat(running).as("statements with marker " + marker + " still running on the server").isZero();
    }

    private static void assertSoon(long startNanos) {
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(PROMPTLY);
    }

    // ---- a session killed by the server ------------------------------------------------------------

    @Test
    void aSessionKilledInTheMiddleOfATransactionRollsItBackAndThePoolHeals() {
        Throwable thrown = catchThrowable(() -> db.runInTransaction(tx -> {
            tx.update(A).set(A.balance, 0).where(A.id.eq(1)).execute();
            Waits.unchecked(() -> killSession(tx.connection()));
            tx.update(A).set(A.balance, 200).where(A.id.eq(2)).execute();
        }));
        assertThat(thrown).isInstanceOfSatisfying(DataAccessException.class, e -> {
            assertThat(e.sql()).startsWith("UPDATE");
            assertThat(e).isNotInstanceOf(TransientDataAccessException.class);
        });
        assertThat(active(db)).isZero();
        assertThat(balance(db, 1)).isEqualTo(100);
        assertThat(balance(db, 2)).isEqualTo(100);
        db.update(A).set(A.balance, 150).where(A.id.eq(3)).execute();
        assertThat(balance(db, 3)).isEqualTo(150);
    }

    @Test
    void aSessionKilledJustBeforeCommitFailsTheCommitAndLeavesNothing() {
        Throwable thrown = catchThrowable(() -> db.runInTransaction(tx -> {
            tx.update(A).set(A.balance, 0).where(A.id.eq(1)).execute();
            tx.insertInto(A, r -> r.set(A.id, 4).set(A.owner, "new").set(A.balance, 1)).execute();
            Waits.unchecked(() -> killSession(tx.connection()));
        }));
        assertThat(thrown).isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.sql()).isEqualTo("COMMIT"));
        assertThat(active(db)).isZero();
        assertThat(balance(db, 1)).isEqualTo(100);
        assertThat(accounts(db)).isEqualTo(3);
        db.runInTransaction(tx -> tx.update(A).set(A.balance, 90).where(A.id.eq(1)).execute());
        assertThat(balance(db, 1)).isEqualTo(90);
    }

    // ---- timeouts ----------------------------------------------------------------------------------

    @Test
    @Timeout(60)
    void aStatementPastItsTimeoutIsCancelledOnTheServer() throws Exception {
        String marker = marker();
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> db.select(slowExpression(marker)).queryTimeout(Duration.ofMillis(300)).fetch());
        assertSoon(start);
        assertThat(thrown).isInstanceOfSatisfying(QueryTimeoutException.class, e -> {
            assertThat(e).isInstanceOf(TransientDataAccessException.class)
                    .hasMessageContaining("ran longer than its timeout of 300 ms");
            assertThat(e.sql()).contains(marker);
        });
        assertStoppedOnServer(marker);
        assertThat(active(db)).isZero();
        assertThat(balance(db, 1)).isEqualTo(100);
    }

    @Test
    @Timeout(60)
    void theDatabaseDefaultTimeoutAppliesAndAStatementsOwnReplacesIt() throws Exception {
        Database limited = open(b -> b.queryTimeout(Duration.ofMillis(250)));
        String marker = marker();
        long start = System.nanoTime();
        assertThatThrownBy(() -> limited.select(slowExpression(marker)).fetch()).isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("250 ms");
        assertSoon(start);
        assertStoppedOnServer(marker);
        // a statement's own timeout wins over the default: a quick statement runs under a longer one
        assertThat(limited.select(A.balance).from(A).where(A.id.eq(1)).queryTimeout(Duration.ofSeconds(20)).fetchOne().value1())
                .isEqualTo(100);
        assertThat(active(limited)).isZero();
    }

    @Test
    @Timeout(60)
    void aTransactionTimeoutCancelsTheRunningStatementAndRollsBack() throws Exception {
        String marker = marker();
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> db.runInTransaction(TransactionOptions.defaults().timeout(Duration.ofMillis(600)), tx -> {
            tx.update(A).set(A.balance, 0).where(A.id.eq(1)).execute();
            tx.select(slowExpression(marker)).fetch();
        }));
        assertSoon(start);
        assertThat(thrown).isInstanceOf(QueryTimeoutException.class).hasMessageContaining("ran longer than its timeout");
        assertStoppedOnServer(marker);
        assertThat(balance(db, 1)).isEqualTo(100);
        assertThat(active(db)).isZero();
    }

    @Test
    void aStatementAfterTheTransactionTimeoutIsNotSent() {
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        Database counted = open(b -> b.statementListener(new StatementListener() {
            @Override
            public void executed(String sql, List<Object> binds, int rows, long elapsedNanos) {
                sent.add(sql);
            }
        }));
        Throwable thrown = catchThrowable(() -> counted.runInTransaction(TransactionOptions.defaults().timeout(Duration.ofMillis(100)), tx -> {
            tx.update(A).set(A.balance, 0).where(A.id.eq(1)).execute();
            Waits.sleep(300);
            tx.update(A).set(A.balance, 5).where(A.id.eq(2)).execute();
        }));
        assertThat(thrown).isInstanceOfSatisfying(QueryTimeoutException.class, e -> {
            assertThat(e).hasMessageContaining("the transaction's timeout has passed; the statement was not sent");
            assertThat(e.sql()).startsWith("UPDATE");
        });
        assertThat(sent).hasSize(1);
        assertThat(balance(counted, 1)).isEqualTo(100);
        assertThat(balance(counted, 2)).isEqualTo(100);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> db.select(A.id).from(A).queryTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queryTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> TransactionOptions.defaults().timeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transaction timeout must be positive, was PT-0.001S");
        assertThatThrownBy(() -> Dsl.select(A.id).from(A).queryTimeout(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not attached to a database");
    }

    // ---- closing a database that is in use ---------------------------------------------------------

    @Test
    @Timeout(60)
    void closeWaitsForATransactionThatEndsInTime() throws Exception {
        Database d = open(b -> b.closeTimeout(Duration.ofSeconds(20)));
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Integer> block = CompletableFuture.supplyAsync(() -> d.transaction(tx -> {
            tx.update(A).set(A.balance, 7).where(A.id.eq(1)).execute();
            inside.countDown();
            Waits.sleep(400);
            return tx.update(A).set(A.balance, 8).where(A.id.eq(2)).execute();
        }));
        assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        d.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(100));
        assertThat(block.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(balance(db, 1)).isEqualTo(7);
        assertThat(balance(db, 2)).isEqualTo(8);
        assertThatThrownBy(() -> d.select(A.id).from(A).fetch()).isInstanceOfSatisfying(DataAccessException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("08003");
            assertThat(e).hasMessageEndingWith("is closed; statements and transactions need an open Database");
        });
        assertThatThrownBy(() -> d.transaction(tx -> 1)).isInstanceOf(DataAccessException.class).hasMessageContaining("is closed");
        assertThat(active(d)).isZero();
    }

    @Test
    @Timeout(60)
    void closeRollsBackATransactionThatDoesNotEndWithinTheCloseTimeout() throws Exception {
        Database d = open(b -> b.closeTimeout(Duration.ofMillis(500)));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        CompletableFuture<Void> block = CompletableFuture.runAsync(() -> d.runInTransaction(tx -> {
            tx.update(A).set(A.balance, 0).where(A.id.eq(1)).execute();
            inside.countDown();
            Waits.await(closed, 30);
            tx.update(A).set(A.balance, 200).where(A.id.eq(2)).execute();
        }));
        assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        d.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        closed.countDown();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(PROMPTLY);
        Throwable thrown = catchThrowable(() -> block.get(20, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e)
                .hasMessageContaining("was closed while this transaction was running; it did not end within the close timeout of 500 ms and was rolled back"));
        assertThat(balance(db, 1)).isEqualTo(100);
        assertThat(balance(db, 2)).isEqualTo(100);
        assertThat(active(d)).isZero();
    }

    @Test
    void closeClosesTheCursorsStillOpenAndReleasesTheirConnections() {
        Database d = open(b -> b);
        Cursor<Record2<Integer, String>> cursor = d.select(A.id, A.owner).from(A).orderBy(A.id.asc()).fetchLazy(1);
        assertThat(cursor.fetchNext(1)).extracting(Record2::value1).containsExactly(1);
        d.close();
        assertThat(cursor.isClosed()).isTrue();
        assertThatThrownBy(() -> cursor.fetchNext(1)).isInstanceOfSatisfying(DataAccessException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("24000");
            assertThat(e).hasMessageContaining("was closed because its database was closed");
        });
        assertThat(active(d)).isZero();
        // the connection's locks are gone: another connection writes at once
        db.update(A).set(A.balance, 1).where(A.id.eq(1)).execute();
        assertThat(balance(db, 1)).isEqualTo(1);
    }

    // ---- cursors -----------------------------------------------------------------------------------

    @Test
    void aCursorReadAfterItsTransactionEndedThrows() {
        AtomicReference<Cursor<Record1<Integer>>> left = new AtomicReference<>();
        db.runInTransaction(tx -> {
            Cursor<Record1<Integer>> cursor = tx.select(A.id).from(A).orderBy(A.id.asc()).fetchLazy(1);
            assertThat(cursor.fetchNext(1)).extracting(Record1::value1).containsExactly(1);
            left.set(cursor);
        });
        Cursor<Record1<Integer>> stale = left.get();
        assertThat(stale.isClosed()).isTrue();
        assertThatThrownBy(() -> stale.fetchNext(5)).isInstanceOfSatisfying(DataAccessException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("24000");
            assertThat(e).hasMessageContaining("was closed because its transaction has ended; read a cursor inside the block");
            assertThat(e.sql()).startsWith("SELECT");
        });
        assertThat(active(db)).isZero();
    }

    @Test
    @Timeout(60)
    void aCursorThatIsNeverClosedGivesItsConnectionBackOnceUnreachable() throws Exception {
        Database d = open(b -> b.maximumPoolSize(2));
        openAndForget(d);
        assertThat(active(d)).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (active(d) > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(active(d)).as("connections still held by the forgotten cursor").isZero();
        // the connection works again, and nothing holds a lock: a write from the suite's pool goes through
        assertThat(d.select(count()).from(A).fetchOne().value1()).isEqualTo(3);
        db.update(A).set(A.balance, 2).where(A.id.eq(2)).execute();
        assertThat(balance(d, 2)).isEqualTo(2);
    }

    /** Opens a cursor, reads a row, and drops it without closing it. */
    private static void openAndForget(Database d) {
        Cursor<Record1<Integer>> cursor = d.select(A.id).from(A).orderBy(A.id.asc()).fetchLazy(1);
        assertThat(cursor.fetchNext(1)).hasSize(1);
    }

    // ---- a server that does not answer ---------------------------------------------------------------

    @Test
    @Timeout(60)
    void aServerThatAcceptsButNeverAnswersFailsWithinTheConnectionTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> Database.builder(unreachableUrl(silent.port()))
                    .connectionTimeout(Duration.ofSeconds(1)).build().close());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(thrown).isInstanceOf(DataAccessException.class).hasMessageStartingWith("cannot connect to ");
            assertThat(took).as("time to give up on a silent server").isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void aServerThatRefusesFailsAtOnceAndHidesThePassword() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = unreachableUrl(port);
        String withPassword = url + (url.contains("?") ? "&" : "?") + "password=S3cr3t-pw";
        Throwable thrown = catchThrowable(() -> Database.builder(withPassword).connectionTimeout(Duration.ofSeconds(1)).build().close());
        assertThat(thrown).isInstanceOf(DataAccessException.class).hasMessageStartingWith("cannot connect to ")
                .hasMessageContaining("password=***").hasMessageNotContaining("S3cr3t-pw");
    }

    /** A loopback listener that accepts connections and never sends a byte. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() { return socket.getLocalPort(); }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) s.close();
        }
    }

    // ---- a server that stops answering ---------------------------------------------------------------

    /**
     * Runs a statement the server takes about 4 seconds to answer on a pool whose socket timeout is 1
     * second, and checks that the wait ends with a {@link DataAccessException} (not a
     * {@link QueryTimeoutException}: the connection is broken and replaced) within 3.5 seconds, and that the
     * pool then works. For the dialect modules of servers reached over a network; SQLite has no socket.
     *
     * @param fourSeconds an integer expression the server computes in about 4 seconds
     */
    protected final void assertTheSocketTimeoutEndsTheWait(Field<Integer> fourSeconds) {
        try (Database d = builder().socketTimeout(Duration.ofSeconds(1)).build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> d.select(fourSeconds).fetch());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
            assertThat(thrown).isInstanceOf(DataAccessException.class).isNotInstanceOf(QueryTimeoutException.class);
            assertThat(active(d)).isZero();
            assertThat(d.select(rawInteger("1")).fetch()).hasSize(1);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /**
     * An integer expression of raw SQL, for {@link #slowExpression}.
     *
     * @param template the SQL
     * @return the expression
     */
    protected static Field<Integer> rawInteger(String template) {
        return Dsl.sql(DataType.integer(), template);
    }
}
