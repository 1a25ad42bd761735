package dev.quarry.postgres;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.TransactionOptions;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.postgres.PgTables.Account;
import dev.quarry.schema.Ddl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's errors reach Quarry's exceptions with their SQLState: constraint violations, lock
 * timeouts, serialization failures and deadlocks, and a batch's failing entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresErrorsTest {
    private static final Account AC = Account.ACCOUNT;

    private Database db;

    @BeforeAll
    void open() {
        db = PgServer.open("quarry_pg_errors");
        Ddl.drop(db, AC);
    }

    @BeforeEach
    void create() {
        Ddl.create(db, AC);
        db.insertInto(AC, List.of(1, 2), (r, id) -> r.set(AC.id, id).set(AC.owner, "owner " + id).set(AC.note, "n")
                .set(AC.balance, new BigDecimal("10.00")).set(AC.oncall, true)).execute();
    }

    @AfterEach
    void drop() {
        Ddl.drop(db, AC);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    private static void run(Transaction tx, String sql) {
        try (Statement s = tx.connection().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw tx.dialect().translate(e, sql);
        }
    }

    private static long onCall(Session s) {
        return s.select(count()).from(AC).where(AC.oncall.eq(true)).fetchValue(count());
    }

    @Test
    void constraintViolationsCarryTheirSqlState() {
        assertThatThrownBy(() -> db.insertInto(AC, r -> r.set(AC.id, 3).set(AC.owner, "owner 1").set(AC.note, "n")).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e).hasMessageContaining("qp_account_owner_key").hasCauseInstanceOf(PSQLException.class);
                });
        // NOT NULL: a nullable column's NULL copied into a NOT NULL one (the DSL refuses a literal null itself)
        assertThatThrownBy(() -> db.update(AC).set(AC.note, AC.nickname).where(AC.id.eq(1)).execute())
                .isInstanceOfSatisfying(NotNullViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23502");
                    assertThat(e.sql()).startsWith("UPDATE \"qp_account\" SET \"note\" = \"qp_account\".\"nickname\"");
                });
        assertThatThrownBy(() -> db.update(AC).set(AC.balance, new BigDecimal("-0.01")).where(AC.id.eq(2)).execute())
                .isInstanceOfSatisfying(CheckViolationException.class, e -> assertThat(e.sqlState()).isEqualTo("23514"));
        assertThat(db.select(AC.note, AC.balance).from(AC).where(AC.id.eq(2)).fetchOne().get(AC.balance))
                .isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void aFailedBatchIsTranslatedByItsFailingEntry() throws SQLException {
        String sql = "INSERT INTO qp_account (id, owner, note) VALUES (?, ?, 'n')";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int id : new int[] {10, 11, 12}) {
                ps.setInt(1, id);
                ps.setString(2, id == 12 ? "owner 1" : "batch " + id);
                ps.addBatch();
            }
            SQLException thrown = null;
            try {
                ps.executeBatch();
            } catch (SQLException e) {
                thrown = e;
            }
            assertThat((Throwable) thrown).isInstanceOf(BatchUpdateException.class);
            DataAccessException translated = db.dialect().translate(thrown, sql);
            assertThat(translated).isInstanceOf(UniqueViolationException.class)
                    .hasMessageContaining("duplicate key value").hasCauseInstanceOf(PSQLException.class);
            assertThat(translated.sqlState()).isEqualTo("23505");
            assertThat(translated.getSuppressed()).containsExactly(thrown);
        }
    }

    @Test
    void aLockNotObtainedWithinTheLockTimeoutIsALockTimeout() {
        db.runInTransaction(holder -> {
            holder.update(AC).set(AC.balance, new BigDecimal("5.00")).where(AC.id.eq(1)).execute();
            long start = System.nanoTime();
            assertThatThrownBy(() -> db.runInTransaction(waiter -> {
                run(waiter, "SET LOCAL lock_timeout = '200ms'");
                waiter.update(AC).set(AC.balance, new BigDecimal("6.00")).where(AC.id.eq(1)).execute();
            })).isInstanceOfSatisfying(LockTimeoutException.class, e -> {
                assertThat(e.sqlState()).isEqualTo("55P03");
                assertThat(e.sql()).startsWith("UPDATE \"qp_account\"");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        });
        assertThat(db.select(AC.balance).from(AC).where(AC.id.eq(1)).fetchValue(AC.balance)).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void writeSkewBetweenSerializableTransactionsIsASerializationFailure() {
        // each transaction checks that someone else stays on call, then goes off call itself
        assertThatThrownBy(() -> db.runInTransaction(TransactionOptions.defaults().noRetry(), first -> {
            setSerializable(first);
            assertThat(onCall(first)).isEqualTo(2);
            db.runInTransaction(second -> {
                setSerializable(second);
                assertThat(onCall(second)).isEqualTo(2);
                second.update(AC).set(AC.oncall, false).where(AC.id.eq(2)).execute();
            });
            first.update(AC).set(AC.oncall, false).where(AC.id.eq(1)).execute();
        })).isInstanceOfSatisfying(SerializationFailureException.class, e -> assertThat(e.sqlState()).isEqualTo("40001"));
        assertThat(onCall(db)).isEqualTo(1);
        assertThat(db.select(AC.oncall).from(AC).where(AC.id.eq(1)).fetchValue(AC.oncall)).isTrue();
        // the isolation level does not leak into the pool: the same write skew commits at READ COMMITTED
        db.runInTransaction(first -> {
            db.runInTransaction(second -> second.update(AC).set(AC.oncall, false).where(AC.id.eq(1)).execute());
            first.update(AC).set(AC.oncall, true).where(AC.id.eq(2)).execute();
        });
    }

    private static void setSerializable(Transaction tx) {
        try {
            tx.connection().setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        } catch (SQLException e) {
            throw tx.dialect().translate(e, null);
        }
    }

    @Test
    void theVictimOfADeadlockGetsADeadlockException() throws Exception {
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                futures.add(pool.submit(() -> db.runInTransaction(TransactionOptions.defaults().noRetry(), tx -> {
                    run(tx, "SET LOCAL lock_timeout = '20s'");
                    tx.update(AC).set(AC.note, "first").where(AC.id.eq(order[0])).execute();
                    try {
                        bothHoldOneLock.await(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    tx.update(AC).set(AC.note, "second").where(AC.id.eq(order[1])).execute();
                })));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).singleElement().isInstanceOfSatisfying(DeadlockException.class,
                    e -> assertThat(e.sqlState()).isEqualTo("40P01"));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        // the survivor's two updates committed, the victim's were rolled back
        assertThat(db.select(AC.note).from(AC).orderBy(AC.note.asc()).fetch(r -> r.get(AC.note))).containsExactly("first", "second");
    }

    @Test
    void afterAFailedStatementTheTransactionIsAbortedAndRolledBack() {
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.update(AC).set(AC.note, "changed").all().execute();
            try {
                tx.insertInto(AC, r -> r.set(AC.id, 1).set(AC.owner, "dup").set(AC.note, "n")).execute();
            } catch (UniqueViolationException expected) {
                // PostgreSQL refuses everything after an error until the transaction ends
            }
            tx.select(count()).from(AC).fetchValue(count());
        })).isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("25P02"));
        assertThat(db.select(count()).from(AC).where(AC.note.eq("changed")).fetchValue(count())).isZero();
    }
}
