package dev.quarry.testkit;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.testkit.KitTables.Author;
import dev.quarry.testkit.KitTables.Book;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same mistake gives the same exception on every database: each dialect module runs this suite on
 * its real database (one with at least two pooled connections). Every exception carries the SQL and a
 * SQLState of class 23 (integrity constraint violation, SQL:2016 section 24.1) or the lock-timeout
 * state, and nothing of the failed statement is left behind.
 */
public abstract class ErrorTranslationSuite extends KitSuite {
    private static final Author A = Author.AUTHOR;
    private static final Book B = Book.BOOK;



    /**
     * Makes the transaction give up waiting for a lock after about 200 ms (PostgreSQL
     * {@code SET LOCAL lock_timeout}, MySQL {@code innodb_lock_wait_timeout}, SQLite
     * {@code PRAGMA busy_timeout}), through {@link Transaction#connection()}.
     *
     * @param tx the transaction that will wait
     * @throws SQLException if the setting is refused
     */
    protected abstract void shortLockTimeout(Transaction tx) throws SQLException;

    /**
     * Undoes {@link #shortLockTimeout} on a pooled connection where the setting outlives the transaction.
     *
     * @param tx the transaction, still open
     * @throws SQLException if the setting is refused
     */
    protected void restoreLockTimeout(Transaction tx) throws SQLException {
        // most settings end with the transaction
    }



    @Override
    void seed() {
        int austen = db.insertInto(A, r -> r.set(A.name, "Austen").set(A.born, 1775)).executeAndGetKey(A.authorId);
        db.insertInto(B, r -> r.set(B.title, "Emma").set(B.authorId, austen)).execute();
    }


    private void assertUnchanged() {
        assertThat(db.select(count()).from(A).fetchValue(count())).isEqualTo(1L);
        assertThat(db.select(count()).from(B).fetchValue(count())).isEqualTo(1L);
        assertThat(db.select(A.born).from(A).fetchValue(A.born)).isEqualTo(1775);
    }

    @Test
    void uniqueViolation() {
        assertThatThrownBy(() -> db.insertInto(A, r -> r.set(A.name, "Austen")).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sqlState()).startsWith("23");
                    assertThat(e.sql()).startsWith("INSERT INTO");
                });
        assertUnchanged();
    }

    @Test
    void foreignKeyViolationOnInsertAndOnDelete() {
        assertThatThrownBy(() -> db.insertInto(B, r -> r.set(B.title, "Orphan").set(B.authorId, 424_242)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> assertThat(e.sqlState()).startsWith("23"));
        assertThatThrownBy(() -> db.deleteFrom(A).all().execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).startsWith("23");
                    assertThat(e.sql()).startsWith("DELETE FROM");
                });
        assertUnchanged();
    }

    @Test
    void notNullViolationFromTheDatabase() {
        // Quarry refuses a null for a NOT NULL column itself; a hand-made statement reaches the server
        Rendered valid = db.insertInto(A, r -> r.set(A.name, "placeholder")).render(db.dialect());
        Rendered withNull = new Rendered(valid.sql(), Arrays.asList((Object) null), valid.bindTypes());
        assertThatThrownBy(() -> db.execute(withNull))
                .isInstanceOfSatisfying(NotNullViolationException.class, e -> {
                    assertThat(e.sqlState()).startsWith("23");
                    assertThat(e.sql()).isEqualTo(valid.sql());
                });
        assertUnchanged();
    }

    @Test
    void checkViolation() {
        assertThatThrownBy(() -> db.insertInto(B, r -> r.set(B.title, "Negative").set(B.price, new BigDecimal("-1.00"))).execute())
                .isInstanceOfSatisfying(CheckViolationException.class, e -> assertThat(e.sqlState()).startsWith("23"));
        assertThatThrownBy(() -> db.update(B).set(B.price, new BigDecimal("-0.01")).all().execute())
                .isInstanceOf(CheckViolationException.class);
        assertUnchanged();
    }

    @Test
    void aViolationInsideATransactionRollsBackItsEarlierStatements() {
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.update(A).set(A.born, 1).all().execute();
            tx.insertInto(B, r -> r.set(B.title, "Orphan").set(B.authorId, 424_242)).execute();
        })).isInstanceOf(ForeignKeyViolationException.class);
        assertUnchanged();
    }

    @Test
    void lockTimeoutWhenAnotherTransactionHoldsTheRow() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> holderFailure = new AtomicReference<>();
        Thread holder = new Thread(() -> {
            try {
                db.runInTransaction(tx -> {
                    tx.update(A).set(A.born, 1776).where(A.name.eq("Austen")).execute();
                    locked.countDown();
                    await(release);
                    throw new IllegalStateException("roll back the holder");
                });
            } catch (IllegalStateException expected) {
                // the holder always rolls back
            } catch (Throwable t) {
                holderFailure.set(t);
                locked.countDown();
            }
        }, "lock-holder");
        holder.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(holderFailure.get()).isNull();
            assertThatThrownBy(() -> db.runInTransaction(tx -> {
                try {
                    shortLockTimeout(tx);
                    try {
                        tx.update(A).set(A.born, 1777).where(A.name.eq("Austen")).execute();
                    } finally {
                        restoreLockTimeout(tx);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            })).isInstanceOfSatisfying(LockTimeoutException.class, e -> assertThat(e.sql()).startsWith("UPDATE"));
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        assertThat(holderFailure.get()).isNull();
        assertUnchanged();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the books, for subclasses' own checks */
    protected List<String> titles() {
        return db.select(B.title).from(B).orderBy(B.title.asc()).fetch(r -> r.get(B.title));
    }
}
