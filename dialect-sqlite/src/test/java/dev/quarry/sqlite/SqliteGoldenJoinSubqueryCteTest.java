package dev.quarry.sqlite;

import dev.quarry.dsl.Cte;
import dev.quarry.dsl.CteColumn;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.DerivedTable;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.testkit.MiniSakila.Category;
import dev.quarry.testkit.MiniSakila.Customer;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.FilmActor;
import dev.quarry.testkit.MiniSakila.Language;
import dev.quarry.testkit.MiniSakila.Payment;
import dev.quarry.testkit.MiniSakila.Rental;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static dev.quarry.dsl.Dsl.all;
import static dev.quarry.dsl.Dsl.any;
import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.cte;
import static dev.quarry.dsl.Dsl.exists;
import static dev.quarry.dsl.Dsl.field;
import static dev.quarry.dsl.Dsl.notExists;
import static dev.quarry.dsl.Dsl.select;
import static dev.quarry.dsl.Dsl.value;
import static dev.quarry.dsl.Dsl.with;
import static dev.quarry.dsl.Dsl.withRecursive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden SQL and binds of joins, table aliases, derived tables, subqueries and CTEs on the
 * MiniSakila tables, rendered without a connection. In the expected SQL a backtick stands for a double
 * quote, to keep the strings readable.
 */
class SqliteGoldenJoinSubqueryCteTest {
    private static final Dialect DIALECT = SqliteDialect.INSTANCE;
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final Category CA = Category.CATEGORY;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Rental R = Rental.RENTAL;
    private static final Payment P = Payment.PAYMENT;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;

    private static String q(String sql) {
        return sql.replace('`', '"');
    }

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(q(expectedSql));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    private static void assertSql(Select<?> select, String expectedSql, Object... expectedBinds) {
        assertRendered(select.render(DIALECT), expectedSql, expectedBinds);
    }

    // ---- joins ---------------------------------------------------------------------------------------

    @Test
    void selfJoinThroughATypedAlias() {
        Customer ref = CU.as("ref");
        assertSql(select(CU.firstName, ref.firstName).from(CU).join(ref).on(CU.referredBy.eq(ref.customerId))
                        .where(ref.active.eq(true)),
                "SELECT `ms_customer`.`first_name`, `ref`.`first_name` FROM `ms_customer` "
                        + "JOIN `ms_customer` AS `ref` ON `ms_customer`.`referred_by` = `ref`.`customer_id` WHERE `ref`.`active` = ?",
                true);
        Customer again = ref.as("r2");
        assertThat(again.unaliased()).isSameAs(CU);
        assertSql(select(again.customerId).from(again), "SELECT `r2`.`customer_id` FROM `ms_customer` AS `r2`");
    }

    @Test
    void rightFullAndCrossJoins() {
        assertSql(select(F.title, R.rentalId).from(R).rightJoin(F).on(R.filmId.eq(F.filmId)),
                "SELECT `ms_film`.`title`, `ms_rental`.`rental_id` FROM `ms_rental` RIGHT JOIN `ms_film` "
                        + "ON `ms_rental`.`film_id` = `ms_film`.`film_id`");
        assertSql(select(L.name, F.title).from(F).fullJoin(L).on(F.originalLanguageId.eq(L.languageId)),
                "SELECT `ms_language`.`name`, `ms_film`.`title` FROM `ms_film` FULL JOIN `ms_language` "
                        + "ON `ms_film`.`original_language_id` = `ms_language`.`language_id`");
        assertSql(select(L.name, CA.name).from(L).crossJoin(CA).where(CA.categoryId.lt(3)),
                "SELECT `ms_language`.`name`, `ms_category`.`name` FROM `ms_language` CROSS JOIN `ms_category` "
                        + "WHERE `ms_category`.`category_id` < ?", 3);
    }

