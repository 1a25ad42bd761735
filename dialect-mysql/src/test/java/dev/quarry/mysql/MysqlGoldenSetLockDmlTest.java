package dev.quarry.mysql;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Record3;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.Dialect;
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
import java.util.function.Function;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.max;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden MySQL and MariaDB SQL and binds of set operations, locking clauses, INSERT ... SELECT, the
 * multiple-table UPDATE and DELETE, rendered without a connection for MariaDB ({@link MysqlDialect#MARIADB},
 * 10.6), MySQL 8.0.16 ({@link MysqlDialect#MYSQL_8}), MySQL 8.0.31 and older MariaDB versions, where the
 * version decides what is refused.
 */
class MysqlGoldenSetLockDmlTest {
    private static final Film F = Film.FILM;
    private static final Rental R = Rental.RENTAL;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;
    private static final Actor AC = Actor.ACTOR;
    private static final Language L = Language.LANGUAGE;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Payment PAY = Payment.PAYMENT;
    private static final FilmCopy COPY = FilmCopy.FILM_COPY;
    private static final FilmPrice PRICE = FilmPrice.FILM_PRICE;

    private static final MysqlDialect MARIADB = MysqlDialect.MARIADB;
    private static final MysqlDialect MYSQL_8 = MysqlDialect.MYSQL_8;
    private static final MysqlDialect MYSQL_8_0_31 = MysqlDialect.of("MySQL", "8.0.31");

    private static final String RENTED = "SELECT `ms_rental`.`film_id` FROM `ms_rental`";
    private static final String COMEDY = "SELECT `ms_film`.`film_id` FROM `ms_film` WHERE `ms_film`.`category_id` = ?";
    private static final String CAST = "SELECT `ms_film_actor`.`film_id` FROM `ms_film_actor`";
    private static final String FILM_1 = "SELECT `ms_film`.`film_id` FROM `ms_film` WHERE `ms_film`.`film_id` = ?";

    private static Select<Record1<Integer>> rented() { return Dsl.select(R.filmId).from(R); }

    private static Select<Record1<Integer>> comedy() { return Dsl.select(F.filmId).from(F).where(F.categoryId.eq(2)); }

    private static Select<Record1<Integer>> cast() { return Dsl.select(FA.filmId).from(FA); }

    private static Select<Record1<Integer>> film1() { return Dsl.select(F.filmId).from(F).where(F.filmId.eq(1)); }

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql);
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    /** Checks the SQL for MariaDB 10.6, MySQL 8.0.16 and MySQL 8.0.31, which spell it the same. */
    private static void assertAll(Function<Dialect, Rendered> render, String expectedSql, Object... expectedBinds) {
        for (Dialect d : new Dialect[] {MARIADB, MYSQL_8, MYSQL_8_0_31}) assertRendered(render.apply(d), expectedSql, expectedBinds);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String dialect, String feature) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UnsupportedDialectFeatureException.class, e -> {
            assertThat(e.dialect()).isEqualTo(dialect);
            assertThat(e.feature()).isEqualTo(feature);
        });
    }

    // ---- set operations ------------------------------------------------------------------------

    @Test
    void unionWithOrderLimitAndOffsetOnTheWhole() {
        assertAll(d -> rented().union(comedy()).orderBy(R.filmId.desc()).limit(3).offset(1).render(d),
                RENTED + " UNION " + COMEDY + " ORDER BY `film_id` DESC LIMIT ? OFFSET ?", 2, 3L, 1L);
        // NULLS LAST ascending is emulated with a leading sort key on the result column's name
        assertAll(d -> rented().union(comedy()).orderBy(R.filmId.asc().nullsLast()).offset(2).render(d),
                RENTED + " UNION " + COMEDY + " ORDER BY `film_id` IS NULL ASC, `film_id` ASC LIMIT 18446744073709551615 OFFSET ?", 2, 2L);
        assertAll(d -> rented().unionAll(comedy()).render(d), RENTED + " UNION ALL " + COMEDY, 2);
    }

    @Test
    void intersectAndExceptByServerVersion() {
        for (Dialect d : new Dialect[] {MARIADB, MYSQL_8_0_31}) {
            assertRendered(rented().intersect(comedy()).render(d), RENTED + " INTERSECT " + COMEDY, 2);
            assertRendered(rented().intersectAll(cast()).render(d), RENTED + " INTERSECT ALL " + CAST);
            assertRendered(rented().except(comedy()).render(d), RENTED + " EXCEPT " + COMEDY, 2);
            assertRendered(rented().exceptAll(cast()).render(d), RENTED + " EXCEPT ALL " + CAST);
        }
        assertRefused(() -> rented().intersect(comedy()).render(MYSQL_8), "mysql",
                "INTERSECT (it needs MySQL 8.0.31 or later; this server is MySQL 8.0.16)");
        assertRefused(() -> rented().exceptAll(cast()).render(MYSQL_8), "mysql",
                "EXCEPT ALL (it needs MySQL 8.0.31 or later; this server is MySQL 8.0.16)");
        assertRefused(() -> rented().intersectAll(cast()).render(MysqlDialect.of("MariaDB", "10.4.30-MariaDB")), "mariadb",
                "INTERSECT ALL (it needs MariaDB 10.5 or later; this server is MariaDB 10.4.30)");
        assertRefused(() -> rented().except(cast()).render(MysqlDialect.of("MariaDB", "10.2.44-MariaDB")), "mariadb",
                "EXCEPT (it needs MariaDB 10.3 or later; this server is MariaDB 10.2.44)");
    }

    @Test
    void parenthesesKeepTheMeaningOfTheJavaExpression() {
        for (Dialect d : new Dialect[] {MARIADB, MYSQL_8_0_31}) {
            assertRendered(comedy().union(rented()).intersect(cast()).render(d),
                    "(" + COMEDY + " UNION " + RENTED + ") INTERSECT " + CAST, 2);
            assertRendered(comedy().union(rented().intersect(cast())).render(d),
                    COMEDY + " UNION (" + RENTED + " INTERSECT " + CAST + ")", 2);
            assertRendered(comedy().intersect(rented()).union(cast()).render(d),
                    COMEDY + " INTERSECT " + RENTED + " UNION " + CAST, 2);
        }
        assertAll(d -> rented().union(comedy()).union(cast()).render(d), RENTED + " UNION " + COMEDY + " UNION " + CAST, 2);
        // a single SELECT in parentheses works on every version; a compound one needs MySQL 8.0.22 / MariaDB 10.4
        assertAll(d -> Dsl.select(F.filmId).from(F).orderBy(F.length.desc().nullsLast()).limit(1).union(rented()).render(d),
                "(SELECT `ms_film`.`film_id` FROM `ms_film` ORDER BY `ms_film`.`length` DESC LIMIT ?) UNION " + RENTED, 1L);
        assertRendered(rented().union(comedy().unionAll(cast())).render(MYSQL_8_0_31),
                RENTED + " UNION (" + COMEDY + " UNION ALL " + CAST + ")", 2);
        assertRefused(() -> rented().union(comedy().unionAll(cast())).render(MYSQL_8), "mysql",
                "a set operation in parentheses inside another (it needs MySQL 8.0.22 or later; this server is MySQL 8.0.16)");
    }

    @Test
    void orderByAnAliasOfTheLeftSide() {
        var name = F.title.as("name");
        assertAll(d -> Dsl.select(name).from(F).union(Dsl.select(AC.firstName).from(AC)).orderBy(name.desc().nullsFirst()).render(d),
                "SELECT `ms_film`.`title` AS `name` FROM `ms_film` UNION SELECT `ms_actor`.`first_name` FROM `ms_actor` "
                        + "ORDER BY `name` IS NULL DESC, `name` DESC");
    }

    // ---- row locking ---------------------------------------------------------------------------

    @Test
    void lockingClausesOfMariaDb() {
        assertRendered(film1().forUpdate().render(MARIADB), FILM_1 + " FOR UPDATE", 1);
        assertRendered(film1().forShare().render(MARIADB), FILM_1 + " LOCK IN SHARE MODE", 1);
        assertRendered(film1().forUpdate().noWait().render(MARIADB), FILM_1 + " FOR UPDATE NOWAIT", 1);
        assertRendered(film1().forShare().skipLocked().render(MARIADB), FILM_1 + " LOCK IN SHARE MODE SKIP LOCKED", 1);
        assertRendered(Dsl.select(F.filmId).from(F).orderBy(F.filmId.asc()).limit(1).forUpdate().skipLocked().render(MARIADB),
                "SELECT `ms_film`.`film_id` FROM `ms_film` ORDER BY `ms_film`.`film_id` ASC LIMIT ? FOR UPDATE SKIP LOCKED", 1L);
        assertRefused(() -> film1().forUpdate().of(F).render(MARIADB), "mariadb",
                "FOR UPDATE OF [ms_film] (MariaDB locks the rows of every table of the query; it has no OF list)");
        assertRefused(() -> film1().forUpdate().skipLocked().render(MysqlDialect.of("MariaDB", "10.5.27-MariaDB")), "mariadb",
                "FOR UPDATE SKIP LOCKED (it needs MariaDB 10.6 or later; this server is MariaDB 10.5.27)");
        assertRefused(() -> film1().forShare().noWait().render(MysqlDialect.of("MariaDB", "10.2.44-MariaDB")), "mariadb",
                "FOR SHARE NOWAIT (it needs MariaDB 10.3 or later; this server is MariaDB 10.2.44)");
    }

    @Test
    void lockingClausesOfMySql8() {
        assertRendered(film1().forUpdate().render(MYSQL_8), FILM_1 + " FOR UPDATE", 1);
        assertRendered(film1().forShare().render(MYSQL_8), FILM_1 + " FOR SHARE", 1);
        assertRendered(film1().forUpdate().noWait().render(MYSQL_8), FILM_1 + " FOR UPDATE NOWAIT", 1);
        assertRendered(Dsl.select(F.filmId, L.name).from(F).join(L).on(L.languageId.eq(F.languageId)).forShare().of(F, L).skipLocked()
                        .render(MYSQL_8),
                "SELECT `ms_film`.`film_id`, `ms_language`.`name` FROM `ms_film` JOIN `ms_language` ON `ms_language`.`language_id` = "
                        + "`ms_film`.`language_id` FOR SHARE OF `ms_film`, `ms_language` SKIP LOCKED");
    }

    // ---- INSERT ... SELECT ---------------------------------------------------------------------

    @Test
    void insertSelect() {
        assertAll(d -> Dsl.insertInto(COPY, COPY.filmId, COPY.title)
                        .select(Dsl.select(F.filmId, F.title).from(F).where(F.rentalRate.gt(new BigDecimal("2.00")))).render(d),
                "INSERT INTO `ms_film_copy` (`film_id`, `title`) SELECT `ms_film`.`film_id`, `ms_film`.`title` FROM `ms_film` "
                        + "WHERE `ms_film`.`rental_rate` > ?", new BigDecimal("2.00"));
        assertAll(d -> Dsl.insertInto(PRICE, PRICE.filmId, PRICE.rentals)
                        .select(Dsl.select(R.filmId, count()).from(R).groupBy(R.filmId).having(count().gt(1L))).render(d),
                "INSERT INTO `ms_film_price` (`film_id`, `rentals`) SELECT `ms_rental`.`film_id`, COUNT(*) FROM `ms_rental` "
                        + "GROUP BY `ms_rental`.`film_id` HAVING COUNT(*) > ?", 1L);
        var returning = Dsl.insertInto(COPY).select(Dsl.select(F.filmId, F.title, F.rentalRate, F.length).from(F)).returning(COPY.filmId);
        assertRendered(returning.render(MARIADB), "INSERT INTO `ms_film_copy` (`film_id`, `title`, `rental_rate`, `length`) "
                + "SELECT `ms_film`.`film_id`, `ms_film`.`title`, `ms_film`.`rental_rate`, `ms_film`.`length` FROM `ms_film` RETURNING `film_id`");
        assertRefused(() -> returning.render(MYSQL_8), "mysql", "INSERT ... RETURNING (MySQL has no RETURNING clause)");
    }

    // ---- multiple-table UPDATE and a subquery value ---------------------------------------------

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
    void multipleTableUpdate() {
        assertAll(d -> Dsl.update(F).set(F.rentalRate, new BigDecimal("5.99")).set(F.length, PRICE.rentals)
                        .from(PRICE).where(PRICE.filmId.eq(F.filmId)).render(d),
                "UPDATE `ms_film`, `ms_film_price` SET `ms_film`.`rental_rate` = ?, `ms_film`.`length` = `ms_film_price`.`rentals` "
                        + "WHERE `ms_film_price`.`film_id` = `ms_film`.`film_id`", new BigDecimal("5.99"));
        assertAll(d -> Dsl.update(F).set(F.rentalRate, new BigDecimal("1.49")).from(PRICE, L)
                        .where(PRICE.filmId.eq(F.filmId).and(L.languageId.eq(F.languageId)).and(L.name.eq("French"))).render(d),
                "UPDATE `ms_film`, `ms_film_price`, `ms_language` SET `ms_film`.`rental_rate` = ? WHERE `ms_film_price`.`film_id` = "
                        + "`ms_film`.`film_id` AND `ms_language`.`language_id` = `ms_film`.`language_id` AND `ms_language`.`name` = ?",
                new BigDecimal("1.49"), "French");
        var returning = Dsl.update(F).set(F.length, 1).from(PRICE).where(PRICE.filmId.eq(F.filmId)).returning(F.filmId);
        assertRefused(() -> returning.render(MARIADB), "mariadb",
                "UPDATE ... FROM ... RETURNING (MariaDB has RETURNING only for INSERT and single-table DELETE)");
        assertRefused(() -> returning.render(MYSQL_8), "mysql", "UPDATE ... FROM ... RETURNING (MySQL has no RETURNING clause)");
    }

    @Test
    void updateWithACorrelatedSubqueryValue() {
        var highest = new ScalarSubquery<>(Dsl.select(max(PAY.amount)).from(PAY).join(R).on(R.rentalId.eq(PAY.rentalId))
                .where(R.filmId.eq(F.filmId)));
        assertAll(d -> Dsl.update(F).set(F.rentalRate, highest).where(F.filmId.in(1, 3)).render(d),
                "UPDATE `ms_film` SET `rental_rate` = (SELECT MAX(`ms_payment`.`amount`) FROM `ms_payment` JOIN `ms_rental` "
                        + "ON `ms_rental`.`rental_id` = `ms_payment`.`rental_id` WHERE `ms_rental`.`film_id` = `ms_film`.`film_id`) "
                        + "WHERE `ms_film`.`film_id` IN (?, ?)", 1, 3);
    }

    // ---- multiple-table DELETE -----------------------------------------------------------------

    @Test
    void multipleTableDelete() {
        assertAll(d -> Dsl.deleteFrom(PAY).using(CU).where(CU.customerId.eq(PAY.customerId).and(CU.active.eq(false))).render(d),
                "DELETE `ms_payment` FROM `ms_payment`, `ms_customer` WHERE `ms_customer`.`customer_id` = `ms_payment`.`customer_id` "
                        + "AND `ms_customer`.`active` = ?", false);
        assertAll(d -> Dsl.deleteFrom(R).using(CU, F).where(CU.customerId.eq(R.customerId).and(F.filmId.eq(R.filmId))).render(d),
                "DELETE `ms_rental` FROM `ms_rental`, `ms_customer`, `ms_film` WHERE `ms_customer`.`customer_id` = "
                        + "`ms_rental`.`customer_id` AND `ms_film`.`film_id` = `ms_rental`.`film_id`");
        var returning = Dsl.deleteFrom(PAY).using(CU).where(CU.customerId.eq(PAY.customerId)).returning(PAY.paymentId);
        assertRefused(() -> returning.render(MARIADB), "mariadb",
                "DELETE ... USING ... RETURNING (MariaDB has RETURNING only for INSERT and single-table DELETE)");
        assertRefused(() -> returning.render(MYSQL_8), "mysql", "DELETE ... USING ... RETURNING (MySQL has no RETURNING clause)");
        // the single-table DELETE keeps MariaDB's RETURNING
        assertRendered(Dsl.deleteFrom(PAY).where(PAY.amount.eq(BigDecimal.ZERO)).returning(PAY.paymentId).render(MARIADB),
                "DELETE FROM `ms_payment` WHERE `ms_payment`.`amount` = ? RETURNING `payment_id`", BigDecimal.ZERO);
    }

    // ---- typed rows ----------------------------------------------------------------------------

    @Test
    void aTypedSelectRendersAsTheUntypedOne() {
        Select<Record3<String, String, Integer>> typed = Dsl.select(F.title, L.name, F.length).from(F)
                .leftJoin(L).on(L.languageId.eq(F.originalLanguageId)).where(F.filmId.eq(5));
        Field<?>[] fields = {F.title, L.name, F.length};
        Select<Row> untyped = Dsl.select(fields).from(F).leftJoin(L).on(L.languageId.eq(F.originalLanguageId)).where(F.filmId.eq(5));
        assertAll(typed::render, "SELECT `ms_film`.`title`, `ms_language`.`name`, `ms_film`.`length` FROM `ms_film` "
                + "LEFT JOIN `ms_language` ON `ms_language`.`language_id` = `ms_film`.`original_language_id` WHERE `ms_film`.`film_id` = ?", 5);
        assertThat(untyped.render(MARIADB)).isEqualTo(typed.render(MARIADB));
    }
}
