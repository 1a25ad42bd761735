package dev.quarry.testkit;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.ReadOnlyTransactionException;
import dev.quarry.dsl.RetryPolicy;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.TransactionOptions;
import dev.quarry.dsl.TransientDataAccessException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.Payment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Transactions on a real database, run by every dialect module: nested blocks as savepoints, isolation
 * level and read-only mode per transaction (read back from the server), the retry of the outermost block
 * after a serialization failure or deadlock induced by a second transaction (also from a second thread),
 * giving up after the last attempt, no retry inside a nested block, translated failures of the
 * transaction's own steps (commit, rollback, savepoints, a connection that cannot be had), and after every
 * test a pool with no connection left in use (HikariCP's active count).
 *
 * <p>Every test starts with {@link MiniSakila}'s documented data, reloaded before each test; the tests
 * change film lengths (film 1: 86 minutes, film 2: 48, film 4: 117) and insert films and payments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransactionSuite {
    private static final Film F = Film.FILM;
    private static final Payment P = Payment.PAYMENT;

    /** What a database does beyond the portable core. */
    public enum Feature {
        /**
         * The server finds a cycle of two transactions waiting for each other's row locks and fails one of
         * them with a {@link DeadlockException} (PostgreSQL, MySQL/MariaDB). SQLite has one write lock per
         * database, so no such cycle forms: the second writer waits.
         */
        DEADLOCK_DETECTION,
        /**
         * {@link Transaction#deferForeignKeyChecks()} defers the checks to COMMIT, which can then fail
         * (PostgreSQL, SQLite); MySQL's deferral turns the checks off, so nothing fails.
         */
        DEFERRED_CHECKS
    }

    /** The database under test, open for the whole class, with a fast retry policy of 3 attempts. */
    protected Database db;

    private final List<Database> opened = new ArrayList<>();

    /**
     * The suite's own database: its URL (a schema or database no other suite uses, or a file of its own),
     * and the dialect where it must be given. The suite adds its options and builds it, once for the class
     * and again for tests that need a pool of one connection or a short connection timeout.
     *
     * @return a new builder on every call; the pool must allow at least 3 connections
     */
    protected abstract Database.Builder builder();

    /** @return the features the database has */
    protected abstract Set<Feature> features();

    /** @return the isolation level of a transaction that asks for none */
    protected abstract Isolation defaultIsolation();

    /**
     * @param requested a level given to {@link TransactionOptions#isolation}
     * @return the level the server reports for it; default the level itself (SQLite: SERIALIZABLE but for
     *         READ UNCOMMITTED)
     */
    protected Isolation reportedIsolation(Isolation requested) {
        return requested;
    }

    /**
     * Reads the isolation level of the running transaction back from the server, through
     * {@link Transaction#connection()}. The transaction has already read a row.
     *
     * @param tx the transaction
     * @return the level
     * @throws SQLException if the server refuses
     */
    protected abstract Isolation serverIsolation(Transaction tx) throws SQLException;

    /**
     * @param tx a transaction that has already read a row
     * @return whether the server runs it read-only
     * @throws SQLException if the server refuses
     */
    protected abstract boolean serverReadOnly(Transaction tx) throws SQLException;

    /**
     * Prepares a transaction at REPEATABLE READ so that writing a row another transaction changed and
     * committed after this one's snapshot fails with a {@link SerializationFailureException}: PostgreSQL and
     * SQLite in WAL mode do so by themselves; MariaDB needs {@code innodb_snapshot_isolation}. Called
     * before the transaction's first read; undone by {@link #afterSnapshotWrite}.
     *
     * @param tx the transaction
     * @throws SQLException if the server refuses
     */
    protected void beforeSnapshotRead(Transaction tx) throws SQLException {
        // nothing by default
    }

    /**
     * Undoes {@link #beforeSnapshotRead}, also after the write failed.
     *
     * @param tx the transaction
     * @throws SQLException if the server refuses
     */
    protected void afterSnapshotWrite(Transaction tx) throws SQLException {
        // nothing by default
    }

    /**
     * Makes the transaction wait for a row lock only about a second or less (PostgreSQL
     * {@code SET LOCAL lock_timeout}, MariaDB {@code innodb_lock_wait_timeout}, SQLite
     * {@code PRAGMA busy_timeout}); undone by {@link #restoreLockWait}.
     *
     * @param tx the transaction
     * @throws SQLException if the server refuses
     */
    protected abstract void shortLockWait(Transaction tx) throws SQLException;

    /**
     * Undoes {@link #shortLockWait} where the setting outlives the transaction.
     *
     * @param tx the transaction, still open
     * @throws SQLException if the server refuses
     */
    protected void restoreLockWait(Transaction tx) throws SQLException {
        // most settings end with the transaction
    }

    /**
     * Breaks the transaction's connection for good (the server ends the session, or the physical
     * connection is closed), so that its next step fails; any exception of breaking it is swallowed.
     *
     * @param tx the transaction
     */
    protected abstract void breakConnection(Transaction tx);

    /**
     * The retry policy of two transactions that read the same row and then both write it: default the
     * policy given. SQLite adds {@link LockTimeoutException}: the second writer, which holds a read
     * snapshot, gets SQLITE_BUSY at once while the first holds the write lock (see
     * {@link RetryPolicy#alsoRetrying}).
     *
     * @param policy the suite's policy
     * @return the policy to use
     */
    protected RetryPolicy concurrentWriterRetry(RetryPolicy policy) {
        return policy;
    }

    private boolean has(Feature f) {
        return features().contains(f);
    }

    private static RetryPolicy fast(int attempts) {
        return RetryPolicy.attempts(attempts).backoff(Duration.ofMillis(1), Duration.ofMillis(4));
    }

    @BeforeAll
    final void openAll() {
        db = builder().retryPolicy(fast(3)).build();
        MiniSakila.drop(db);
    }

    @AfterAll
    final void closeAll() {
        if (db != null) db.close();
    }

    @BeforeEach
    final void load() {
        MiniSakila.load(db);
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
            MiniSakila.drop(db);
        }
    }

    /** @return HikariCP's count of connections handed out and not yet returned */
    protected static int active(Database d) {
        return ((HikariDataSource) d.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    private Database open(Function<Database.Builder, Database.Builder> options) {
        Database d = options.apply(builder()).build();
        opened.add(d);
        return d;
    }

    private static Integer length(Session s, int film) {
        return s.select(F.length).from(F).where(F.filmId.eq(film)).fetchValue(F.length);
    }

    private static void setLength(Session s, int film, int length) {
        assertThat(s.update(F).set(F.length, length).where(F.filmId.eq(film)).execute()).isEqualTo(1);
    }

    private List<Integer> lengths() {
        return db.select(F.length).from(F).where(F.filmId.in(List.of(1, 2, 4))).orderBy(F.filmId.asc()).fetch(r -> r.get(F.length));
    }

    private static void insertFilm(Session s, int id, String title) {
        s.insertInto(F, r -> r.set(F.filmId, id).set(F.title, title).set(F.languageId, 1).set(F.categoryId, 1)
                .set(F.rentalRate, new BigDecimal("0.99")).set(F.releaseYear, 2024)).execute();
    }

    private static void unchecked(Waits.SqlWork action) {
        Waits.unchecked(action);
    }

    private static <T> T unchecked(java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    // ---- nested blocks as savepoints ------------------------------------------------------------

    @Test
    void nestedBlocksCommitWithTheOutermostTransaction() {
        String result = db.transaction(tx -> {
            assertThat(tx.depth()).isZero();
            setLength(tx, 1, 90);
            String inner = tx.transaction(t1 -> {
                assertThat(t1.depth()).isEqualTo(1);
                setLength(t1, 2, 91);
                t1.runInTransaction(t2 -> {
                    assertThat(t2.depth()).isEqualTo(2);
                    setLength(t2, 4, 92);
                });
                return "nested";
            });
            // all three are part of the transaction: visible in it, not yet outside
            assertThat(length(tx, 4)).isEqualTo(92);
            assertThat(length(db, 4)).isEqualTo(117);
            return inner;
        });
        assertThat(result).isEqualTo("nested");
        assertThat(lengths()).containsExactly(90, 91, 92);
    }

    @Test
    void aFailingNestedBlockRollsBackToItsSavepointAndTheEnclosingBlockGoesOn() {
        db.runInTransaction(tx -> {
            setLength(tx, 1, 90);
            assertThatThrownBy(() -> tx.runInTransaction(inner -> {
                setLength(inner, 2, 91);
                insertFilm(inner, 7, "ZORRO ARK");
            })).isInstanceOfSatisfying(UniqueViolationException.class, e -> assertThat(e.sql()).startsWith("INSERT"));
            // the transaction goes on (on PostgreSQL only because the savepoint ended its aborted state)
            assertThat(length(tx, 2)).isEqualTo(48);
            assertThat(length(tx, 1)).isEqualTo(90);
            setLength(tx, 4, 92);
        });
        assertThat(lengths()).containsExactly(90, 48, 92);
        assertThat(db.select(count()).from(F).fetchValue(count())).isEqualTo(6L);
    }

    @Test
    void anExceptionOfANestedBlockIsRethrownUnchanged() {
        IllegalStateException own = new IllegalStateException("from the nested block");
        db.runInTransaction(tx -> {
            Throwable thrown = catchThrowable(() -> tx.runInTransaction(inner -> {
                setLength(inner, 1, 90);
                throw own;
            }));
            assertThat(thrown).isSameAs(own);
            assertThat(own.getSuppressed()).isEmpty();
            assertThat(length(tx, 1)).isEqualTo(86);
            // a second nested block after a failed one takes a savepoint of the same depth again
            tx.runInTransaction(inner -> setLength(inner, 2, 91));
        });
        assertThat(lengths()).containsExactly(86, 91, 117);
    }

    @Test
    void rollingBackTheOutermostTransactionUndoesItsReleasedNestedBlocks() {
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.runInTransaction(inner -> setLength(inner, 1, 90));
            tx.transaction(inner -> {
                inner.runInTransaction(deeper -> setLength(deeper, 2, 91));
                return null;
            });
            throw new IllegalStateException("undo it all");
        })).isInstanceOf(IllegalStateException.class).hasMessage("undo it all");
        assertThat(lengths()).containsExactly(86, 48, 117);
    }

    @Test
    void aNestedTransactionCannotBeUsedAfterItsBlock() {
        Transaction[] leaked = new Transaction[1];
        db.runInTransaction(tx -> {
            tx.runInTransaction(inner -> leaked[0] = inner);
            assertThatThrownBy(() -> length(leaked[0], 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transaction has ended");
            assertThatThrownBy(() -> leaked[0].runInTransaction(again -> { })).isInstanceOf(IllegalStateException.class);
            setLength(tx, 1, 90);
        });
        assertThat(lengths()).containsExactly(90, 48, 117);
    }

    @Test
    void aSavepointThatCannotBeReleasedIsTranslatedAndDoomsTheTransaction() {
        AtomicReference<DataAccessException> release = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> db.runInTransaction(tx -> {
            setLength(tx, 1, 90);
            Throwable nested = catchThrowable(() -> tx.runInTransaction(inner -> {
                // misuse: committing on the connection ends the transaction and its savepoints
                unchecked(() -> inner.connection().commit());
                setLength(inner, 2, 91);
            }));
            assertThat(nested).isInstanceOf(DataAccessException.class);
            release.set((DataAccessException) nested);
            // the transaction is doomed: every later statement rethrows the failure, and it cannot commit
            assertThat(catchThrowable(() -> length(tx, 1))).isSameAs(nested);
        }));
        assertThat(release.get().sql()).isEqualTo("RELEASE SAVEPOINT quarry_sp_1");
        assertThat(thrown).isSameAs(release.get());
        // the misplaced commit took the first update; the rest was rolled back
        assertThat(lengths()).containsExactly(90, 48, 117);
    }

    // ---- isolation level and read-only mode --------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Isolation.class)
    void theIsolationLevelHoldsForItsTransactionOnly(Isolation level) {
        Database one = open(b -> b.maximumPoolSize(1));   // one connection: a level left on it would show
        Function<Transaction, Isolation> readBack = tx -> {
            assertThat(length(tx, 1)).isNotNull();
            return unchecked(() -> serverIsolation(tx));
        };
        assertThat(one.transaction(readBack)).isEqualTo(defaultIsolation());
        one.runInTransaction(TransactionOptions.isolation(level), tx -> {
            assertThat(readBack.apply(tx)).isEqualTo(reportedIsolation(level));
            assertThat(unchecked(() -> serverReadOnly(tx))).isFalse();
            setLength(tx, 1, 90);
        });
        assertThat(one.transaction(readBack)).isEqualTo(defaultIsolation());
        assertThat(length(one, 1)).isEqualTo(90);
    }

    @Test
    void aReadOnlyTransactionReadsButRefusesAWrite() {
        Database one = open(b -> b.maximumPoolSize(1));
        String update = one.update(F).set(F.length, 90).where(F.filmId.eq(1)).render(one.dialect()).sql();
        assertThatThrownBy(() -> one.runInTransaction(TransactionOptions.defaults().readOnly(), tx -> {
            assertThat(length(tx, 1)).isEqualTo(86);
            assertThat(unchecked(() -> serverReadOnly(tx))).isTrue();
            tx.update(F).set(F.length, 90).where(F.filmId.eq(1)).execute();
        })).isInstanceOfSatisfying(ReadOnlyTransactionException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("25006");
            assertThat(e.sql()).isEqualTo(update);
        });
        assertThat(length(one, 1)).isEqualTo(86);
        // the same connection is read-write again for the next transaction
        one.runInTransaction(tx -> {
            assertThat(length(tx, 1)).isEqualTo(86);
            assertThat(unchecked(() -> serverReadOnly(tx))).isFalse();
            setLength(tx, 1, 90);
        });
        assertThat(length(one, 1)).isEqualTo(90);
    }

    @Test
    void aSerializableReadOnlyTransactionWithANestedWriteThatIsRefused() {
        Database one = open(b -> b.maximumPoolSize(1));
        long films = one.transaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).readOnly(), tx -> {
            long n = tx.select(count()).from(F).fetchValue(count());
            assertThat(unchecked(() -> serverIsolation(tx))).isEqualTo(reportedIsolation(Isolation.SERIALIZABLE));
            assertThat(unchecked(() -> serverReadOnly(tx))).isTrue();
            assertThatThrownBy(() -> tx.runInTransaction(inner -> insertFilm(inner, 7, "NEW FILM")))
                    .isInstanceOf(ReadOnlyTransactionException.class);
            // rolled back to the savepoint: the read-only transaction reads on
            return n + tx.select(count()).from(F).fetchValue(count());
        });
        assertThat(films).isEqualTo(12L);
    }

    // ---- retry --------------------------------------------------------------------------------------

    /**
     * Reads film 1's length (the transaction's snapshot), lets another connection add 100 to it and commit
     * when {@code conflict} says so, then writes what it read plus one: with the other commit in between,
     * the write fails with a serialization failure.
     */
    private int readModifyWrite(Transaction tx, boolean conflict) {
        return readModifyWrite(tx, conflict, () -> { });
    }

    /** As {@link #readModifyWrite(Transaction, boolean)}, running {@code beforeWrite} after the other commit. */
    private int readModifyWrite(Transaction tx, boolean conflict, Runnable beforeWrite) {
        unchecked(() -> beforeSnapshotRead(tx));
        try {
            int read = length(tx, 1);
            if (conflict) db.update(F).set(F.length, F.length.plus(100)).where(F.filmId.eq(1)).execute();
            beforeWrite.run();
            setLength(tx, 1, read + 1);
            return read;
        } finally {
            unchecked(() -> afterSnapshotWrite(tx));
        }
    }

    private static final TransactionOptions SNAPSHOT = TransactionOptions.isolation(Isolation.REPEATABLE_READ);

    @Test
    void aSerializationFailureRunsTheWholeBlockAgain() {
        AtomicInteger attempts = new AtomicInteger();
        int read = db.transaction(SNAPSHOT, tx -> readModifyWrite(tx, attempts.incrementAndGet() == 1));
        assertThat(attempts).hasValue(2);
        assertThat(read).isEqualTo(186);   // the second attempt read what the other transaction committed
        assertThat(length(db, 1)).isEqualTo(187);
    }

    @Test
    void afterTheLastAttemptTheLastFailureIsThrownWithTheEarlierOnesSuppressed() {
        AtomicInteger attempts = new AtomicInteger();
        Throwable thrown = catchThrowable(() -> db.transaction(SNAPSHOT.withRetry(fast(3)), tx -> {
            attempts.incrementAndGet();
            return readModifyWrite(tx, true);
        }));
        assertThat(attempts).hasValue(3);
        assertThat(thrown).isInstanceOfSatisfying(SerializationFailureException.class, e -> assertThat(e.sql()).startsWith("UPDATE"));
        assertThat(thrown.getSuppressed()).hasSize(2).allSatisfy(s -> assertThat(s).isInstanceOf(SerializationFailureException.class));
        assertThat(length(db, 1)).isEqualTo(386);   // the three other commits, none of the failed writes
    }

    @Test
    void theRetryPolicyOfTheDatabaseAndOfTheCall() {
        Database twice = open(b -> b.retryPolicy(fast(2)));
        assertThat(twice.retryPolicy()).isEqualTo(fast(2));
        AtomicInteger attempts = new AtomicInteger();
        Function<Transaction, Integer> alwaysConflicting = tx -> {
            attempts.incrementAndGet();
            return readModifyWrite(tx, true);
        };
        assertThatThrownBy(() -> twice.transaction(SNAPSHOT, alwaysConflicting)).isInstanceOf(SerializationFailureException.class);
        assertThat(attempts.getAndSet(0)).isEqualTo(2);
        assertThatThrownBy(() -> twice.transaction(SNAPSHOT.noRetry(), alwaysConflicting)).isInstanceOf(SerializationFailureException.class);
        assertThat(attempts.getAndSet(0)).isEqualTo(1);
        assertThatThrownBy(() -> twice.transaction(SNAPSHOT.withRetry(fast(4)), alwaysConflicting)).isInstanceOf(SerializationFailureException.class);
        assertThat(attempts.getAndSet(0)).isEqualTo(4);
        assertThat(length(db, 1)).isEqualTo(786);
    }

    @Test
    void otherFailuresAreNotRetriedAndRollBack() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            attempts.incrementAndGet();
            setLength(tx, 1, 90);
            insertFilm(tx, 7, "ZORRO ARK");
        })).isInstanceOf(UniqueViolationException.class);
        assertThat(attempts.getAndSet(0)).isEqualTo(1);
        IllegalStateException own = new IllegalStateException("the block's own");
        assertThat(catchThrowable(() -> db.runInTransaction(tx -> {
            attempts.incrementAndGet();
            setLength(tx, 1, 90);
            throw own;
        }))).isSameAs(own);
        assertThat(attempts.getAndSet(0)).isEqualTo(1);
        AssertionError error = new AssertionError("an Error");
        assertThat(catchThrowable(() -> db.runInTransaction(tx -> {
            attempts.incrementAndGet();
            setLength(tx, 1, 90);
            throw error;
        }))).isSameAs(error);
        assertThat(attempts.getAndSet(0)).isEqualTo(1);
        IOException checked = new IOException("a checked exception thrown sneakily");
        assertThat(catchThrowable(() -> db.runInTransaction(tx -> {
            setLength(tx, 1, 90);
            throw sneaky(checked);
        }))).isSameAs(checked);
        assertThat(own.getSuppressed()).isEmpty();
        assertThat(length(db, 1)).isEqualTo(86);
    }

    @Test
    void aNestedBlockIsNeverRetriedButItsFailureRetriesTheOutermostBlock() {
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();
        db.runInTransaction(SNAPSHOT, tx -> {
            int attempt = outer.incrementAndGet();
            Throwable failure = catchThrowable(() -> tx.runInTransaction(nested -> {
                inner.incrementAndGet();
                readModifyWrite(nested, attempt == 1);
            }));
            if (attempt == 1) {
                assertThat(failure).isInstanceOf(SerializationFailureException.class);
                // caught, but the transaction is doomed: the next statement rethrows it, so the block ends
                assertThat(catchThrowable(() -> length(tx, 2))).isSameAs(failure);
            } else {
                assertThat(failure).isNull();
                setLength(tx, 2, 91);
            }
        });
        assertThat(outer).hasValue(2);
        assertThat(inner).hasValue(2);
        assertThat(lengths()).containsExactly(187, 91, 117);
    }

    @Test
    void theFailedAttemptsWritesAreRolledBackAndTheBlockRunsAgainFromItsStart() {
        AtomicInteger attempts = new AtomicInteger();
        db.runInTransaction(SNAPSHOT, tx -> {
            int attempt = attempts.incrementAndGet();
            // PostgreSQL and MariaDB write film 2 and then fail on film 1; SQLite fails on film 2 already
            readModifyWrite(tx, attempt == 1, () -> setLength(tx, 2, 48 + attempt));
        });
        assertThat(attempts).hasValue(2);
        // film 2: 48 + 2 from the second attempt; the first attempt's 49 was rolled back
        assertThat(lengths()).containsExactly(187, 50, 117);
    }

    @Test
    @Timeout(60)
    void twoThreadsIncrementingTheSameRowLoseNoUpdate() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy policy = concurrentWriterRetry(fast(10));
        List<Throwable> failures = runInTwoThreads(i -> db.runInTransaction(SNAPSHOT.withRetry(policy), tx -> {
            boolean first = attempts.incrementAndGet() <= 2;
            unchecked(() -> beforeSnapshotRead(tx));
            try {
                int read = length(tx, 1);
                if (first) await(bothRead);   // both hold the same snapshot on their first attempt
                setLength(tx, 1, read + 1);
            } finally {
                unchecked(() -> afterSnapshotWrite(tx));
            }
        }));
        assertThat(failures).isEmpty();
        if (policy.equals(fast(10))) {
            assertThat(attempts).as("one of the two ran again after its serialization failure").hasValue(3);
        } else {
            assertThat(attempts).as("the second writer ran again until the first had committed").hasValueGreaterThanOrEqualTo(3);
        }
        assertThat(length(db, 1)).isEqualTo(88);
    }

    @Test
    @Timeout(60)
    void twoTransactionsLockingRowsInOppositeOrderBothCommit() throws Exception {
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        AtomicInteger[] attempts = {new AtomicInteger(), new AtomicInteger()};
        int[][] order = {{1, 2}, {2, 1}};
        List<Throwable> failures = runInTwoThreads(i -> db.runInTransaction(TransactionOptions.defaults().withRetry(fast(5)), tx -> {
            int attempt = attempts[i].incrementAndGet();
            tx.update(F).set(F.length, F.length.plus(1)).where(F.filmId.eq(order[i][0])).execute();
            // where the server detects deadlocks, both first attempts hold one lock and wait for the other;
            // SQLite's second writer waits for the first one's commit before it can take any lock
            if (attempt == 1 && has(Feature.DEADLOCK_DETECTION)) await(bothHoldOneLock);
            tx.update(F).set(F.length, F.length.plus(1)).where(F.filmId.eq(order[i][1])).execute();
        }));
        assertThat(failures).isEmpty();
        int total = attempts[0].get() + attempts[1].get();
        if (has(Feature.DEADLOCK_DETECTION)) {
            // the victim runs again; its second attempt may take its first lock before the survivor gets it
            // and deadlock once more, so more than one retry can happen
            assertThat(total).as("the deadlock victim ran again").isBetween(3, 10);
        } else {
            assertThat(total).isBetween(2, 4);
        }
        assertThat(lengths()).containsExactly(88, 50, 117);
    }

    @Test
    @Timeout(60)
    void withNoAttemptLeftTheDeadlockVictimGetsItsDeadlockException() throws Exception {
        if (!has(Feature.DEADLOCK_DETECTION)) {
            // no deadlock can form: the second writer waits for the first's commit (see the test above)
            assertThat(db.dialect().name()).isEqualTo("sqlite");
            return;
        }
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        int[][] order = {{1, 2}, {2, 1}};
        List<Throwable> failures = runInTwoThreads(i -> db.runInTransaction(TransactionOptions.defaults().noRetry(), tx -> {
            tx.update(F).set(F.length, F.length.plus(1)).where(F.filmId.eq(order[i][0])).execute();
            await(bothHoldOneLock);
            tx.update(F).set(F.length, F.length.plus(1)).where(F.filmId.eq(order[i][1])).execute();
        }));
        assertThat(failures).singleElement().isInstanceOfSatisfying(DeadlockException.class,
                e -> assertThat(e.sql()).startsWith("UPDATE"));
        assertThat(lengths()).containsExactly(87, 49, 117);
    }

    @Test
    @Timeout(60)
    void aLockTimeoutIsNotRetried() throws Exception {
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> db.runInTransaction(tx -> {
                setLength(tx, 1, 90);
                locked.countDown();
                await(release);
                throw new IllegalStateException("the holder rolls back");
            }));
            await(locked);
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> db.runInTransaction(TransactionOptions.defaults().withRetry(fast(5)), tx -> {
                attempts.incrementAndGet();
                unchecked(() -> shortLockWait(tx));
                try {
                    setLength(tx, 1, 91);
                } finally {
                    unchecked(() -> restoreLockWait(tx));
                }
            })).isInstanceOf(LockTimeoutException.class).isNotInstanceOf(SerializationFailureException.class);
            assertThat(attempts).hasValue(1);
            release.countDown();
            assertThatThrownBy(() -> holding.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("the holder rolls back");
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
        assertThat(length(db, 1)).isEqualTo(86);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not come", e);
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        Waits.await(latch, 20);
    }

    private interface Work {
        void run(int thread);
    }

    /** @return what the two threads threw, in no particular order */
    private static List<Throwable> runInTwoThreads(Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int thread = i;
                futures.add(threads.submit(() -> work.run(thread)));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get(45, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    // ---- failures of the transaction's own steps -------------------------------------------------------

    @Test
    void aCommitThatFailsIsTranslatedAndLeavesNothing() {
        Function<Transaction, Object> orphan = tx -> {
            tx.deferForeignKeyChecks();
            tx.insertInto(P, r -> r.set(P.paymentId, 9).set(P.customerId, 999).set(P.amount, new BigDecimal("1.00"))
                    .set(P.paymentDate, LocalDateTime.of(2024, 1, 1, 0, 0))).execute();
            return null;
        };
        if (!has(Feature.DEFERRED_CHECKS)) {
            // MySQL turns the checks off instead of deferring them: the orphan commits unchecked
            db.transaction(orphan);
            assertThat(db.select(count()).from(P).fetchValue(count())).isEqualTo(9L);
            return;
        }
        assertThatThrownBy(() -> db.transaction(orphan)).isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
            assertThat(e.sql()).isEqualTo("COMMIT");
            assertThat(e.sqlState()).isEqualTo("23503");
        });
        assertThat(db.select(count()).from(P).fetchValue(count())).isEqualTo(8L);
    }

    @Test
    void aBrokenConnectionFailsTheCommitWithATranslatedExceptionAndIsReplaced() {
        Throwable thrown = catchThrowable(() -> db.runInTransaction(tx -> {
            setLength(tx, 1, 90);
            breakConnection(tx);
        }));
        assertThat(thrown).isInstanceOfSatisfying(DataAccessException.class, e -> {
            assertThat(e.sql()).isEqualTo("COMMIT");
            assertThat(e).isNotInstanceOf(TransientDataAccessException.class);
        });
        // the rollback failed too, and is attached; the broken connection left the pool
        assertThat(thrown.getSuppressed()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(DataAccessException.class,
                e -> assertThat(e.sql()).isEqualTo("ROLLBACK")));
        assertThat(active(db)).isZero();
        assertThat(length(db, 1)).isEqualTo(86);
        db.runInTransaction(tx -> setLength(tx, 1, 91));
        assertThat(length(db, 1)).isEqualTo(91);
    }

    @Test
    void aRollbackThatFailsIsAddedToTheBlocksException() {
        IllegalStateException own = new IllegalStateException("the block's own");
        Throwable thrown = catchThrowable(() -> db.runInTransaction(tx -> {
            setLength(tx, 1, 90);
            breakConnection(tx);
            throw own;
        }));
        assertThat(thrown).isSameAs(own);
        assertThat(own.getSuppressed()).singleElement().isInstanceOfSatisfying(DataAccessException.class,
                e -> assertThat(e.sql()).isEqualTo("ROLLBACK"));
        assertThat(active(db)).isZero();
        assertThat(length(db, 1)).isEqualTo(86);
    }

    @Test
    void aConnectionThatCannotBeHadIsADataAccessException() {
        Database one = open(b -> b.maximumPoolSize(1).connectionTimeout(Duration.ofMillis(250)));
        String select = one.select(F.title).from(F).render(one.dialect()).sql();
        one.runInTransaction(tx -> {
            // the only connection is this transaction's
            assertThatThrownBy(() -> one.transaction(other -> 1)).isInstanceOfSatisfying(DataAccessException.class, e -> {
                assertThat(e.sql()).isNull();
                assertThat(e).hasMessageContaining("Connection is not available");
            });
            assertThatThrownBy(() -> one.select(F.title).from(F).fetch()).isInstanceOfSatisfying(DataAccessException.class,
                    e -> assertThat(e.sql()).isEqualTo(select));
            setLength(tx, 1, 90);
        });
        assertThat(length(one, 1)).isEqualTo(90);
        assertThat(active(one)).isZero();
        one.close();
        assertThatThrownBy(() -> one.transaction(tx -> 1)).isInstanceOf(DataAccessException.class).hasMessageContaining("closed");
    }
}
