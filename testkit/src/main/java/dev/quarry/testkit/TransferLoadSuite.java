package dev.quarry.testkit;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.RetryPolicy;
import dev.quarry.dsl.TransactionOptions;
import dev.quarry.dsl.TransientDataAccessException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money transfers from 8 threads at once on a real database, run by every dialect module at SERIALIZABLE
 * (the strictest level each database offers) and at REPEATABLE READ, for a bounded time each. Every
 * transfer reads two balances and writes them back changed (the read-modify-write that loses updates at
 * a weak level) and logs itself under a fresh id, in one transaction block that Quarry retries on a
 * serialization failure or deadlock. Afterwards: the sum of the balances never changed, every transfer a
 * thread saw commit is in the log exactly once and nothing else is, no connection is left in use, and
 * the retries were counted (logged at INFO on this class's logger, for the README's figures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransferLoadSuite {
    /** An account. */
    public static final class Account extends Table {
        /** The singleton. */
        public static final Account ACCOUNT = new Account();
        /** Key, 1 to {@value TransferLoadSuite#ACCOUNTS}. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** The balance. */
        public final Column<Integer> balance = integer("balance");

        private Account() { super("ql_account"); }
    }

    /** The log of committed transfers. */
    public static final class Transfer extends Table {
        /** The singleton. */
        public static final Transfer TRANSFER = new Transfer();
        /** A fresh UUID per transfer, the same in every attempt. */
        public final Column<String> id = varchar("id", 36).primaryKey();
        /** From. */
        public final Column<Integer> source = integer("source");
        /** To. */
        public final Column<Integer> target = integer("target");
        /** How much. */
        public final Column<Integer> amount = integer("amount");

        private Transfer() { super("ql_transfer"); }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TransferLoadSuite.class);
    private static final Account A = Account.ACCOUNT;
    private static final Transfer T = Transfer.TRANSFER;
    static final int ACCOUNTS = 12;
    private static final int START_BALANCE = 1_000;
    private static final int THREADS = 8;

    /** The suite's database: a pool of at least 8 connections (SQLite: a file in WAL mode). */
    protected Database db;

    /** @return a new builder of the suite's own database */
    protected abstract Database.Builder builder();

    /**
     * @param policy the suite's policy
     * @return the policy the transfers use: SQLite adds {@code LockTimeoutException}, its answer to a
     *         second writer that holds an older read snapshot (see {@code RetryPolicy.alsoRetrying})
     */
    protected RetryPolicy retryPolicy(RetryPolicy policy) {
        return policy;
    }

    /** @return how long the transfers run per isolation level; the README's test command keeps it short */
    protected Duration runTime() {
        return Duration.ofSeconds(6);
    }

    @BeforeAll
    final void openAll() {
        db = builder().build();
        Ddl.drop(db, A, T);
    }

    @AfterAll
    final void closeAll() {
        if (db != null) db.close();
    }

    @BeforeEach
    final void create() {
        Ddl.create(db, A, T);
        List<Integer> ids = java.util.stream.IntStream.rangeClosed(1, ACCOUNTS).boxed().toList();
        db.insertInto(A, ids, (r, id) -> r.set(A.id, id).set(A.balance, START_BALANCE)).execute();
    }

    @AfterEach
    final void drop() {
        Ddl.drop(db, A, T);
    }

    @ParameterizedTest
    @EnumSource(value = Isolation.class, names = {"SERIALIZABLE", "REPEATABLE_READ"})
    @Timeout(120)
    void concurrentTransfersKeepTheSumAndLogEachCommitOnce(Isolation level) throws Exception {
        RetryPolicy policy = retryPolicy(RetryPolicy.attempts(25).backoff(Duration.ofMillis(1), Duration.ofMillis(50)));
        TransactionOptions options = TransactionOptions.isolation(level).withRetry(policy);
        long deadline = System.nanoTime() + runTime().toNanos();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger givenUp = new AtomicInteger();
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        int from = 1 + random.nextInt(ACCOUNTS);
                        int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        int amount = 1 + random.nextInt(20);
                        String id = UUID.randomUUID().toString();
                        calls.incrementAndGet();
                        try {
                            db.runInTransaction(options, tx -> {
                                attempts.incrementAndGet();
                                int fromBalance = tx.select(A.balance).from(A).where(A.id.eq(from)).fetchOne().value1();
                                int toBalance = tx.select(A.balance).from(A).where(A.id.eq(to)).fetchOne().value1();
                                tx.update(A).set(A.balance, fromBalance - amount).where(A.id.eq(from)).execute();
                                tx.update(A).set(A.balance, toBalance + amount).where(A.id.eq(to)).execute();
                                tx.insertInto(T, r -> r.set(T.id, id).set(T.source, from).set(T.target, to).set(T.amount, amount))
                                        .execute();
                            });
                            committed.add(id);
                        } catch (TransientDataAccessException e) {
                            givenUp.incrementAndGet();   // every attempt lost; the transfer did not happen
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get(90, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        BigDecimal total = db.select(sum(A.balance)).from(A).fetchOne().value1();
        assertThat(total.intValueExact()).as("sum of the balances").isEqualTo(ACCOUNTS * START_BALANCE);
        List<String> logged = db.select(T.id).from(T).fetch(r -> r.value1());
        Set<String> seen = new HashSet<>(committed);
        assertThat(seen).as("a transfer seen to commit twice").hasSize(committed.size());
        assertThat(new HashSet<>(logged)).as("the log against the transfers seen to commit").isEqualTo(seen);
        assertThat(db.select(count()).from(T).fetchOne().value1()).isEqualTo(committed.size());
        assertThat(committed).as("transfers committed").isNotEmpty();
        assertThat(((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections()).isZero();
        int retries = attempts.get() - calls.get();
        LOG.info("transfer load on {} at {}: {} threads for {} ms, {} transfers committed, {} retries, {} given up",
                db.dialect().name(), level, THREADS, runTime().toMillis(), committed.size(), retries, givenUp.get());
        assertThat(retries).as("retries: 8 threads on 12 accounts must conflict").isPositive();
    }
}
