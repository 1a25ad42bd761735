package dev.quarry.sqlite;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Record3;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden SQLite SQL and binds of set operations, locking clauses (refused), INSERT ... SELECT, UPDATE ...
 * FROM and DELETE ... USING (rewritten with EXISTS), rendered with {@link SqliteDialect#INSTANCE} and no
 * connection. In the expected SQL a backtick stands for a double quote.
 */
class SqliteGoldenSetLockDmlTest {
    private static final Film F = Film.FILM;
    private static final Rental R = Rental.RENTAL;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;
    private static final Actor AC = Actor.ACTOR;
    private static final Language L = Language.LANGUAGE;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Payment PAY = Payment.PAYMENT;
    private static final FilmCopy COPY = FilmCopy.FILM_COPY;
    private static final FilmPrice PRICE = FilmPrice.FILM_PRICE;
    private static final SqliteDialect SQLITE = SqliteDialect.INSTANCE;

    private static final String RENTED = "SELECT `ms_rental`.`film_id` FROM `ms_rental`";
    private static final String COMEDY = "SELECT `ms_film`.`film_id` FROM `ms_film` WHERE `ms_film`.`category_id` = ?";
    private static final String CAST = "SELECT `ms_film_actor`.`film_id` FROM `ms_film_actor`";

    private static Select<Record1<Integer>> rented() { return Dsl.select(R.filmId).from(R); }

    private static Select<Record1<Integer>> comedy() { return Dsl.select(F.filmId).from(F).where(F.categoryId.eq(2)); }

    private static Select<Record1<Integer>> cast() { return Dsl.select(FA.filmId).from(FA); }

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql.replace('`', '"'));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String feature) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UnsupportedDialectFeatureException.class, e -> {
            assertThat(e.dialect()).isEqualTo("sqlite");
            assertThat(e.feature()).isEqualTo(feature);
            assertThat(e).hasMessage("The sqlite dialect does not support " + feature);
        });
    }

    // ---- set operations ------------------------------------------------------------------------

    @Test
    void unionWithOrderLimitAndOffsetOnTheWhole() {
        assertRendered(rented().union(comedy()).orderBy(R.filmId.desc()).limit(3).offset(1).render(SQLITE),
                RENTED + " UNION " + COMEDY + " ORDER BY `film_id` DESC LIMIT ? OFFSET ?", 2, 3L, 1L);
        assertRendered(rented().union(comedy()).orderBy(R.filmId.asc().nullsLast()).offset(2).render(SQLITE),
                RENTED + " UNION " + COMEDY + " ORDER BY `film_id` ASC NULLS LAST LIMIT -1 OFFSET ?", 2, 2L);
    }

    @Test
    void everyOperatorSQLiteHas() {
        assertRendered(rented().unionAll(comedy()).render(SQLITE), RENTED + " UNION ALL " + COMEDY, 2);
        assertRendered(rented().intersect(comedy()).render(SQLITE), RENTED + " INTERSECT " + COMEDY, 2);
        assertRendered(rented().except(comedy()).render(SQLITE), RENTED + " EXCEPT " + COMEDY, 2);
        assertRefused(() -> rented().intersectAll(cast()).render(SQLITE),
                "INTERSECT ALL (SQLite has only UNION ALL; use INTERSECT without ALL or count duplicates with GROUP BY)");
        assertRefused(() -> rented().exceptAll(cast()).render(SQLITE),
                "EXCEPT ALL (SQLite has only UNION ALL; use EXCEPT without ALL or count duplicates with GROUP BY)");
    }

    @Test
    void groupedSidesBecomeDerivedTablesSinceSQLiteAllowsNoParentheses() {
        // (comedy UNION rented) INTERSECT cast: SQLite groups from the left anyway, the wrapper makes it explicit
        assertRendered(comedy().union(rented()).intersect(cast()).render(SQLITE),
                "SELECT * FROM (" + COMEDY + " UNION " + RENTED + ") INTERSECT " + CAST, 2);
        // comedy UNION (rented INTERSECT cast): a compound right side must be kept together
        assertRendered(comedy().union(rented().intersect(cast())).render(SQLITE),
                COMEDY + " UNION SELECT * FROM (" + RENTED + " INTERSECT " + CAST + ")", 2);
        // what needs no grouping stays flat
        assertRendered(comedy().intersect(rented()).union(cast()).render(SQLITE),
                COMEDY + " INTERSECT " + RENTED + " UNION " + CAST, 2);
        assertRendered(rented().union(comedy()).except(cast()).render(SQLITE),
                RENTED + " UNION " + COMEDY + " EXCEPT " + CAST, 2);
        // a side with its own ORDER BY and LIMIT
        var longest = Dsl.select(F.filmId).from(F).orderBy(F.length.desc().nullsLast()).limit(1);
        assertRendered(longest.union(rented()).orderBy(F.filmId.asc()).render(SQLITE),
                "SELECT * FROM (SELECT `ms_film`.`film_id` FROM `ms_film` ORDER BY `ms_film`.`length` DESC NULLS LAST LIMIT ?) UNION "
                        + RENTED + " ORDER BY `film_id` ASC", 1L);
    }

    @Test
    void orderByAnAliasOfTheLeftSide() {
        var name = F.title.as("name");
        assertRendered(Dsl.select(name).from(F).union(Dsl.select(AC.firstName).from(AC)).orderBy(name.desc()).limit(3).render(SQLITE),
                "SELECT `ms_film`.`title` AS `name` FROM `ms_film` UNION SELECT `ms_actor`.`first_name` FROM `ms_actor` "
                        + "ORDER BY `name` DESC LIMIT ?", 3L);
    }

    @Test
    void setOperationMistakes() {
        Field<?>[] two = {F.filmId, F.title};
        assertThatThrownBy(() -> Dsl.select(two).from(F).intersect(Dsl.select(AC.actorId).from(AC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INTERSECT: the left query selects 2 fields [ms_film.film_id, ms_film.title] but the right query selects 1 "
                        + "[ms_actor.actor_id]; both sides of a set operation need the same number of fields");
        assertThatThrownBy(() -> rented().union(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UNION null: a set operation needs a query on each side");
        assertThatThrownBy(() -> rented().union(comedy()).orderBy(F.title.asc()).render(SQLITE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ORDER BY of a UNION: column ms_film.title is not in the select list [ms_rental.film_id] of its left query; "
                        + "a compound query can only be ordered by its result columns");
        assertThatThrownBy(() -> Dsl.select(count()).from(F).union(Dsl.select(count()).from(R)).orderBy(count().desc()).render(SQLITE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ORDER BY of a UNION: result column 1 (field count) has no name the database is sure to use; "
                        + "give it an alias with as() in the left query");
        assertThatThrownBy(() -> Dsl.select(F.filmId, R.filmId).from(F).join(R).on(R.filmId.eq(F.filmId))
                .union(Dsl.select(F.filmId, F.filmId).from(F)).orderBy(F.filmId.asc()).render(SQLITE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ORDER BY of a UNION: the result column name 'film_id' is ambiguous in [ms_film.film_id, ms_rental.film_id]; "
                        + "give one of the columns an alias with as() in the left query");
        assertThatThrownBy(() -> rented().union(comedy()).where(R.filmId.eq(1)).render(SQLITE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a UNION of two queries takes only ORDER BY, LIMIT and OFFSET; put FROM, JOIN, WHERE, GROUP BY and HAVING into its sides");
    }

    // ---- row locking ---------------------------------------------------------------------------

    @Test
    void lockingReadsAreRefused() {
        var film = Dsl.select(F.filmId).from(F).where(F.filmId.eq(1));
        String why = " (SQLite has no row locks: a transaction locks the whole database when it first writes)";
        assertRefused(() -> film.forUpdate().render(SQLITE), "FOR UPDATE" + why);
        assertRefused(() -> film.forUpdate().noWait().render(SQLITE), "FOR UPDATE" + why);
        assertRefused(() -> film.forShare().skipLocked().of(F).render(SQLITE), "FOR SHARE" + why);
        // without the clause the same query renders
        assertRendered(film.render(SQLITE), "SELECT `ms_film`.`film_id` FROM `ms_film` WHERE `ms_film`.`film_id` = ?", 1);
    }

    // ---- INSERT ... SELECT ---------------------------------------------------------------------

    @Test
    void insertSelect() {
        assertRendered(Dsl.insertInto(COPY, COPY.filmId, COPY.title)
                        .select(Dsl.select(F.filmId, F.title).from(F).where(F.rentalRate.gt(new BigDecimal("2.00")))).render(SQLITE),
                "INSERT INTO `ms_film_copy` (`film_id`, `title`) SELECT `ms_film`.`film_id`, `ms_film`.`title` FROM `ms_film` "
                        + "WHERE `ms_film`.`rental_rate` > ?", new BigDecimal("2.00"));
        assertRendered(Dsl.insertInto(COPY).select(Dsl.select(F.filmId, F.title, F.rentalRate, F.length).from(F)
                        .union(Dsl.select(F.filmId, F.title, F.rentalRate, F.length).from(F))).returning(COPY.filmId).render(SQLITE),
                "INSERT INTO `ms_film_copy` (`film_id`, `title`, `rental_rate`, `length`) "
                        + "SELECT `ms_film`.`film_id`, `ms_film`.`title`, `ms_film`.`rental_rate`, `ms_film`.`length` FROM `ms_film` UNION "
                        + "SELECT `ms_film`.`film_id`, `ms_film`.`title`, `ms_film`.`rental_rate`, `ms_film`.`length` FROM `ms_film` "
                        + "RETURNING `film_id`");
        assertRendered(Dsl.insertInto(PRICE, PRICE.filmId, PRICE.rentals)
                        .select(Dsl.select(R.filmId, count()).from(R).groupBy(R.filmId).having(count().gt(1L))).render(SQLITE),
                "INSERT INTO `ms_film_price` (`film_id`, `rentals`) SELECT `ms_rental`.`film_id`, COUNT(*) FROM `ms_rental` "
                        + "GROUP BY `ms_rental`.`film_id` HAVING COUNT(*) > ?", 1L);
        assertThatThrownBy(() -> Dsl.insertInto(COPY, COPY.filmId, COPY.filmId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO ms_film_copy: column ms_film_copy.film_id is listed twice");
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
                        .from(PRICE).where(PRICE.filmId.eq(F.filmId)).render(SQLITE),
                "UPDATE `ms_film` SET `rental_rate` = ?, `length` = `ms_film_price`.`rentals` FROM `ms_film_price` "
                        + "WHERE `ms_film_price`.`film_id` = `ms_film`.`film_id`", new BigDecimal("5.99"));
        assertRendered(Dsl.update(F).set(F.rentalRate, new BigDecimal("1.49")).from(PRICE, L)
                        .where(PRICE.filmId.eq(F.filmId).and(L.languageId.eq(F.languageId)).and(L.name.eq("French")))
                        .returning(F.filmId, F.rentalRate).render(SQLITE),
                "UPDATE `ms_film` SET `rental_rate` = ? FROM `ms_film_price`, `ms_language` WHERE `ms_film_price`.`film_id` = "
                        + "`ms_film`.`film_id` AND `ms_language`.`language_id` = `ms_film`.`language_id` AND `ms_language`.`name` = ? "
                        + "RETURNING `ms_film`.`film_id`, `ms_film`.`rental_rate`", new BigDecimal("1.49"), "French");
        assertRefused(() -> Dsl.update(F).set(F.length, 1).from(PRICE).where(PRICE.filmId.eq(F.filmId))
                        .returning(F.filmId, PRICE.rentals).render(SQLITE),
                "UPDATE ... RETURNING ms_film_price.rentals (SQLite's RETURNING sees only the changed table ms_film, not the joined ones)");
    }

    @Test
    void updateWithACorrelatedSubqueryValue() {
        var highest = new ScalarSubquery<>(Dsl.select(max(PAY.amount)).from(PAY).join(R).on(R.rentalId.eq(PAY.rentalId))
                .where(R.filmId.eq(F.filmId)));
        assertRendered(Dsl.update(F).set(F.rentalRate, highest).where(F.filmId.in(1, 3)).render(SQLITE),
                "UPDATE `ms_film` SET `rental_rate` = (SELECT MAX(`ms_payment`.`amount`) FROM `ms_payment` JOIN `ms_rental` "
                        + "ON `ms_rental`.`rental_id` = `ms_payment`.`rental_id` WHERE `ms_rental`.`film_id` = `ms_film`.`film_id`) "
                        + "WHERE `ms_film`.`film_id` IN (?, ?)", 1, 3);
    }

    @Test
    void updateAndDeleteMistakes() {
        assertThatThrownBy(() -> Dsl.update(F).set(F.length, PRICE.rentals).where(PRICE.filmId.eq(F.filmId)).render(SQLITE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column ms_film_price.rentals belongs to table ms_film_price, which is not in this query (tables in scope: ms_film)");
        assertThatThrownBy(() -> Dsl.update(F).set(F.length, PRICE.rentals).from(PRICE).where(R.filmId.eq(F.filmId)).render(SQLITE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column ms_rental.film_id belongs to table ms_rental, which is not in this query (tables in scope: ms_film, ms_film_price)");
        assertThatThrownBy(() -> Dsl.update(F).set(PRICE.rentals, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPDATE ms_film: column ms_film_price.rentals is not a column of table ms_film");
        assertThatThrownBy(() -> Dsl.update(F).from(PRICE, PRICE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPDATE ms_film ... FROM ms_film_price: table ms_film_price is given twice");
        assertThatThrownBy(() -> Dsl.deleteFrom(PAY).using()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DELETE FROM ms_payment USING needs at least one table");
        assertThatThrownBy(() -> Dsl.deleteFrom(PAY).using(CU).all().render(SQLITE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("DELETE FROM ms_payment USING [ms_customer] has no WHERE condition joining the tables");
    }

    // ---- DELETE ... USING ----------------------------------------------------------------------

    @Test
    void deleteUsingBecomesExists() {
        assertRendered(Dsl.deleteFrom(PAY).using(CU).where(CU.customerId.eq(PAY.customerId).and(CU.active.eq(false))).render(SQLITE),
                "DELETE FROM `ms_payment` WHERE EXISTS (SELECT 1 FROM `ms_customer` WHERE `ms_customer`.`customer_id` = "
                        + "`ms_payment`.`customer_id` AND `ms_customer`.`active` = ?)", false);
        assertRendered(Dsl.deleteFrom(R).using(CU, F).where(CU.customerId.eq(R.customerId).and(F.filmId.eq(R.filmId)))
                        .returning(R.rentalId).render(SQLITE),
                "DELETE FROM `ms_rental` WHERE EXISTS (SELECT 1 FROM `ms_customer`, `ms_film` WHERE `ms_customer`.`customer_id` = "
                        + "`ms_rental`.`customer_id` AND `ms_film`.`film_id` = `ms_rental`.`film_id`) RETURNING `ms_rental`.`rental_id`");
        assertRefused(() -> Dsl.deleteFrom(PAY).using(CU).where(CU.customerId.eq(PAY.customerId)).returning(CU.firstName).render(SQLITE),
                "DELETE ... RETURNING ms_customer.first_name (SQLite's RETURNING sees only the changed table ms_payment, not the joined ones)");
    }

    // ---- typed rows ----------------------------------------------------------------------------

    @Test
    void aTypedSelectRendersAsTheUntypedOne() {
        Select<Record3<String, String, Integer>> typed = Dsl.select(F.title, L.name, F.length).from(F)
                .leftJoin(L).on(L.languageId.eq(F.originalLanguageId)).where(F.filmId.eq(5));
        Field<?>[] fields = {F.title, L.name, F.length};
        Select<Row> untyped = Dsl.select(fields).from(F).leftJoin(L).on(L.languageId.eq(F.originalLanguageId)).where(F.filmId.eq(5));
        assertRendered(typed.render(SQLITE), "SELECT `ms_film`.`title`, `ms_language`.`name`, `ms_film`.`length` FROM `ms_film` "
                + "LEFT JOIN `ms_language` ON `ms_language`.`language_id` = `ms_film`.`original_language_id` WHERE `ms_film`.`film_id` = ?", 5);
        assertThat(untyped.render(SQLITE)).isEqualTo(typed.render(SQLITE));
    }
}
