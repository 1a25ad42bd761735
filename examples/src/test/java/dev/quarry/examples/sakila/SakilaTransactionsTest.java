package dev.quarry.examples.sakila;

import dev.quarry.examples.sakila.SakilaReports.RentalCounts;
import dev.quarry.examples.sakila.SakilaReports.TransactionDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Report 6 on its own database, since it changes rows. */
class SakilaTransactionsTest {
    @TempDir
    Path dir;

    @Test
    void committedTransactionAddsOneRentalAndOnePaymentAndTheFailedOneChangesNothing() {
        try (SakilaFixture sakila = SakilaFixture.load(dir)) {
            // the copy the demo must pick: the lowest inventory id of store 1 without an open rental
            long expectedCopy = Jdbc.queryLong(sakila.db, "SELECT min(i.inventory_id) FROM inventory i WHERE i.store_id = 1 "
                    + "AND NOT EXISTS (SELECT 1 FROM rental r WHERE r.inventory_id = i.inventory_id AND r.return_date IS NULL)");

            TransactionDemo t = new SakilaReports(sakila.db).rentalTransactions();

            assertThat(t.before()).isEqualTo(new RentalCounts(16044, 16049));
            assertThat(t.afterCommit()).isEqualTo(new RentalCounts(16045, 16050));
            assertThat(t.afterRollback()).isEqualTo(t.afterCommit());
            assertThat(t.failure()).isEqualTo("ForeignKeyViolationException (SQLState class 23)");
            assertThat(t.failedRentalVisible()).isFalse();

            // the committed rental and payment, as plain SQL sees them
            assertThat(t.receipt().inventoryId()).isEqualTo(expectedCopy);
            assertThat(Jdbc.query(sakila.db, "SELECT r.rental_date, r.inventory_id, r.customer_id, r.staff_id, r.return_date, "
                    + "p.customer_id, printf('%.2f', p.amount), p.payment_date, p.payment_id "
                    + "FROM rental r JOIN payment p ON p.rental_id = r.rental_id WHERE r.rental_id = " + t.receipt().rentalId()))
                    .containsExactly(java.util.Arrays.asList("2006-02-20 10:00:00", String.valueOf(expectedCopy), "1", "1", null,
                            "1", t.receipt().amount().toPlainString(), "2006-02-20 10:00:00",
                            String.valueOf(t.receipt().paymentId())));
            assertThat(Jdbc.query(sakila.db, "SELECT printf('%.2f', f.rental_rate), f.title FROM inventory i "
                    + "JOIN film f ON f.film_id = i.film_id WHERE i.inventory_id = " + expectedCopy))
                    .containsExactly(List.of(t.receipt().amount().toPlainString(), t.receipt().title()));

            // nothing of the failed transaction is left
            assertThat(t.failedRentalId()).isGreaterThan(t.receipt().rentalId());
            assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM rental WHERE rental_id = " + t.failedRentalId())).isZero();
            assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM rental WHERE rental_date = '2006-02-20 10:05:00'")).isZero();
            assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM payment WHERE customer_id = "
                    + SakilaReports.MISSING_CUSTOMER_ID)).isZero();
            assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM rental")).isEqualTo(16045);
            assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM payment")).isEqualTo(16050);
            assertThat(Jdbc.query(sakila.db, "PRAGMA foreign_key_check")).isEmpty();

            // a second run rents the next free copy
            TransactionDemo again = new SakilaReports(sakila.db).rentalTransactions();
            assertThat(again.receipt().inventoryId()).isNotEqualTo(t.receipt().inventoryId());
            assertThat(again.afterCommit()).isEqualTo(new RentalCounts(16046, 16051));
            assertThat(again.afterRollback()).isEqualTo(again.afterCommit());
        }
    }
}
