package dev.quarry.examples.sakila;

import dev.quarry.dsl.Field;
import dev.quarry.dsl.Row;
import dev.quarry.examples.sakila.SakilaReports.NeverRented;
import dev.quarry.examples.sakila.SakilaReports.TableRows;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.examples.sakila.Film.FILM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loads Sakila once into an SQLite file and checks every read-only report against figures computed
 * with plain JDBC SQL (and, where the Sakila data is well known, against fixed values).
 */
class SakilaReportsTest {
    /** Row counts from the Sakila README. */
    static final Map<String, Long> README_COUNTS = new TreeMap<>(Map.ofEntries(
            Map.entry("actor", 200L), Map.entry("address", 603L), Map.entry("category", 16L), Map.entry("city", 600L),
            Map.entry("country", 109L), Map.entry("customer", 599L), Map.entry("film", 1000L),
            Map.entry("film_actor", 5462L), Map.entry("film_category", 1000L), Map.entry("inventory", 4581L),
            Map.entry("language", 6L), Map.entry("payment", 16049L), Map.entry("rental", 16044L),
            Map.entry("staff", 2L), Map.entry("store", 2L)));

    private static final DateTimeFormatter SQLITE_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @TempDir
    static Path dir;

    private static SakilaFixture sakila;
    private static SakilaReports reports;

    @BeforeAll
    static void load() {
        sakila = SakilaFixture.load(dir);
        reports = new SakilaReports(sakila.db);
    }

    @AfterAll
    static void close() {
        if (sakila != null) sakila.close();
    }

    // ---- loading -------------------------------------------------------------------------------

    @Test
    void loaderReportsTheReadmeRowCountPerTableInLoadOrder() {
        Map<String, Long> loaded = new LinkedHashMap<>();
        sakila.loaded.forEach((table, rows) -> loaded.put(table.name(), rows.longValue()));
        assertThat(loaded.keySet()).containsExactlyElementsOf(Sakila.TABLES.stream().map(Table::name).toList());
        assertThat(new TreeMap<>(loaded)).isEqualTo(README_COUNTS);
        assertThat(sakila.progress).contains("loading payment       ... 16049 rows\n", "loading store         ...     2 rows\n");
        assertThat(sakila.progress.lines()).hasSize(15);
    }

    @Test
    void rowCountReportMatchesTheReadmeAndJdbc() {
        Map<String, Long> reported = reports.rowCounts().stream().collect(Collectors.toMap(TableRows::table, TableRows::rows));
        assertThat(new TreeMap<>(reported)).isEqualTo(README_COUNTS);
        assertThat(reports.rowCounts()).extracting(TableRows::table).isSorted();
        for (String table : README_COUNTS.keySet()) {
            assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM " + table)).as(table).isEqualTo(README_COUNTS.get(table));
        }
    }

    @Test
    void paymentTotalIsExact() {
        assertThat(reports.paymentTotal()).isEqualTo(new BigDecimal("67416.51"));
        assertThat(Jdbc.query(sakila.db, "SELECT printf('%.2f', sum(amount)) FROM payment").get(0).get(0)).isEqualTo("67416.51");
    }

