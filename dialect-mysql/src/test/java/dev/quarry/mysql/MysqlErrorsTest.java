package dev.quarry.mysql;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.IntegrityConstraintViolationException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.TransactionOptions;
import dev.quarry.dsl.TransientDataAccessException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each error class, produced on the real server and translated: exception type, the SQLState the
 * driver reports, the SQL that failed, and the data unchanged afterwards. The concurrency errors (lock
 * wait timeout, deadlock, serialization failure) use two connections and, for the deadlock, two
 * threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysqlErrorsTest {
    enum Status { ACTIVE, RETIRED }

    static final class Language extends Table {
        static final Language LANGUAGE = new Language();
        final Column<Integer> id = integer("language_id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 20).unique();
        private Language() { super("my_e_language"); }
    }

    static final class Film extends Table {
        static final Film FILM = new Film();
        final Column<Integer> id = integer("film_id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 255);
        final Column<Integer> length = integer("length").nullable().check(c -> c.gt(0));
        final Column<Integer> languageId = integer("language_id").references(Language.LANGUAGE.id);
        final Column<Status> status = enumeration("status", Status.class).defaultValue(Status.ACTIVE);
        { check("my_e_title_not_empty", title.ne("")); }
        private Film() { super("my_e_film"); }
    }

    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final String UPDATE_TITLE = "UPDATE `my_e_film` SET `title` = ? WHERE `my_e_film`.`film_id` = ?";

    /** Thrown at the end of a transaction block that must roll back. */
    static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Database db;

    @BeforeAll
    void open() {
        db = Database.connect(MyDatabases.url());
        Ddl.drop(db, F, L);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void setUp() {
        Ddl.create(db, F, L);
        db.insertInto(L, List.of("English", "French"), (r, name) -> r.set(L.name, name)).execute();
        db.insertInto(F, List.of("Alien", "Brazil"), (r, t) -> r.set(F.title, t).set(F.length, t.length() * 20).set(F.languageId, 1)).execute();
    }

    @AfterEach
    void tearDown() {
        Ddl.drop(db, F, L);
    }

    private List<String> films() {
        return db.select(F.id, F.title, F.length, F.languageId, F.status).from(F).orderBy(F.id)
                .fetch(r -> r.get(F.id) + "/" + r.get(F.title) + "/" + r.get(F.length) + "/" + r.get(F.languageId) + "/" + r.get(F.status));
    }

    private List<String> languages() {
        return db.select(L.id, L.name).from(L).orderBy(L.id).fetch(r -> r.get(L.id) + "/" + r.get(L.name));
    }

    private void assertUnchanged() {
        assertThat(films()).containsExactly("1/Alien/100/1/ACTIVE", "2/Brazil/120/1/ACTIVE");
        assertThat(languages()).containsExactly("1/English", "2/French");
    }

    private static Rendered raw(String sql, List<Object> binds, List<DataType<?>> types) {
        return new Rendered(sql, binds, types);
    }

    // ---- integrity constraints ---------------------------------------------------------------------

    @Test
    void uniqueViolationOnInsertUpdateAndPrimaryKey() {
        assertThatThrownBy(() -> db.insertInto(L, r -> r.set(L.name, "English")).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo("INSERT INTO `my_e_language` (`name`) VALUES (?)");
                    assertThat(e).hasMessageContaining("Duplicate entry 'English'").hasMessageContaining(e.sql());
                });
        assertThatThrownBy(() -> db.update(L).set(L.name, "English").where(L.id.eq(2)).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo("UPDATE `my_e_language` SET `name` = ? WHERE `my_e_language`.`language_id` = ?");
                });
        assertThatThrownBy(() -> db.insertInto(L, r -> r.set(L.id, 1).set(L.name, "Klingon")).execute())
                .isInstanceOf(UniqueViolationException.class).hasMessageContaining("PRIMARY");
        assertUnchanged();
    }

    @Test
    void aUniqueViolationInOneRowOfAMultiRowInsertInsertsNone() {
        assertThatThrownBy(() -> db.insertInto(L, List.of("German", "Greek", "French"), (r, n) -> r.set(L.name, n)).execute())
                .isInstanceOf(UniqueViolationException.class);
        assertUnchanged();
    }

    @Test
    void foreignKeyViolationOnInsertUpdateAndDelete() {
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.title, "C").set(F.languageId, 999)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo("INSERT INTO `my_e_film` (`title`, `language_id`) VALUES (?, ?)");
                    assertThat(e).hasMessageContaining("Cannot add or update a child row");
                });
        assertThatThrownBy(() -> db.update(F).set(F.languageId, 999).where(F.id.eq(1)).execute())
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThatThrownBy(() -> db.deleteFrom(L).where(L.id.eq(1)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo("DELETE FROM `my_e_language` WHERE `my_e_language`.`language_id` = ?");
                    assertThat(e).hasMessageContaining("Cannot delete or update a parent row");
                });
        assertUnchanged();
    }

    @Test
    void notNullViolationFromTheDatabase() {
        // Quarry refuses a null for a NOT NULL column before sending; a hand-written statement reaches the server
        Rendered update = raw(UPDATE_TITLE, Arrays.asList(null, 1), List.of(DataType.varchar(255), DataType.integer()));
        assertThatThrownBy(() -> db.execute(update))
                .isInstanceOfSatisfying(NotNullViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo(UPDATE_TITLE);
                    assertThat(e).hasMessageContaining("Column 'title' cannot be null");
                });
        String insert = "INSERT INTO `my_e_film` (`title`, `language_id`) VALUES (?, ?), (?, ?)";
        assertThatThrownBy(() -> db.execute(raw(insert, Arrays.asList("ok", 1, null, 1),
                        List.of(DataType.text(), DataType.integer(), DataType.text(), DataType.integer()))))
                .isInstanceOfSatisfying(NotNullViolationException.class, e -> assertThat(e.sql()).isEqualTo(insert));
        assertUnchanged();
    }

    @Test
    void aNotNullColumnWithoutDefaultLeftOutIsANotNullViolation() {
        String sql = "INSERT INTO `my_e_film` (`language_id`) VALUES (?)";
        assertThatThrownBy(() -> db.execute(raw(sql, List.of(1), List.of(DataType.integer()))))
                .isInstanceOfSatisfying(NotNullViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("HY000");
                    assertThat(e).hasMessageContaining("Field 'title' doesn't have a default value");
                });
        assertUnchanged();
    }

    @Test
    void checkViolationsOfAColumnCheckATableCheckAndTheEnumLabels() {
        assertThatThrownBy(() -> db.update(F).set(F.length, 0).where(F.id.eq(1)).execute())
                .isInstanceOfSatisfying(CheckViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo("UPDATE `my_e_film` SET `length` = ? WHERE `my_e_film`.`film_id` = ?");
                });
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.title, "").set(F.languageId, 1)).execute())
                .isInstanceOfSatisfying(CheckViolationException.class, e -> assertThat(e).hasMessageContaining("my_e_title_not_empty"));
        // the DSL binds only labels of the enum, so a hand-written statement is the only way to store another one
        Rendered enumUpdate = raw("UPDATE `my_e_film` SET `status` = ? WHERE `film_id` = ?", List.of("DELETED", 1),
                List.of(DataType.text(), DataType.integer()));
        assertThatThrownBy(() -> db.execute(enumUpdate))
                .isInstanceOfSatisfying(CheckViolationException.class, e -> assertThat(e.sql()).isEqualTo(enumUpdate.sql()));
        assertUnchanged();
    }

    @Test
    void everyConstraintViolationIsAnIntegrityConstraintViolation() {
        assertThatThrownBy(() -> db.insertInto(L, r -> r.set(L.name, "French")).execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> db.deleteFrom(L).all().execute()).isInstanceOf(IntegrityConstraintViolationException.class);
        assertUnchanged();
    }

    @Test
    void aFailingTransactionChangesNothing() {
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.insertInto(L, r -> r.set(L.name, "German")).execute();
            tx.update(F).set(F.length, 5).all().execute();
            tx.insertInto(L, r -> r.set(L.name, "English")).execute();
        })).isInstanceOf(UniqueViolationException.class);
        assertUnchanged();
    }

    // ---- concurrency -------------------------------------------------------------------------------------

    private static long sessionVariable(Connection c, String name) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION." + name)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read @@SESSION." + name + ": " + e.getMessage(), e);
        }
    }

    private static void setSessionVariable(Connection c, String name, long value) {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION " + name + " = " + value);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set " + name + ": " + e.getMessage(), e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lockWaitTimeoutWithAShortSessionTimeout() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = thread.submit(() -> {
                try {
                    db.runInTransaction(tx -> {
                        tx.update(F).set(F.title, "locked").where(F.id.eq(1)).execute();
                        locked.countDown();
                        await(release);
                        throw new RollBack();
                    });
                } catch (RollBack expected) {
                    // the holder's change is rolled back
                }
            });
            await(locked);
            long[] restored = new long[1];
            assertThatThrownBy(() -> db.runInTransaction(tx -> {
                long before = sessionVariable(tx.connection(), "innodb_lock_wait_timeout");
                setSessionVariable(tx.connection(), "innodb_lock_wait_timeout", 1);
                try {
                    tx.update(F).set(F.title, "waiting").where(F.id.eq(1)).execute();
                } finally {
                    // the connection goes back to the pool: restore the session's timeout
                    setSessionVariable(tx.connection(), "innodb_lock_wait_timeout", before);
                    restored[0] = sessionVariable(tx.connection(), "innodb_lock_wait_timeout");
                }
            })).isInstanceOfSatisfying(LockTimeoutException.class, e -> {
                assertThat(e).isInstanceOf(TransientDataAccessException.class);
                assertThat(e.sqlState()).isEqualTo("HY000");
                assertThat(e.sql()).isEqualTo(UPDATE_TITLE);
                assertThat(e).hasMessageContaining("Lock wait timeout exceeded");
            });
            assertThat(restored[0]).isGreaterThan(1);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
        assertUnchanged();
    }

    @Test
    void deadlockBetweenTwoThreadsIsADeadlockNotASerializationFailure() throws Exception {
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Throwable>> work = new ArrayList<>();
            for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                work.add(() -> {
                    try {
                        db.runInTransaction(TransactionOptions.defaults().noRetry(), tx -> {
                            tx.update(F).set(F.title, "first").where(F.id.eq(order[0])).execute();
                            try {
                                bothLocked.await(30, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            tx.update(F).set(F.title, "second").where(F.id.eq(order[1])).execute();
                            throw new RollBack();
                        });
                        return null;
                    } catch (Throwable t) {
                        return t;
                    }
                });
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> f : threads.invokeAll(work, 60, TimeUnit.SECONDS)) outcomes.add(f.get());
            // one transaction is the victim; the other gets its lock and ends by rolling back itself
            assertThat(outcomes).filteredOn(t -> t instanceof RollBack).hasSize(1);
            assertThat(outcomes).filteredOn(t -> t instanceof DeadlockException).singleElement()
                    .satisfies(t -> {
                        DeadlockException e = (DeadlockException) t;
                        assertThat(e).isNotInstanceOf(SerializationFailureException.class);
                        assertThat(e.sqlState()).isEqualTo("40001");
                        assertThat(e.sql()).isEqualTo(UPDATE_TITLE);
                        assertThat(e).hasMessageContaining("Deadlock found");
                    });
        } finally {
            threads.shutdownNow();
        }
        assertUnchanged();
    }

    @Test
    void aConflictOfTwoSerializableTransactionsIsReportedAsADeadlock() throws Exception {
        // InnoDB's SERIALIZABLE reads take shared locks; two readers that both write the row deadlock
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Throwable> work = () -> {
                try {
                    db.runInTransaction(TransactionOptions.defaults().noRetry(), tx -> {
                        try {
                            tx.connection().setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                            assertThat(tx.select(F.length).from(F).where(F.id.eq(1)).fetchValue(F.length)).isEqualTo(100);
                            bothRead.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        tx.update(F).set(F.length, 101).where(F.id.eq(1)).execute();
                        throw new RollBack();
                    });
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            };
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> f : threads.invokeAll(List.of(work, work), 60, TimeUnit.SECONDS)) outcomes.add(f.get());
            assertThat(outcomes).filteredOn(t -> t instanceof RollBack).hasSize(1);
            assertThat(outcomes).filteredOn(t -> t instanceof DeadlockException).singleElement()
                    .satisfies(t -> assertThat(((DeadlockException) t).sqlState()).isEqualTo("40001"));
        } finally {
            threads.shutdownNow();
        }
        assertUnchanged();
    }

    @Test
    void writeConflictUnderSnapshotIsolationIsASerializationFailure() {
        boolean available;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT @@SESSION.innodb_snapshot_isolation").close();
            available = true;
        } catch (SQLException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "the server has no innodb_snapshot_isolation (MariaDB 10.6.18 and later): "
                + "MySQL reports write conflicts as lock waits and deadlocks, not as serialization failures");
        String sql = "UPDATE `my_e_film` SET `length` = ? WHERE `my_e_film`.`film_id` = ?";
        assertThatThrownBy(() -> db.runInTransaction(TransactionOptions.defaults().noRetry(), tx -> {
            Connection c = tx.connection();
            long before = sessionVariable(c, "innodb_snapshot_isolation");
            setSessionVariable(c, "innodb_snapshot_isolation", 1);
            try {
                assertThat(tx.select(F.length).from(F).where(F.id.eq(1)).fetchValue(F.length)).isEqualTo(100);
                // another connection changes the row and commits after this transaction's snapshot was taken
                db.update(F).set(F.length, 101).where(F.id.eq(1)).execute();
                tx.update(F).set(F.length, 200).where(F.id.eq(1)).execute();
            } finally {
                setSessionVariable(c, "innodb_snapshot_isolation", before);
            }
        })).isInstanceOfSatisfying(SerializationFailureException.class, e -> {
            assertThat(e).isInstanceOf(TransientDataAccessException.class);
            assertThat(e.sqlState()).isEqualTo("HY000");
            assertThat(e.sql()).isEqualTo(sql);
            assertThat(e).hasMessageContaining("Record has changed since last read");
        });
        // the other transaction's committed change stands; the failed one left nothing
        assertThat(films()).containsExactly("1/Alien/101/1/ACTIVE", "2/Brazil/120/1/ACTIVE");
    }

    @Test
    void aTransactionCannotBeUsedAfterItsBlock() {
        Transaction[] leaked = new Transaction[1];
        db.runInTransaction(tx -> leaked[0] = tx);
        assertThatThrownBy(() -> leaked[0].deferForeignKeyChecks()).isInstanceOf(IllegalStateException.class)
                .hasMessage("this transaction has ended");
    }
}
