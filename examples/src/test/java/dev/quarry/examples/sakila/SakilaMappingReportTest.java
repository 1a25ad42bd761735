package dev.quarry.examples.sakila;

import dev.quarry.examples.sakila.SakilaReports.CustomerLine;
import dev.quarry.examples.sakila.SakilaReports.StoreCustomers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Report 7: the mapping layer over the full Sakila data, checked against plain SQL and by its query count. */
class SakilaMappingReportTest {
    @TempDir
    Path dir;

    @Test
    void storeCustomersWalksThreeRelationLevelsInFourQueries() {
        StatementCounter counter = new StatementCounter();
        try (SakilaFixture sakila = SakilaFixture.load(dir, counter)) {
            StoreCustomers report = new SakilaReports(sakila.db).storeCustomers(2, 5, counter);
            assertThat(report.queries()).isEqualTo(4);
            assertThat(report.customers()).isEqualTo(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM customer WHERE store_id = 2"));
            assertThat(report.rentals()).isEqualTo(Jdbc.queryLong(sakila.db,
                    "SELECT count(*) FROM rental r JOIN customer c ON c.customer_id = r.customer_id WHERE c.store_id = 2"));
            assertThat(report.films()).isEqualTo(Jdbc.queryLong(sakila.db, "SELECT count(DISTINCT i.film_id) FROM rental r"
                    + " JOIN customer c ON c.customer_id = r.customer_id JOIN inventory i ON i.inventory_id = r.inventory_id"
                    + " WHERE c.store_id = 2"));
            assertThat(report.customers()).isEqualTo(273);
            assertThat(report.rentals()).isEqualTo(7_297);
            assertThat(report.films()).isEqualTo(958);
            CustomerLine first = report.first().get(0);
            assertThat(first.name()).isEqualTo("KATHLEEN ADAMS");
            String latest = Jdbc.query(sakila.db, "SELECT f.title FROM rental r JOIN customer c ON c.customer_id = r.customer_id"
                    + " JOIN inventory i ON i.inventory_id = r.inventory_id JOIN film f ON f.film_id = i.film_id"
                    + " WHERE c.first_name = 'KATHLEEN' AND c.last_name = 'ADAMS' ORDER BY r.rental_id DESC LIMIT 1").get(0).get(0);
            assertThat(first.latestFilm()).isEqualTo(latest);
            assertThat(first.rentals()).isEqualTo(27);
            assertThat(report.first()).hasSize(5);
        }
    }
}