    @Test
    void ddlCreatedEveryIndexAndTheDataSatisfiesEveryForeignKey() {
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"))
                .isEqualTo(24);
        assertThat(Jdbc.query(sakila.db, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'"))
                .containsExactly(List.of("idx_rental_uq"));
        assertThat(Jdbc.query(sakila.db, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(Jdbc.query(sakila.db, "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('payment') "
                + "ORDER BY \"from\""))
                .containsExactly(
                        List.of("customer", "customer_id", "customer_id", "NO ACTION", "NO ACTION"),
                        List.of("rental", "rental_id", "rental_id", "CASCADE", "SET NULL"),
                        List.of("staff", "staff_id", "staff_id", "NO ACTION", "NO ACTION"));
        assertThat(Jdbc.query(sakila.db, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list('store') ORDER BY \"from\""))
                .containsExactly(List.of("address", "address_id"), List.of("staff", "manager_staff_id"));
        assertThat(Jdbc.query(sakila.db, "SELECT name FROM pragma_index_info('idx_fk_film_id_store_id') ORDER BY seqno"))
                .containsExactly(List.of("store_id"), List.of("film_id"));
    }

    @Test
    void nullsEmptyStringsAndTypedValuesSurviveTheLoad() {
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM address WHERE address2 IS NULL")).isEqualTo(4);
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM address WHERE address2 = ''")).isEqualTo(599);
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM address WHERE postal_code IS NULL")).isZero();
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM address WHERE postal_code = ''")).isEqualTo(4);
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM payment WHERE rental_id IS NULL")).isEqualTo(5);
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM rental WHERE return_date IS NULL")).isEqualTo(183);
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM film WHERE original_language_id IS NULL")).isEqualTo(1000);
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM staff WHERE picture IS NULL")).isEqualTo(2);
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM customer WHERE active = 0")).isEqualTo(15);
        // the 2006 timestamps are kept (no trigger or default overwrote them)
        assertThat(Jdbc.query(sakila.db, "SELECT last_update, create_date FROM customer WHERE customer_id = 1"))
                .containsExactly(List.of("2006-02-15 04:57:20", "2006-02-14 22:04:36"));

        // read back through Quarry's types
        Row film = sakila.db.select(FILM.title, FILM.rating, FILM.length, FILM.rentalRate, FILM.specialFeatures, FILM.lastUpdate)
                .from(FILM).where(FILM.filmId.eq(1)).fetchOne();
        assertThat(film.get(FILM.title)).isEqualTo("ACADEMY DINOSAUR");
        assertThat(film.get(FILM.rating)).isEqualTo(MpaaRating.PG);
        assertThat(film.get(FILM.length)).isEqualTo((short) 86);
        assertThat(film.get(FILM.rentalRate)).isEqualTo(new BigDecimal("0.99"));
        assertThat(film.get(FILM.specialFeatures)).isEqualTo("Deleted Scenes,Behind the Scenes");
        assertThat(film.get(FILM.lastUpdate)).isEqualTo(LocalDateTime.of(2006, 2, 15, 5, 3, 42));
        assertThat(sakila.db.select(Staff.STAFF.active).from(Staff.STAFF).fetch()).extracting(r -> r.get(Staff.STAFF.active))
                .containsExactly(true, true);

        // every rating label maps to its enum constant: counts per rating agree with plain SQL
        Field<Long> films = count();
        Map<String, Long> byRating = new TreeMap<>();
        for (Row r : sakila.db.select(FILM.rating, films).from(FILM).groupBy(FILM.rating).fetch()) {
            byRating.put(r.get(FILM.rating).dbName(), r.get(films));
        }
        Map<String, Long> expected = new TreeMap<>();
        for (List<String> r : Jdbc.query(sakila.db, "SELECT rating, count(*) FROM film GROUP BY rating")) {
            expected.put(r.get(0), Long.parseLong(r.get(1)));
        }
        assertThat(byRating).isEqualTo(expected).containsKeys("PG-13", "NC-17").hasSize(5);
    }

    // ---- report 1 --------------------------------------------------------------------------------

    @Test
    void topCustomersMatchPlainSql() {
        List<List<String>> expected = Jdbc.query(sakila.db,
                "SELECT c.customer_id, c.first_name, c.last_name, count(DISTINCT p.rental_id), printf('%.2f', sum(p.amount)) "
                        + "FROM customer c JOIN payment p ON p.customer_id = c.customer_id "
                        + "GROUP BY c.customer_id, c.first_name, c.last_name "
                        + "ORDER BY round(sum(p.amount), 2) DESC, c.customer_id LIMIT 10");
        List<List<String>> actual = reports.topCustomers(10).stream()
                .map(c -> List.of(String.valueOf(c.customerId()), c.firstName(), c.lastName(), String.valueOf(c.rentals()),
                        c.totalPaid().toPlainString()))
                .toList();
        assertThat(actual).hasSize(10).isEqualTo(expected);
        assertThat(actual.get(0)).containsExactly("526", "KARL", "SEAL", "45", "221.55");
        // customers 137 and 178 tie at 194.61: the lower id comes first
        assertThat(actual.get(3).get(0)).isEqualTo("137");
        assertThat(actual.get(4).get(0)).isEqualTo("178");
        assertThat(actual.get(3).get(4)).isEqualTo(actual.get(4).get(4));
    }

    @Test
    void topCustomersRentalCountsAgreeWithTheRentalTable() {
        for (SakilaReports.TopCustomer c : reports.topCustomers(10)) {
            assertThat(c.rentals()).as("customer %d", c.customerId())
                    .isEqualTo(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM rental WHERE customer_id = " + c.customerId()));
        }
    }

    @Test
    void reportLimitsAreChecked() {
        assertThat(reports.topCustomers(0)).isEmpty();
        assertThat(reports.topActors(1)).hasSize(1);
        assertThatThrownBy(() -> reports.openRentals(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    // ---- report 2 --------------------------------------------------------------------------------

    @Test
    void categoryRevenueMatchesPlainSql() {
        List<List<String>> expected = Jdbc.query(sakila.db,
                "SELECT cat.name, count(p.payment_id), printf('%.2f', sum(p.amount)) FROM payment p "
                        + "JOIN rental r ON r.rental_id = p.rental_id "
                        + "JOIN inventory i ON i.inventory_id = r.inventory_id "
                        + "JOIN film_category fc ON fc.film_id = i.film_id "
                        + "JOIN category cat ON cat.category_id = fc.category_id "
                        + "GROUP BY cat.category_id, cat.name ORDER BY round(sum(p.amount), 2) DESC, cat.name");
        List<List<String>> actual = reports.revenueByCategory().stream()
                .map(c -> List.of(c.category(), String.valueOf(c.payments()), c.revenue().toPlainString()))
                .toList();
        assertThat(actual).hasSize(16).isEqualTo(expected);
        assertThat(actual.get(0)).containsExactly("Sports", "1179", "5314.21");

        // the categories account for every payment except the 5 without a rental
        BigDecimal categories = reports.revenueByCategory().stream().map(SakilaReports.CategoryRevenue::revenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal withoutRental = new BigDecimal(Jdbc.query(sakila.db,
                "SELECT printf('%.2f', sum(amount)) FROM payment WHERE rental_id IS NULL").get(0).get(0));
        assertThat(categories.add(withoutRental)).isEqualTo(new BigDecimal("67416.51"));
    }

    // ---- report 3 --------------------------------------------------------------------------------

    @Test
    void topActorsMatchPlainSql() {
        List<List<String>> expected = Jdbc.query(sakila.db,
                "SELECT a.actor_id, a.first_name, a.last_name, count(*) FROM actor a "
                        + "JOIN film_actor fa ON fa.actor_id = a.actor_id "
                        + "GROUP BY a.actor_id, a.first_name, a.last_name ORDER BY count(*) DESC, a.actor_id LIMIT 5");
        List<List<String>> actual = reports.topActors(5).stream()
                .map(a -> List.of(String.valueOf(a.actorId()), a.firstName(), a.lastName(), String.valueOf(a.films())))
                .toList();
        assertThat(actual).hasSize(5).isEqualTo(expected);
        assertThat(actual.get(0)).containsExactly("107", "GINA", "DEGENERES", "42");
    }

    // ---- report 4 --------------------------------------------------------------------------------

    @Test
    void neverRentedFilmsMatchPlainSqlWithNotExists() {
        List<List<String>> expected = Jdbc.query(sakila.db,
                "SELECT f.film_id, f.title FROM film f WHERE NOT EXISTS ("
                        + "SELECT 1 FROM inventory i JOIN rental r ON r.inventory_id = i.inventory_id WHERE i.film_id = f.film_id) "
                        + "ORDER BY f.film_id");
        NeverRented result = reports.neverRentedFilms();
        assertThat(result.films().stream().map(f -> List.of(String.valueOf(f.filmId()), f.title())).toList()).isEqualTo(expected);
        assertThat(result.count()).isEqualTo(expected.size()).isEqualTo(42);
        assertThat(result.totalFilms()).isEqualTo(1000);
        // in the Sakila data, every film with a copy has been rented: the 42 are the films no store holds
        assertThat(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM film f WHERE NOT EXISTS "
                + "(SELECT 1 FROM inventory i WHERE i.film_id = f.film_id)")).isEqualTo(42);
    }

    // ---- report 5 --------------------------------------------------------------------------------

    @Test
    void openRentalsMatchPlainSql() {
        List<List<String>> expected = Jdbc.query(sakila.db,
                "SELECT r.rental_id, r.rental_date, c.first_name, c.last_name, f.title FROM rental r "
                        + "JOIN customer c ON c.customer_id = r.customer_id "
                        + "JOIN inventory i ON i.inventory_id = r.inventory_id "
                        + "JOIN film f ON f.film_id = i.film_id "
                        + "WHERE r.return_date IS NULL ORDER BY r.rental_date, r.rental_id LIMIT 10");
        List<List<String>> actual = reports.openRentals(10).stream()
                .map(r -> List.of(String.valueOf(r.rentalId()), SQLITE_TIMESTAMP.format(r.rentalDate()), r.firstName(),
                        r.lastName(), r.title()))
                .toList();
        assertThat(actual).hasSize(10).isEqualTo(expected);
        assertThat(actual.get(0)).containsExactly("14098", "2005-08-21 00:30:32", "DWAYNE", "OLVERA", "ACADEMY DINOSAUR");
        assertThat(reports.openRentalCount())
                .isEqualTo(Jdbc.queryLong(sakila.db, "SELECT count(*) FROM rental WHERE return_date IS NULL"))
                .isEqualTo(183);
    }
}