    @Test
    void joinOnACompositeKey() {
        FilmActor other = FA.as("other");
        assertSql(select(FA.actorId, other.actorId).from(FA).join(other)
                        .on(FA.filmId.eq(other.filmId).and(FA.actorId.lt(other.actorId))),
                "SELECT `ms_film_actor`.`actor_id`, `other`.`actor_id` FROM `ms_film_actor` JOIN `ms_film_actor` AS `other` "
                        + "ON `ms_film_actor`.`film_id` = `other`.`film_id` AND `ms_film_actor`.`actor_id` < `other`.`actor_id`");
    }

    @Test
    void joinsFollowingADeclaredForeignKey() {
        assertSql(select(R.rentalId, F.title).from(R).join(F).onForeignKey(),
                "SELECT `ms_rental`.`rental_id`, `ms_film`.`title` FROM `ms_rental` JOIN `ms_film` "
                        + "ON `ms_rental`.`film_id` = `ms_film`.`film_id`");
        assertSql(select(F.title, R.rentalId).from(F).leftJoin(R).onForeignKey(),
                "SELECT `ms_film`.`title`, `ms_rental`.`rental_id` FROM `ms_film` LEFT JOIN `ms_rental` "
                        + "ON `ms_rental`.`film_id` = `ms_film`.`film_id`");
        assertSql(select(F.title, L.name).from(F).join(L).onForeignKey(F.originalLanguageId),
                "SELECT `ms_film`.`title`, `ms_language`.`name` FROM `ms_film` JOIN `ms_language` "
                        + "ON `ms_film`.`original_language_id` = `ms_language`.`language_id`");
        Customer ref = CU.as("ref");
        assertSql(select(CU.firstName, ref.firstName).from(CU).join(ref).onForeignKey(CU.referredBy),
                "SELECT `ms_customer`.`first_name`, `ref`.`first_name` FROM `ms_customer` JOIN `ms_customer` AS `ref` "
                        + "ON `ms_customer`.`referred_by` = `ref`.`customer_id`");
        Payment p = P.as("p");
        assertSql(select(CU.firstName, p.amount).from(CU).join(p).onForeignKey(),
                "SELECT `ms_customer`.`first_name`, `p`.`amount` FROM `ms_customer` JOIN `ms_payment` AS `p` "
                        + "ON `p`.`customer_id` = `ms_customer`.`customer_id`");
    }

    // ---- derived tables ------------------------------------------------------------------------------

    @Test
    void derivedTableWithTypedColumnsAndBindsInOrder() {
        Field<Long> n = count().as("n");
        DerivedTable counts = select(R.customerId, n).from(R).where(R.filmId.ne(6)).groupBy(R.customerId).asTable("counts");
        assertSql(select(CU.firstName, counts.field(n), value("x").as("tag")).from(CU)
                        .join(counts).on(counts.field(R.customerId).eq(CU.customerId))
                        .where(counts.field(n).ge(2L)),
                "SELECT `ms_customer`.`first_name`, `counts`.`n`, ? AS `tag` FROM `ms_customer` "
                        + "JOIN (SELECT `ms_rental`.`customer_id`, COUNT(*) AS `n` FROM `ms_rental` WHERE `ms_rental`.`film_id` <> ? "
                        + "GROUP BY `ms_rental`.`customer_id`) AS `counts` ON `counts`.`customer_id` = `ms_customer`.`customer_id` "
                        + "WHERE `counts`.`n` >= ?",
                "x", 6, 2L);
        assertSql(select(counts.field(R.customerId)).from(counts).orderBy(counts.field(n).desc()),
                "SELECT `counts`.`customer_id` FROM (SELECT `ms_rental`.`customer_id`, COUNT(*) AS `n` FROM `ms_rental` "
                        + "WHERE `ms_rental`.`film_id` <> ? GROUP BY `ms_rental`.`customer_id`) AS `counts` ORDER BY `counts`.`n` DESC", 6);
    }

    // ---- subqueries ----------------------------------------------------------------------------------

