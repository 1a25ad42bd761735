package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.MiniSakila;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** The query-surface suites' fixed data loads as its Javadoc says. */
class MiniSakilaLoadTest {
    @Test
    void loadsTheDocumentedFigures() {
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {
            MiniSakila.load(db);
            assertThat(db.select(count()).from(MiniSakila.Film.FILM).fetchValue(count())).isEqualTo(6L);
            assertThat(db.select(count()).from(MiniSakila.Rental.RENTAL).where(MiniSakila.Rental.RENTAL.returnDate.isNull())
                    .fetchValue(count())).isEqualTo(2L);
            var amount = sum(MiniSakila.Payment.PAYMENT.amount);
            assertThat(db.select(amount).from(MiniSakila.Payment.PAYMENT).fetchValue(amount)).isEqualTo(new BigDecimal("21.92"));
            MiniSakila.drop(db);
        }
    }
}
