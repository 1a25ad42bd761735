package dev.quarry.testkit;

import dev.quarry.dsl.Cte;
import dev.quarry.dsl.CteColumn;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.DerivedTable;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Record2;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static dev.quarry.dsl.Dsl.all;
import static dev.quarry.dsl.Dsl.any;
import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.cte;
import static dev.quarry.dsl.Dsl.exists;
import static dev.quarry.dsl.Dsl.field;
import static dev.quarry.dsl.Dsl.notExists;
import static dev.quarry.dsl.Dsl.select;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Joins, table aliases, derived tables, subqueries and CTEs on the MiniSakila data, run by
 * every dialect module on its real database: each query must return the rows the fixed data gives
 * (see {@link MiniSakila#load}), or, for a feature the dialect lacks, be refused at render time with
 * {@link UnsupportedDialectFeatureException} before anything is sent. Statements that change rows run
 * in a transaction that is rolled back, so every test sees the documented data.
 */
public abstract class JoinSubqueryCteSuite extends MiniSakilaSuite {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final Category CA = Category.CATEGORY;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Rental R = Rental.RENTAL;
    private static final Payment P = Payment.PAYMENT;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;

    /** Features that some dialects lack. */
    public enum Feature {
        /** {@code FULL JOIN}. */
        FULL_JOIN,
        /** {@code JOIN LATERAL} / {@code CROSS JOIN LATERAL}. */
        LATERAL,
        /** {@code x op ANY (subquery)} and {@code ALL}. */
        ANY_ALL,
        /** {@code WITH ... UPDATE} and {@code WITH ... DELETE}. */
        WITH_IN_UPDATE_DELETE
    }

    /** @return the features the dialect refuses at render time with {@link UnsupportedDialectFeatureException} */
    protected abstract Set<Feature> unsupported();

    /**
     * @return features the dialect renders but the server under test cannot run (MySQL 8's SQL on a
     *         MariaDB server); their tests only render. None by default.
     */
    protected Set<Feature> renderedOnly() {
        return Set.of();
    }

    /**
     * Handles a feature the dialect may lack: refused ones must fail at render time, rendered-only ones
     * must render.
     *
     * @return true when the test ends here, false when the statement is to be run
     */
    private boolean skipOrRefused(Feature feature, Supplier<?> render) {
        if (unsupported().contains(feature)) {
            assertThatThrownBy(render::get).isInstanceOf(UnsupportedDialectFeatureException.class)
                    .hasMessageContaining(db.dialect().name());
            return true;
        }
        if (renderedOnly().contains(feature)) {
            assertThat(render.get()).isNotNull();
            return true;
        }
        return false;
    }

    /** Runs a block in a transaction and rolls it back, so the data stays as documented. */
    private void rolledBack(Consumer<Transaction> block) {
        final class Rollback extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        try {
            db.runInTransaction(tx -> {
                block.accept(tx);
                throw new Rollback();
            });
        } catch (Rollback expected) {
            // rolled back
        }
    }

    private static <A, B> List<String> pairs(List<Record2<A, B>> rows) {
        List<String> out = new ArrayList<>();
        for (Record2<A, B> r : rows) out.add(r.value1() + "|" + r.value2());
        return out;
    }

    private List<String> titles(Select<?> select) {
        List<String> out = new ArrayList<>();
        for (var row : db.fetch(select)) out.add(row.get(F.title));
        return out;
    }

    // ---- joins ---------------------------------------------------------------------------------------

    @Test
    void selfJoinOfCustomersAndWhoReferredThem() {
        Customer referrer = CU.as("referrer");
        var inner = db.select(CU.firstName, referrer.firstName).from(CU)
                .join(referrer).on(CU.referredBy.eq(referrer.customerId)).orderBy(CU.customerId).fetch();
        assertThat(pairs(inner)).containsExactly("PATRICIA|MARY", "LINDA|PATRICIA");
        var left = db.select(CU.firstName, referrer.firstName).from(CU)
                .leftJoin(referrer).on(CU.referredBy.eq(referrer.customerId)).orderBy(CU.customerId).fetch();
        assertThat(pairs(left)).containsExactly("MARY|null", "PATRICIA|MARY", "LINDA|PATRICIA", "BARBARA|null");
        var viaForeignKey = db.select(CU.firstName, referrer.firstName).from(CU)
                .join(referrer).onForeignKey(CU.referredBy).orderBy(CU.customerId).fetch();
        assertThat(pairs(viaForeignKey)).isEqualTo(pairs(inner));
        var referred = db.select(CU.firstName, referrer.firstName).from(CU)
                .join(referrer).onForeignKey(referrer.referredBy).orderBy(CU.customerId).fetch();
        assertThat(pairs(referred)).containsExactly("MARY|PATRICIA", "PATRICIA|LINDA");
    }

    @Test
    void rightJoinKeepsFilmsThatWereNeverRented() {
        var rows = db.select(F.title, R.rentalId).from(R).rightJoin(F).on(R.filmId.eq(F.filmId))
                .where(R.rentalId.isNull()).orderBy(F.title).fetch();
        assertThat(pairs(rows)).containsExactly("AGENT TRUMAN|null", "ZORRO ARK|null");
        assertThat(db.select(count()).from(R).rightJoin(F).on(R.filmId.eq(F.filmId)).fetchValue(count())).isEqualTo(10L);
    }

    @Test
    void fullJoinKeepsUnmatchedRowsOfBothSides() {
        var query = db.select(L.name, F.title).from(F).fullJoin(L).on(F.originalLanguageId.eq(L.languageId));
        if (skipOrRefused(Feature.FULL_JOIN, () -> query.render(db.dialect()))) return;
        assertThat(pairs(query.fetch())).containsExactlyInAnyOrder(
                "null|ACADEMY DINOSAUR", "null|ACE GOLDFINGER", "Italian|ADAPTATION HOLES", "null|AFFAIR PREJUDICE",
                "null|AGENT TRUMAN", "French|ZORRO ARK", "English|null");
    }

    @Test
    void crossJoinGivesEveryCombination() {
        var rows = db.select(L.name, CA.name).from(L).crossJoin(CA).orderBy(L.languageId, CA.categoryId).fetch();
        assertThat(rows).hasSize(9);
        assertThat(pairs(rows).get(0)).isEqualTo("English|Action");
        assertThat(pairs(rows).get(8)).isEqualTo("French|Drama");
    }

    @Test
    void joinOnACompositeConditionFindsCoStars() {
        FilmActor other = FA.as("other");
        var rows = db.select(FA.actorId, other.actorId).from(FA).join(other)
                .on(FA.filmId.eq(other.filmId).and(FA.actorId.lt(other.actorId)))
                .orderBy(FA.actorId, other.actorId).fetch();
        assertThat(pairs(rows)).containsExactly("1|2", "1|3", "2|3");
    }

    @Test
    void joinFollowingADeclaredForeignKey() {
        var rentals = db.select(R.rentalId, F.title).from(R).join(F).onForeignKey()
                .where(R.customerId.eq(3)).orderBy(R.rentalId).fetch();
        assertThat(pairs(rentals)).containsExactly("5|ADAPTATION HOLES", "7|AFFAIR PREJUDICE");
        var reverse = db.select(F.title, count()).from(F).leftJoin(R).onForeignKey().groupBy(F.title).orderBy(F.title).fetch();
        assertThat(pairs(reverse)).containsExactly("ACADEMY DINOSAUR|3", "ACE GOLDFINGER|1", "ADAPTATION HOLES|3",
                "AFFAIR PREJUDICE|1", "AGENT TRUMAN|1", "ZORRO ARK|1");
        var original = db.select(F.title, L.name).from(F).join(L).onForeignKey(F.originalLanguageId).orderBy(F.title).fetch();
        assertThat(pairs(original)).containsExactly("ADAPTATION HOLES|Italian", "ZORRO ARK|French");
        assertThatThrownBy(() -> db.select(F.title).from(F).join(L).onForeignKey())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ambiguous");
    }

    // ---- derived tables ------------------------------------------------------------------------------

    @Test
    void derivedTableOfPerCustomerTotalsJoinedBack() {
        Field<BigDecimal> total = sum(P.amount).as("total");
        DerivedTable totals = select(P.customerId, total).from(P).groupBy(P.customerId).asTable("totals");
        var rows = db.select(CU.firstName, totals.field(total)).from(CU)
                .join(totals).on(totals.field(P.customerId).eq(CU.customerId))
                .orderBy(totals.field(total).desc()).fetch();
        assertThat(rows).extracting(Record2::value1).containsExactly("MARY", "LINDA", "PATRICIA");
        assertThat(rows).extracting(Record2::value2).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("11.96"), new BigDecimal("5.98"), new BigDecimal("3.98"));
        var withBarbara = db.select(CU.firstName, totals.field(total)).from(CU)
                .leftJoin(totals).on(totals.field(P.customerId).eq(CU.customerId))
                .where(CU.active.eq(false)).fetch();
        assertThat(pairs(withBarbara)).containsExactly("BARBARA|null");
    }

    // ---- subqueries ----------------------------------------------------------------------------------

    @Test
    void filmsPricedAboveTheAverageThroughAScalarSubquery() {
        assertThat(titles(select(F.title).from(F).where(F.rentalRate.gt(field(select(avg(F.rentalRate)).from(F))))
                .orderBy(F.title))).containsExactly("ACE GOLDFINGER", "ZORRO ARK");
    }

    @Test
    void existsAndNotExistsFindRentedAndNeverRentedFilms() {
        assertThat(titles(select(F.title).from(F).where(exists(select(R.rentalId).from(R).where(R.filmId.eq(F.filmId))))
                .orderBy(F.title))).containsExactly("ACADEMY DINOSAUR", "ACE GOLDFINGER", "ADAPTATION HOLES", "AFFAIR PREJUDICE");
        assertThat(titles(select(F.title).from(F).where(notExists(select(R.rentalId).from(R).where(R.filmId.eq(F.filmId))))
                .orderBy(F.title))).containsExactly("AGENT TRUMAN", "ZORRO ARK");
    }

    @Test
    void inAndNotInSubqueries() {
        assertThat(titles(select(F.title).from(F).where(F.filmId.in(select(R.filmId).from(R).where(R.customerId.eq(3))))
                .orderBy(F.title))).containsExactly("ADAPTATION HOLES", "AFFAIR PREJUDICE");
        assertThat(titles(select(F.title).from(F).where(F.filmId.notIn(select(R.filmId).from(R))).orderBy(F.title)))
                .containsExactly("AGENT TRUMAN", "ZORRO ARK");
    }

    @Test
    void anyAndAllComparisons() {
        Film f2 = F.as("f2");
        var longerThanAllComedies = select(F.title).from(F)
                .where(F.length.gt(all(select(f2.length).from(f2).where(f2.categoryId.eq(2))))).orderBy(F.title);
        if (skipOrRefused(Feature.ANY_ALL, () -> longerThanAllComedies.render(db.dialect()))) return;
        assertThat(titles(longerThanAllComedies)).containsExactly("ACADEMY DINOSAUR", "AFFAIR PREJUDICE");
        var cheaperThanAnAction = select(F.title).from(F)
                .where(F.rentalRate.lt(any(select(f2.rentalRate).from(f2).where(f2.categoryId.eq(1))))).orderBy(F.title);
        assertThat(titles(cheaperThanAnAction)).containsExactly("ACADEMY DINOSAUR", "ADAPTATION HOLES", "AFFAIR PREJUDICE", "AGENT TRUMAN");
    }

    @Test
    void correlatedSubqueries() {
        Field<Long> rentals = field(select(count()).from(R).where(R.customerId.eq(CU.customerId))).as("rentals");
        var rows = db.select(CU.firstName, rentals).from(CU).orderBy(CU.customerId).fetch();
        assertThat(pairs(rows)).containsExactly("MARY|3", "PATRICIA|2", "LINDA|2", "BARBARA|1");
        Payment p2 = P.as("p2");
        // payments above their customer's own average payment
        var above = db.select(P.paymentId, P.amount).from(P)
                .where(P.amount.gt(field(select(avg(p2.amount)).from(p2).where(p2.customerId.eq(P.customerId)))))
                .orderBy(P.paymentId).fetch();
        assertThat(above).extracting(Record2::value1).containsExactly(3, 4, 6);
    }

    @Test
    void lateralTopRentalPerCustomer() {
        DerivedTable latest = select(R.rentalId, R.rentalDate).from(R).where(R.customerId.eq(CU.customerId))
                .orderBy(R.rentalDate.desc()).limit(1).asTable("latest");
        var query = db.select(CU.firstName, latest.field(R.rentalId)).from(CU).crossJoinLateral(latest).orderBy(CU.customerId);
        if (skipOrRefused(Feature.LATERAL, () -> query.render(db.dialect()))) return;
        assertThat(pairs(query.fetch())).containsExactly("MARY|6", "PATRICIA|4", "LINDA|7", "BARBARA|8");
        var joined = db.select(CU.firstName, latest.field(R.rentalDate)).from(CU).joinLateral(latest)
                .on(latest.field(R.rentalId).gt(6)).orderBy(CU.customerId).fetch();
        assertThat(pairs(joined)).containsExactly("LINDA|2005-06-02T15:45", "BARBARA|2005-06-03T16:20");
    }

    // ---- CTEs ----------------------------------------------------------------------------------------

    @Test
    void severalCtesReferringToEachOther() {
        Field<Long> n = count().as("n");
        Cte counts = cte("counts").as(select(R.customerId, n).from(R).groupBy(R.customerId));
        Field<Integer> countsCustomer = counts.field(R.customerId);
        Cte busy = cte("busy").as(select(countsCustomer).from(counts).where(counts.field(n).ge(2L)));
        var names = db.with(counts, busy).select(CU.firstName).from(CU)
                .where(CU.customerId.in(select(busy.field(countsCustomer)).from(busy))).orderBy(CU.firstName).fetch();
        assertThat(names).extracting(r -> r.value1()).containsExactly("LINDA", "MARY", "PATRICIA");
        Cte cheap = cte("cheap").as(select(F.filmId, F.title).from(F).where(F.rentalRate.lt(new BigDecimal("3.00"))));
        Cte c2 = cheap.as("c2");
        var pairsOfCheap = db.with(cheap).select(cheap.field(F.title), c2.field(F.title)).from(cheap).join(c2)
                .on(cheap.field(F.filmId).lt(c2.field(F.filmId))).where(c2.field(F.filmId).eq(3)).orderBy(cheap.field(F.title)).fetch();
        assertThat(pairs(pairsOfCheap)).containsExactly("ACADEMY DINOSAUR|ADAPTATION HOLES");
    }

    @Test
    void recursiveCteWalksTheReferralChain() {
        Cte chain = cte("chain").asRecursive(
                select(CU.customerId, CU.referredBy).from(CU).where(CU.customerId.eq(3)),
                self -> select(CU.customerId, CU.referredBy).from(CU).join(self).on(CU.customerId.eq(self.field(CU.referredBy))));
        var up = db.withRecursive(chain).select(chain.field(CU.customerId), chain.field(CU.referredBy)).from(chain)
                .orderBy(chain.field(CU.customerId).desc()).fetch();
        assertThat(pairs(up)).containsExactly("3|2", "2|1", "1|null");

        CteColumn<Integer> id = CteColumn.of("id", DataType.integer());
        CteColumn<Integer> parent = CteColumn.of("parent", DataType.integer());
        Cte down = cte("down", id, parent).asRecursive(
                select(CU.customerId, CU.referredBy).from(CU).where(CU.customerId.eq(1)),
                self -> select(CU.customerId, CU.referredBy).from(CU).join(self).on(CU.referredBy.eq(self.field(id))));
        var names = db.withRecursive(down).select(CU.firstName, down.field(parent)).from(down)
                .join(CU).on(CU.customerId.eq(down.field(id))).orderBy(down.field(id)).fetch();
        assertThat(pairs(names)).containsExactly("MARY|null", "PATRICIA|1", "LINDA|2");
    }

    @Test
    void withInUpdate() {
        Cte cheap = cte("cheap").as(select(F.filmId).from(F).where(F.rentalRate.lt(new BigDecimal("3.00"))));
        var update = db.with(cheap).update(F).set(F.rentalRate, new BigDecimal("0.49"))
                .where(F.filmId.in(select(cheap.field(F.filmId)).from(cheap)));
        if (skipOrRefused(Feature.WITH_IN_UPDATE_DELETE, () -> update.render(db.dialect()))) return;
        rolledBack(tx -> {
            int changed = tx.with(cheap).update(F).set(F.rentalRate, new BigDecimal("0.49"))
                    .where(F.filmId.in(select(cheap.field(F.filmId)).from(cheap))).execute();
            assertThat(changed).isEqualTo(4);
            var rows = tx.fetch(select(F.filmId).from(F).where(F.rentalRate.eq(new BigDecimal("0.49"))).orderBy(F.filmId));
            assertThat(rows).extracting(r -> r.value1()).containsExactly(1, 3, 4, 5);
        });
        assertThat(db.select(count()).from(F).where(F.rentalRate.eq(new BigDecimal("0.49"))).fetchValue(count())).isZero();
    }

    @Test
    void withInDelete() {
        Cte inactive = cte("inactive").as(select(CU.customerId).from(CU).where(CU.active.eq(false)));
        var delete = db.with(inactive).deleteFrom(R).where(R.customerId.in(select(inactive.field(CU.customerId)).from(inactive)));
        if (skipOrRefused(Feature.WITH_IN_UPDATE_DELETE, () -> delete.render(db.dialect()))) return;
        rolledBack(tx -> {
            int deleted = tx.with(inactive).deleteFrom(R)
                    .where(R.customerId.in(select(inactive.field(CU.customerId)).from(inactive))).execute();
            assertThat(deleted).isEqualTo(1);
            assertThat(tx.fetch(select(count()).from(R)).get(0).value1()).isEqualTo(7L);
        });
        assertThat(db.select(count()).from(R).fetchValue(count())).isEqualTo(8L);
    }

    @Test
    void withInInsert() {
        Cte mary = cte("mary").as(select(CU.customerId).from(CU).where(CU.firstName.eq("MARY")));
        Field<Integer> maryId = field(select(mary.field(CU.customerId)).from(mary));
        LocalDateTime at = LocalDateTime.of(2005, 7, 1, 12, 0);
        rolledBack(tx -> {
            int inserted = tx.with(mary).insertInto(P, List.of(9, 10), (row, id) -> row.set(P.paymentId, id)
                    .set(P.customerId, maryId).set(P.amount, new BigDecimal("1.00")).set(P.paymentDate, at)).execute();
            assertThat(inserted).isEqualTo(2);
            var rows = tx.fetch(select(P.paymentId, P.customerId).from(P).where(P.paymentId.ge(9)).orderBy(P.paymentId));
            assertThat(pairs(rows)).containsExactly("9|1", "10|1");
        });
        assertThat(db.select(count()).from(P).fetchValue(count())).isEqualTo(8L);
    }
}