    @Test
    void scalarSubqueries() {
        assertSql(select(F.title).from(F).where(F.rentalRate.gt(field(select(avg(F.rentalRate)).from(F)))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE `ms_film`.`rental_rate` > (SELECT AVG(`ms_film`.`rental_rate`) FROM `ms_film`)");
        assertSql(select(CU.firstName, field(select(count()).from(R).where(R.customerId.eq(CU.customerId))).as("rentals"))
                        .from(CU).where(CU.active.eq(true)),
                "SELECT `ms_customer`.`first_name`, (SELECT COUNT(*) FROM `ms_rental` WHERE `ms_rental`.`customer_id` = "
                        + "`ms_customer`.`customer_id`) AS `rentals` FROM `ms_customer` WHERE `ms_customer`.`active` = ?", true);
    }

    @Test
    void inAndNotInSubqueries() {
        assertSql(select(F.title).from(F).where(F.filmId.in(select(R.filmId).from(R).where(R.customerId.eq(3)))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE `ms_film`.`film_id` IN "
                        + "(SELECT `ms_rental`.`film_id` FROM `ms_rental` WHERE `ms_rental`.`customer_id` = ?)", 3);
        assertSql(select(F.title).from(F).where(F.filmId.notIn(select(R.filmId).from(R))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE `ms_film`.`film_id` NOT IN (SELECT `ms_rental`.`film_id` FROM `ms_rental`)");
    }

    @Test
    void existsAndNotExistsCorrelated() {
        assertSql(select(F.title).from(F).where(exists(select(R.rentalId).from(R).where(R.filmId.eq(F.filmId)))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE EXISTS "
                        + "(SELECT `ms_rental`.`rental_id` FROM `ms_rental` WHERE `ms_rental`.`film_id` = `ms_film`.`film_id`)");
        assertSql(select(F.title).from(F).where(notExists(select(R.rentalId).from(R).where(R.filmId.eq(F.filmId)))
                        .and(F.releaseYear.ge(2008))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE NOT EXISTS "
                        + "(SELECT `ms_rental`.`rental_id` FROM `ms_rental` WHERE `ms_rental`.`film_id` = `ms_film`.`film_id`) "
                        + "AND `ms_film`.`release_year` >= ?", 2008);
    }

    @Test
    void anyAndAllAreRefused() {
        Film f2 = F.as("f2");
        assertThatThrownBy(() -> select(F.title).from(F).where(F.length.gt(all(select(f2.length).from(f2)))).render(DIALECT))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessageContaining("sqlite").hasMessageContaining("ALL (subquery)");
        assertThatThrownBy(() -> select(F.title).from(F).where(F.rentalRate.lt(any(select(f2.rentalRate).from(f2)))).render(DIALECT))
                .isInstanceOf(UnsupportedDialectFeatureException.class).hasMessageContaining("ANY (subquery)");
    }

    @Test
    void lateralJoinsAreRefused() {
        DerivedTable latest = select(R.rentalId).from(R).where(R.customerId.eq(CU.customerId)).limit(1).asTable("latest");
        assertThatThrownBy(() -> select(CU.firstName, latest.field(R.rentalId)).from(CU).crossJoinLateral(latest).render(DIALECT))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessageContaining("sqlite").hasMessageContaining("LATERAL");
        assertThatThrownBy(() -> select(CU.firstName).from(CU).joinLateral(latest).on(latest.field(R.rentalId).gt(0)).render(DIALECT))
                .isInstanceOf(UnsupportedDialectFeatureException.class);
    }

    // ---- CTEs ----------------------------------------------------------------------------------------

    private static Cte cheap() {
        return cte("cheap").as(select(F.filmId, F.title).from(F).where(F.rentalRate.lt(new BigDecimal("3.00"))));
    }

    private static final String CHEAP = "`cheap` AS (SELECT `ms_film`.`film_id`, `ms_film`.`title` FROM `ms_film` "
            + "WHERE `ms_film`.`rental_rate` < ?)";

    @Test
    void withInSelect() {
        Cte cheap = cheap();
        assertSql(with(cheap).select(cheap.field(F.title)).from(cheap).orderBy(cheap.field(F.title).asc()),
                "WITH " + CHEAP + " SELECT `cheap`.`title` FROM `cheap` ORDER BY `cheap`.`title` ASC", new BigDecimal("3.00"));
        Cte c2 = cheap.as("c2");
        assertSql(with(cheap).select(cheap.field(F.title), c2.field(F.title)).from(cheap).join(c2)
                        .on(cheap.field(F.filmId).lt(c2.field(F.filmId))),
                "WITH " + CHEAP + " SELECT `cheap`.`title`, `c2`.`title` FROM `cheap` JOIN `cheap` AS `c2` "
                        + "ON `cheap`.`film_id` < `c2`.`film_id`", new BigDecimal("3.00"));
        assertSql(select(F.title).from(F).where(F.filmId.in(with(cheap).select(cheap.field(F.filmId)).from(cheap))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE `ms_film`.`film_id` IN (WITH " + CHEAP
                        + " SELECT `cheap`.`film_id` FROM `cheap`)", new BigDecimal("3.00"));
    }

    @Test
    void aCompoundQueryRendersItsWithOnceInFront() {
        Cte cheap = cheap();
        assertSql(with(cheap).select(cheap.field(F.filmId)).from(cheap).union(select(F.filmId).from(F).where(F.length.gt(100))),
                "WITH " + CHEAP + " SELECT `cheap`.`film_id` FROM `cheap` UNION SELECT `ms_film`.`film_id` FROM `ms_film` "
                        + "WHERE `ms_film`.`length` > ?", new BigDecimal("3.00"), 100);
    }

    @Test
    void severalCtesReferringToEachOther() {
        Field<Long> n = count().as("n");
        Cte counts = cte("counts").as(select(R.customerId, n).from(R).groupBy(R.customerId));
        Field<Integer> countsCustomer = counts.field(R.customerId);
        Cte busy = cte("busy").as(select(countsCustomer).from(counts).where(counts.field(n).ge(2L)));
        assertSql(with(counts, busy).select(CU.firstName).from(CU)
                        .where(CU.customerId.in(select(busy.field(countsCustomer)).from(busy))),
                "WITH `counts` AS (SELECT `ms_rental`.`customer_id`, COUNT(*) AS `n` FROM `ms_rental` GROUP BY `ms_rental`.`customer_id`), "
                        + "`busy` AS (SELECT `counts`.`customer_id` FROM `counts` WHERE `counts`.`n` >= ?) "
                        + "SELECT `ms_customer`.`first_name` FROM `ms_customer` WHERE `ms_customer`.`customer_id` IN "
                        + "(SELECT `busy`.`customer_id` FROM `busy`)", 2L);
    }

    @Test
    void withRecursiveWalksAChain() {
        Cte chain = cte("chain").asRecursive(
                select(CU.customerId, CU.referredBy).from(CU).where(CU.customerId.eq(3)),
                self -> select(CU.customerId, CU.referredBy).from(CU).join(self).on(CU.customerId.eq(self.field(CU.referredBy))));
        String body = "SELECT `ms_customer`.`customer_id`, `ms_customer`.`referred_by` FROM `ms_customer` WHERE `ms_customer`.`customer_id` = ? "
                + "UNION ALL SELECT `ms_customer`.`customer_id`, `ms_customer`.`referred_by` FROM `ms_customer` JOIN `chain` "
                + "ON `ms_customer`.`customer_id` = `chain`.`referred_by`";
        assertSql(withRecursive(chain).select(chain.field(CU.customerId)).from(chain),
                "WITH RECURSIVE `chain` AS (" + body + ") SELECT `chain`.`customer_id` FROM `chain`", 3);

        CteColumn<Integer> id = CteColumn.of("id", DataType.integer());
        CteColumn<Integer> parent = CteColumn.of("parent", DataType.integer());
        Cte down = cte("down", id, parent).asRecursiveDistinct(
                select(CU.customerId, CU.referredBy).from(CU).where(CU.referredBy.isNull()),
                self -> select(CU.customerId, CU.referredBy).from(CU).join(self).on(CU.referredBy.eq(self.field(id))));
        assertSql(withRecursive(down).select(down.field(id), down.field(parent)).from(down),
                "WITH RECURSIVE `down`(`id`, `parent`) AS (SELECT `ms_customer`.`customer_id`, `ms_customer`.`referred_by` "
                        + "FROM `ms_customer` WHERE `ms_customer`.`referred_by` IS NULL UNION SELECT `ms_customer`.`customer_id`, "
                        + "`ms_customer`.`referred_by` FROM `ms_customer` JOIN `down` ON `ms_customer`.`referred_by` = `down`.`id`) "
                        + "SELECT `down`.`id`, `down`.`parent` FROM `down`");
    }

    @Test
    void withInUpdateAndDelete() {
        Cte cheap = cheap();
        assertRendered(with(cheap).update(F).set(F.rentalRate, new BigDecimal("0.49"))
                        .where(F.filmId.in(select(cheap.field(F.filmId)).from(cheap))).render(DIALECT),
                "WITH " + CHEAP + " UPDATE `ms_film` SET `rental_rate` = ? WHERE `ms_film`.`film_id` IN (SELECT `cheap`.`film_id` FROM `cheap`)",
                new BigDecimal("3.00"), new BigDecimal("0.49"));
        assertRendered(with(cheap).deleteFrom(FA).where(FA.filmId.in(select(cheap.field(F.filmId)).from(cheap))).render(DIALECT),
                "WITH " + CHEAP + " DELETE FROM `ms_film_actor` WHERE `ms_film_actor`.`film_id` IN (SELECT `cheap`.`film_id` FROM `cheap`)",
                new BigDecimal("3.00"));
    }

    @Test
    void withInInsert() {
        Cte mary = cte("mary").as(select(CU.customerId).from(CU).where(CU.firstName.eq("MARY")));
        LocalDateTime at = LocalDateTime.of(2005, 7, 1, 12, 0);
        Field<Integer> maryId = field(select(mary.field(CU.customerId)).from(mary));
        assertRendered(with(mary).insertInto(P, List.of(9, 10), (row, id) -> row.set(P.paymentId, id).set(P.customerId, maryId)
                        .set(P.amount, new BigDecimal("1.00")).set(P.paymentDate, at)).render(DIALECT),
                "WITH `mary` AS (SELECT `ms_customer`.`customer_id` FROM `ms_customer` WHERE `ms_customer`.`first_name` = ?) "
                        + "INSERT INTO `ms_payment` (`payment_id`, `customer_id`, `amount`, `payment_date`) "
                        + "VALUES (?, (SELECT `mary`.`customer_id` FROM `mary`), ?, ?), (?, (SELECT `mary`.`customer_id` FROM `mary`), ?, ?)",
                "MARY", 9, new BigDecimal("1.00"), at, 10, new BigDecimal("1.00"), at);
    }

    @Test
    void aCteOutsideItsWithClauseFailsAtRenderTime() {
        Cte cheap = cheap();
        assertThatThrownBy(() -> select(cheap.field(F.title)).from(cheap).render(DIALECT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CTE cheap is used but not declared");
        Cte later = cte("later").as(select(cheap.field(F.title)).from(cheap));
        assertThatThrownBy(() -> with(later, cheap).select(later.field(cheap.field(F.title))).from(later).render(DIALECT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only those listed before it");
    }

    // ---- mistakes found before anything is sent (the same on every dialect) --------------------------

    @Test
    void aliasedTablesAreReadOnlyAndNeedANoArgumentConstructor() {
        Customer ref = CU.as("ref");
        assertThat(ref).isNotSameAs(CU).isInstanceOf(Customer.class);
        assertThat(ref.alias()).isEqualTo("ref");
        assertThat(ref.customerId.table()).isSameAs(ref);
        assertThatThrownBy(() -> Dsl.update(ref).set(ref.active, false).all())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ms_customer AS ref");
        assertThatThrownBy(() -> Dsl.deleteFrom(ref)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dsl.insertInto(ref, row -> row.set(ref.customerId, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aliased table");
        assertThatThrownBy(() -> dev.quarry.schema.Ddl.createStatements(DIALECT, List.of(ref), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DDL takes the table itself");
        assertThatThrownBy(() -> CU.as(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> select(CU.firstName).from(CU).join(CU).on(CU.customerId.eq(CU.customerId)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aliased table");
        assertThatThrownBy(() -> select(ref.firstName).from(CU).render(DIALECT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ms_customer AS ref");
        assertThatThrownBy(() -> new NoDefaultConstructor("x").as("y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no constructor without parameters");
    }

    /** A table class whose constructor takes the name: it cannot be aliased. */
    static final class NoDefaultConstructor extends dev.quarry.schema.Table {
        final dev.quarry.schema.Column<Integer> id = integer("id");
        NoDefaultConstructor(String name) { super(name); }
    }

    @Test
    void foreignKeyJoinsThatAreAmbiguousOrMissingFail() {
        assertThatThrownBy(() -> select(F.title).from(F).join(L).onForeignKey())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("ms_film.language_id -> ms_language.language_id")
                .hasMessageContaining("ms_film.original_language_id -> ms_language.language_id");
        Customer ref = CU.as("ref");
        assertThatThrownBy(() -> select(CU.firstName).from(CU).join(ref).onForeignKey())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> select(L.name).from(L).join(CA).onForeignKey())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no declared foreign key links ms_category");
        assertThatThrownBy(() -> select(F.title).from(F).join(L).onForeignKey(F.title))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ms_film.title");
    }

    @Test
    void derivedTableAndCteColumnsMustBeNamedAndKnown() {
        assertThatThrownBy(() -> select(R.customerId, count()).from(R).groupBy(R.customerId).asTable("t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("derived table t").hasMessageContaining("as(");
        Customer ref = CU.as("ref");
        assertThatThrownBy(() -> select(CU.customerId, ref.customerId).from(CU).join(ref).on(CU.referredBy.eq(ref.customerId)).asTable("t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two columns named customer_id");
        DerivedTable t = select(R.customerId).from(R).asTable("t");
        assertThatThrownBy(() -> t.field(R.filmId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ms_rental.film_id")
                .hasMessageContaining("[ms_rental.customer_id]");
        assertThat(t.field(t.field(R.customerId))).isEqualTo(t.field(R.customerId));
        assertThatThrownBy(() -> cte("c").as(select(count()).from(R)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CTE c");
        CteColumn<String> name = CteColumn.of("name", DataType.text());
        assertThatThrownBy(() -> cte("c", name).as(select(CU.customerId).from(CU)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1 is String");
        assertThatThrownBy(() -> cte("c", name).as(select(CU.firstName, CU.lastName).from(CU)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares 1 columns");
        assertThatThrownBy(() -> cte("c").as(select(CU.firstName).from(CU)).field(CteColumn.of("x", DataType.text())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no column");
    }

    @Test
    void withClausesAreChecked() {
        Cte chain = cte("chain").asRecursive(select(CU.customerId).from(CU).where(CU.customerId.eq(3)),
                self -> select(CU.referredBy).from(CU).join(self).on(CU.customerId.eq(self.field(CU.customerId))));
        assertThat(chain.isRecursive()).isTrue();
        assertThatThrownBy(() -> with(chain)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withRecursive");
        Cte cheap = cheap();
        assertThatThrownBy(() -> with(cheap, cheap)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two CTEs named cheap");
        assertThatThrownBy(() -> with(cheap.as("c2"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declare the CTE itself");
        assertThatThrownBy(() -> cte("x").asRecursive(select(CU.customerId).from(CU).limit(1), self -> select(CU.customerId).from(CU)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDER BY, LIMIT or OFFSET");
        assertThatThrownBy(() -> cte("x").asRecursive(select(CU.customerId).from(CU), self -> select(CU.firstName).from(CU)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recursive part");
        assertThatThrownBy(() -> with(cheap).update(cheap)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CTE cannot be written");
        assertThatThrownBy(() -> select(F.title).from(F).where(exists(select(P.paymentId).from(P).where(P.rentalId.eq(R.rentalId))))
                .render(DIALECT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ms_rental");
    }
}
