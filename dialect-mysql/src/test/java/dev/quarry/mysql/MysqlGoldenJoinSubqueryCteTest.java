package dev.quarry.mysql;

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
 * MiniSakila tables, rendered without a connection for MariaDB and for MySQL 8: the same SQL on both
 * (every {@code assertSql} checks that), except LATERAL and WITH in front of UPDATE and DELETE, which
 * only MySQL has, and FULL JOIN, which neither has.
 */
class MysqlGoldenJoinSubqueryCteTest {
    private static final Dialect DIALECT = MysqlDialect.MARIADB;
    private static final Dialect MYSQL_8 = MysqlDialect.MYSQL_8;
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final Category CA = Category.CATEGORY;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Rental R = Rental.RENTAL;
    private static final Payment P = Payment.PAYMENT;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;

    private static String q(String sql) {
        return sql;
    }

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(q(expectedSql));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    private static void assertSql(Select<?> select, String expectedSql, Object... expectedBinds) {
        Rendered r = select.render(DIALECT);
        assertRendered(r, expectedSql, expectedBinds);
        assertThat(select.render(MYSQL_8)).isEqualTo(r);
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
        for (Dialect d : List.of(DIALECT, MYSQL_8)) {
            assertThatThrownBy(() -> select(L.name, F.title).from(F).fullJoin(L).on(F.originalLanguageId.eq(L.languageId)).render(d))
                    .isInstanceOf(UnsupportedDialectFeatureException.class)
                    .hasMessageContaining(d.name()).hasMessageContaining("FULL JOIN");
        }
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
    void anyAndAll() {
        Film f2 = F.as("f2");
        assertSql(select(F.title).from(F).where(F.length.gt(all(select(f2.length).from(f2).where(f2.categoryId.eq(2))))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE `ms_film`.`length` > ALL "
                        + "(SELECT `f2`.`length` FROM `ms_film` AS `f2` WHERE `f2`.`category_id` = ?)", 2);
        assertSql(select(F.title).from(F).where(F.rentalRate.lt(any(select(f2.rentalRate).from(f2).where(f2.categoryId.eq(1))))),
                "SELECT `ms_film`.`title` FROM `ms_film` WHERE `ms_film`.`rental_rate` < ANY "
                        + "(SELECT `f2`.`rental_rate` FROM `ms_film` AS `f2` WHERE `f2`.`category_id` = ?)", 1);
    }

    @Test
    void lateralJoinsOnMysqlOnly() {
        DerivedTable latest = select(R.rentalId, R.rentalDate).from(R).where(R.customerId.eq(CU.customerId))
                .orderBy(R.rentalDate.desc()).limit(1).asTable("latest");
        assertRendered(select(CU.firstName, latest.field(R.rentalId)).from(CU).crossJoinLateral(latest).render(MYSQL_8),
                "SELECT `ms_customer`.`first_name`, `latest`.`rental_id` FROM `ms_customer` CROSS JOIN LATERAL "
                        + "(SELECT `ms_rental`.`rental_id`, `ms_rental`.`rental_date` FROM `ms_rental` WHERE `ms_rental`.`customer_id` = "
                        + "`ms_customer`.`customer_id` ORDER BY `ms_rental`.`rental_date` DESC LIMIT ?) AS `latest`", 1L);
        assertRendered(select(CU.firstName, latest.field(R.rentalDate)).from(CU).leftJoinLateral(latest)
                        .on(latest.field(R.rentalId).isNotNull()).render(MYSQL_8),
                "SELECT `ms_customer`.`first_name`, `latest`.`rental_date` FROM `ms_customer` LEFT JOIN LATERAL "
                        + "(SELECT `ms_rental`.`rental_id`, `ms_rental`.`rental_date` FROM `ms_rental` WHERE `ms_rental`.`customer_id` = "
                        + "`ms_customer`.`customer_id` ORDER BY `ms_rental`.`rental_date` DESC LIMIT ?) AS `latest` "
                        + "ON `latest`.`rental_id` IS NOT NULL", 1L);
        assertThat(select(CU.firstName).from(CU).joinLateral(latest).on(latest.field(R.rentalId).gt(0))
                .render(MYSQL_8).sql()).contains(q(" JOIN LATERAL (SELECT "));
        assertThatThrownBy(() -> select(CU.firstName).from(CU).crossJoinLateral(latest).render(DIALECT))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessageContaining("mariadb").hasMessageContaining("MariaDB has no LATERAL");
        assertThatThrownBy(() -> select(CU.firstName).from(CU).crossJoinLateral(latest).render(MysqlDialect.of("MySQL", "8.0.13")))
                .isInstanceOf(UnsupportedDialectFeatureException.class).hasMessageContaining("8.0.14");
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
    void withInUpdateAndDeleteOnMysqlOnly() {
        Cte cheap = cheap();
        assertRendered(with(cheap).update(F).set(F.rentalRate, new BigDecimal("0.49"))
                        .where(F.filmId.in(select(cheap.field(F.filmId)).from(cheap))).render(MYSQL_8),
                "WITH " + CHEAP + " UPDATE `ms_film` SET `rental_rate` = ? WHERE `ms_film`.`film_id` IN (SELECT `cheap`.`film_id` FROM `cheap`)",
                new BigDecimal("3.00"), new BigDecimal("0.49"));
        assertRendered(with(cheap).deleteFrom(FA).where(FA.filmId.in(select(cheap.field(F.filmId)).from(cheap))).render(MYSQL_8),
                "WITH " + CHEAP + " DELETE FROM `ms_film_actor` WHERE `ms_film_actor`.`film_id` IN (SELECT `cheap`.`film_id` FROM `cheap`)",
                new BigDecimal("3.00"));
        assertThatThrownBy(() -> with(cheap).update(F).set(F.rentalRate, BigDecimal.ONE).all().render(DIALECT))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessageContaining("mariadb").hasMessageContaining("WITH ... UPDATE");
        assertThatThrownBy(() -> with(cheap).deleteFrom(FA).all().render(DIALECT))
                .isInstanceOf(UnsupportedDialectFeatureException.class).hasMessageContaining("WITH ... DELETE");
    }

    @Test
    void withInInsertGoesInFrontOfASelectOfTheRows() {
        Cte mary = cte("mary").as(select(CU.customerId).from(CU).where(CU.firstName.eq("MARY")));
        LocalDateTime at = LocalDateTime.of(2005, 7, 1, 12, 0);
        Field<Integer> maryId = field(select(mary.field(CU.customerId)).from(mary));
        var insert = with(mary).insertInto(P, List.of(9, 10), (row, id) -> row.set(P.paymentId, id).set(P.customerId, maryId)
                .set(P.amount, new BigDecimal("1.00")).set(P.paymentDate, at));
        Rendered r = insert.render(DIALECT);
        assertRendered(r,
                "INSERT INTO `ms_payment` (`payment_id`, `customer_id`, `amount`, `payment_date`) "
                        + "WITH `mary` AS (SELECT `ms_customer`.`customer_id` FROM `ms_customer` WHERE `ms_customer`.`first_name` = ?) "
                        + "SELECT ?, (SELECT `mary`.`customer_id` FROM `mary`), ?, ? UNION ALL SELECT ?, (SELECT `mary`.`customer_id` FROM `mary`), ?, ?",
                "MARY", 9, new BigDecimal("1.00"), at, 10, new BigDecimal("1.00"), at);
        assertThat(insert.render(MYSQL_8)).isEqualTo(r);
        assertThat(insert.renderChunks(DIALECT)).containsExactly(r);
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
}
