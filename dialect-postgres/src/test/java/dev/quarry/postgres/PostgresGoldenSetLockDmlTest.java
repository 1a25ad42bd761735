package dev.quarry.postgres;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Record3;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.testkit.MiniSakila.Actor;
import dev.quarry.testkit.MiniSakila.Customer;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.FilmActor;
import dev.quarry.testkit.MiniSakila.Language;
import dev.quarry.testkit.MiniSakila.Payment;
import dev.quarry.testkit.MiniSakila.Rental;
import dev.quarry.testkit.SetLockDmlSuite.FilmCopy;
import dev.quarry.testkit.SetLockDmlSuite.FilmPrice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.max;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden PostgreSQL SQL and binds of set operations, locking clauses, INSERT ... SELECT, UPDATE ... FROM
 * and DELETE ... USING, rendered with {@link PostgresDialect#INSTANCE} and no connection. PostgreSQL
 * has every form, in the standard spelling the SPI's defaults follow. In the expected SQL a backtick
 * stands for a double quote.
 */
class PostgresGoldenSetLockDmlTest {
    private static final Film F = Film.FILM;
    private static final Rental R = Rental.RENTAL;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;
    private static final Actor AC = Actor.ACTOR;
    private static final Language L = Language.LANGUAGE;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Payment PAY = Payment.PAYMENT;
    private static final FilmCopy COPY = FilmCopy.FILM_COPY;
    private static final FilmPrice PRICE = FilmPrice.FILM_PRICE;
    private static final PostgresDialect PG = PostgresDialect.INSTANCE;

    private static final String RENTED = "SELECT `ms_rental`.`film_id` FROM `ms_rental`";
    private static final String COMEDY = "SELECT `ms_film`.`film_id` FROM `ms_film` WHERE `ms_film`.`category_id` = ?";
    private static final String CAST = "SELECT `ms_film_actor`.`film_id` FROM `ms_film_actor`";
    private static final String FILM_1 = "SELECT `ms_film`.`film_id` FROM `ms_film` WHERE `ms_film`.`film_id` = ?";

    private static Select<Record1<Integer>> rented() { return Dsl.select(R.filmId).from(R); }

    private static Select<Record1<Integer>> comedy() { return Dsl.select(F.filmId).from(F).where(F.categoryId.eq(2)); }

    private static Select<Record1<Integer>> cast() { return Dsl.select(FA.filmId).from(FA); }

    private static Select<Record1<Integer>> film1() { return Dsl.select(F.filmId).from(F).where(F.filmId.eq(1)); }

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql.replace('`', '"'));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    // ---- set operations ------------------------------------------------------------------------

    @Test
    void unionWithOrderLimitAndOffsetOnTheWhole() {
        assertRendered(rented().union(comedy()).orderBy(R.filmId.desc()).limit(3).offset(1).render(PG),
                RENTED + " UNION " + COMEDY + " ORDER BY `film_id` DESC LIMIT ? OFFSET ?", 2, 3L, 1L);
        assertRendered(rented().union(comedy()).orderBy(R.filmId.asc().nullsLast()).offset(2).render(PG),
                RENTED + " UNION " + COMEDY + " ORDER BY `film_id` ASC NULLS LAST OFFSET ?", 2, 2L);
    }

    @Test
    void everyOperatorWithAndWithoutAll() {
        assertRendered(rented().unionAll(comedy()).render(PG), RENTED + " UNION ALL " + COMEDY, 2);
        assertRendered(rented().intersect(comedy()).render(PG), RENTED + " INTERSECT " + COMEDY, 2);
        assertRendered(rented().intersectAll(cast()).render(PG), RENTED + " INTERSECT ALL " + CAST);
        assertRendered(rented().except(comedy()).render(PG), RENTED + " EXCEPT " + COMEDY, 2);
        assertRendered(rented().exceptAll(cast()).render(PG), RENTED + " EXCEPT ALL " + CAST);
    }

    @Test
    void parenthesesKeepTheMeaningOfTheJavaExpression() {
        // INTERSECT binds more tightly than UNION: the left UNION must be parenthesized
        assertRendered(comedy().union(rented()).intersect(cast()).render(PG),
                "(" + COMEDY + " UNION " + RENTED + ") INTERSECT " + CAST, 2);
        assertRendered(comedy().union(rented().intersect(cast())).render(PG),
                COMEDY + " UNION (" + RENTED + " INTERSECT " + CAST + ")", 2);
        assertRendered(comedy().intersect(rented()).union(cast()).render(PG),
                COMEDY + " INTERSECT " + RENTED + " UNION " + CAST, 2);
        assertRendered(rented().union(comedy()).except(cast()).render(PG),
                RENTED + " UNION " + COMEDY + " EXCEPT " + CAST, 2);
        assertRendered(cast().except(comedy().union(rented())).render(PG),
                CAST + " EXCEPT (" + COMEDY + " UNION " + RENTED + ")", 2);
        var longest = Dsl.select(F.filmId).from(F).orderBy(F.length.desc().nullsLast()).limit(1);
        assertRendered(longest.union(rented()).orderBy(F.filmId.asc()).render(PG),
                "(SELECT `ms_film`.`film_id` FROM `ms_film` ORDER BY `ms_film`.`length` DESC NULLS LAST LIMIT ?) UNION "
                        + RENTED + " ORDER BY `film_id` ASC", 1L);
    }

    @Test
    void orderByAnAliasOfTheLeftSide() {
        var name = F.title.as("name");
        assertRendered(Dsl.select(name).from(F).union(Dsl.select(AC.firstName).from(AC)).orderBy(name.desc()).limit(3).render(PG),
                "SELECT `ms_film`.`title` AS `name` FROM `ms_film` UNION SELECT `ms_actor`.`first_name` FROM `ms_actor` "
                        + "ORDER BY `name` DESC LIMIT ?", 3L);
    }

    // ---- row locking ---------------------------------------------------------------------------

    @Test
    void lockingClauses() {
        assertRendered(film1().forUpdate().render(PG), FILM_1 + " FOR UPDATE", 1);
        assertRendered(film1().forShare().render(PG), FILM_1 + " FOR SHARE", 1);
        assertRendered(film1().forUpdate().noWait().render(PG), FILM_1 + " FOR UPDATE NOWAIT", 1);
        assertRendered(Dsl.select(F.filmId).from(F).orderBy(F.filmId.asc()).limit(1).forUpdate().skipLocked().render(PG),
                "SELECT `ms_film`.`film_id` FROM `ms_film` ORDER BY `ms_film`.`film_id` ASC LIMIT ? FOR UPDATE SKIP LOCKED", 1L);
        assertRendered(Dsl.select(F.filmId, L.name).from(F).join(L).on(L.languageId.eq(F.languageId)).forShare().of(F, L).noWait().render(PG),
                "SELECT `ms_film`.`film_id`, `ms_language`.`name` FROM `ms_film` JOIN `ms_language` ON `ms_language`.`language_id` = "
                        + "`ms_film`.`language_id` FOR SHARE OF `ms_film`, `ms_language` NOWAIT");
        // a second call replaces the clause, the last wait policy wins
        assertRendered(film1().forUpdate().noWait().forShare().skipLocked().render(PG), FILM_1 + " FOR SHARE SKIP LOCKED", 1);
        assertRendered(film1().forUpdate().noWait().skipLocked().render(PG), FILM_1 + " FOR UPDATE SKIP LOCKED", 1);
    }

    // ---- INSERT ... SELECT ---------------------------------------------------------------------

    @Test
    void insertSelect() {
        assertRendered(Dsl.insertInto(COPY, COPY.filmId, COPY.title)
                        .select(Dsl.select(F.filmId, F.title).from(F).where(F.rentalRate.gt(new BigDecimal("2.00")))).render(PG),
                "INSERT INTO `ms_film_copy` (`film_id`, `title`) SELECT `ms_film`.`film_id`, `ms_film`.`title` FROM `ms_film` "
                        + "WHERE `ms_film`.`rental_rate` > ?", new BigDecimal("2.00"));
        assertRendered(Dsl.insertInto(COPY).select(Dsl.select(F.filmId, F.title, F.rentalRate, F.length).from(F)
                        .union(Dsl.select(F.filmId, F.title, F.rentalRate, F.length).from(F))).returning(COPY.filmId, COPY.title).render(PG),
                "INSERT INTO `ms_film_copy` (`film_id`, `title`, `rental_rate`, `length`) "
                        + "SELECT `ms_film`.`film_id`, `ms_film`.`title`, `ms_film`.`rental_rate`, `ms_film`.`length` FROM `ms_film` UNION "
                        + "SELECT `ms_film`.`film_id`, `ms_film`.`title`, `ms_film`.`rental_rate`, `ms_film`.`length` FROM `ms_film` "
                        + "RETURNING `film_id`, `title`");
        assertRendered(Dsl.insertInto(PRICE, PRICE.filmId, PRICE.rentals)
                        .select(Dsl.select(R.filmId, count()).from(R).groupBy(R.filmId).having(count().gt(1L))).render(PG),
                "INSERT INTO `ms_film_price` (`film_id`, `rentals`) SELECT `ms_rental`.`film_id`, COUNT(*) FROM `ms_rental` "
                        + "GROUP BY `ms_rental`.`film_id` HAVING COUNT(*) > ?", 1L);
    }

    // ---- UPDATE ... FROM and with a subquery ------------------------------------------------------

    /** A scalar subquery made with the public extension point, independent of the DSL's own subquery API. */
    private record ScalarSubquery<T>(Select<Record1<T>> query) implements Field<T> {
        @Override
        @SuppressWarnings("unchecked")
        public DataType<T> type() { return (DataType<T>) query.fields().get(0).type(); }

        @Override
        public String name() { return "subquery"; }

        @Override
        public void renderTo(SqlBuilder b) { b.append('(').visit(query).append(')'); }
    }

    @Test
    void updateFromOtherTables() {
        assertRendered(Dsl.update(F).set(F.rentalRate, new BigDecimal("5.99")).set(F.length, PRICE.rentals)
                        .from(PRICE).where(PRICE.filmId.eq(F.filmId)).render(PG),
                "UPDATE `ms_film` SET `rental_rate` = ?, `length` = `ms_film_price`.`rentals` FROM `ms_film_price` "
                        + "WHERE `ms_film_price`.`film_id` = `ms_film`.`film_id`", new BigDecimal("5.99"));
        assertRendered(Dsl.update(F).set(F.rentalRate, new BigDecimal("1.49")).from(PRICE, L)
                        .where(PRICE.filmId.eq(F.filmId).and(L.languageId.eq(F.languageId)).and(L.name.eq("French")))
                        .returning(F.filmId, PRICE.rentals).render(PG),
                "UPDATE `ms_film` SET `rental_rate` = ? FROM `ms_film_price`, `ms_language` WHERE `ms_film_price`.`film_id` = "
                        + "`ms_film`.`film_id` AND `ms_language`.`language_id` = `ms_film`.`language_id` AND `ms_language`.`name` = ? "
                        + "RETURNING `ms_film`.`film_id`, `ms_film_price`.`rentals`", new BigDecimal("1.49"), "French");
    }

    @Test
    void updateWithACorrelatedSubqueryValue() {
        var highest = new ScalarSubquery<>(Dsl.select(max(PAY.amount)).from(PAY).join(R).on(R.rentalId.eq(PAY.rentalId))
                .where(R.filmId.eq(F.filmId)));
        assertRendered(Dsl.update(F).set(F.rentalRate, highest).where(F.filmId.in(1, 3)).returning(F.rentalRate).render(PG),
                "UPDATE `ms_film` SET `rental_rate` = (SELECT MAX(`ms_payment`.`amount`) FROM `ms_payment` JOIN `ms_rental` "
                        + "ON `ms_rental`.`rental_id` = `ms_payment`.`rental_id` WHERE `ms_rental`.`film_id` = `ms_film`.`film_id`) "
                        + "WHERE `ms_film`.`film_id` IN (?, ?) RETURNING `rental_rate`", 1, 3);
    }

    // ---- DELETE ... USING ----------------------------------------------------------------------

    @Test
    void deleteUsing() {
        assertRendered(Dsl.deleteFrom(PAY).using(CU).where(CU.customerId.eq(PAY.customerId).and(CU.active.eq(false))).render(PG),
                "DELETE FROM `ms_payment` USING `ms_customer` WHERE `ms_customer`.`customer_id` = `ms_payment`.`customer_id` "
                        + "AND `ms_customer`.`active` = ?", false);
        assertRendered(Dsl.deleteFrom(R).using(CU, F).where(CU.customerId.eq(R.customerId).and(F.filmId.eq(R.filmId)))
                        .returning(R.rentalId, CU.firstName).render(PG),
                "DELETE FROM `ms_rental` USING `ms_customer`, `ms_film` WHERE `ms_customer`.`customer_id` = `ms_rental`.`customer_id` "
                        + "AND `ms_film`.`film_id` = `ms_rental`.`film_id` RETURNING `ms_rental`.`rental_id`, `ms_customer`.`first_name`");
    }

    // ---- typed rows ----------------------------------------------------------------------------

    @Test
    void aTypedSelectRendersAsTheUntypedOne() {
        Select<Record3<String, String, Integer>> typed = Dsl.select(F.title, L.name, F.length).from(F)
                .leftJoin(L).on(L.languageId.eq(F.originalLanguageId)).where(F.filmId.eq(5));
        Field<?>[] fields = {F.title, L.name, F.length};
        Select<Row> untyped = Dsl.select(fields).from(F).leftJoin(L).on(L.languageId.eq(F.originalLanguageId)).where(F.filmId.eq(5));
        assertRendered(typed.render(PG), "SELECT `ms_film`.`title`, `ms_language`.`name`, `ms_film`.`length` FROM `ms_film` "
                + "LEFT JOIN `ms_language` ON `ms_language`.`language_id` = `ms_film`.`original_language_id` WHERE `ms_film`.`film_id` = ?", 5);
        assertThat(untyped.render(PG)).isEqualTo(typed.render(PG));
    }
}
