package dev.quarry.testkit;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.DatePart;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Interval;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.Window;
import dev.quarry.testkit.MiniSakila.Actor;
import dev.quarry.testkit.MiniSakila.Category;
import dev.quarry.testkit.MiniSakila.Customer;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.FilmActor;
import dev.quarry.testkit.MiniSakila.Payment;
import dev.quarry.testkit.MiniSakila.Rental;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.choose;
import static dev.quarry.dsl.Dsl.coalesce;
import static dev.quarry.dsl.Dsl.concat;
import static dev.quarry.dsl.Dsl.condition;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.currentDate;
import static dev.quarry.dsl.Dsl.currentRow;
import static dev.quarry.dsl.Dsl.currentTimestamp;
import static dev.quarry.dsl.Dsl.denseRank;
import static dev.quarry.dsl.Dsl.firstValue;
import static dev.quarry.dsl.Dsl.following;
import static dev.quarry.dsl.Dsl.greatest;
import static dev.quarry.dsl.Dsl.lag;
import static dev.quarry.dsl.Dsl.lastValue;
import static dev.quarry.dsl.Dsl.lead;
import static dev.quarry.dsl.Dsl.least;
import static dev.quarry.dsl.Dsl.max;
import static dev.quarry.dsl.Dsl.min;
import static dev.quarry.dsl.Dsl.ntile;
import static dev.quarry.dsl.Dsl.nullif;
import static dev.quarry.dsl.Dsl.orderBy;
import static dev.quarry.dsl.Dsl.partitionBy;
import static dev.quarry.dsl.Dsl.preceding;
import static dev.quarry.dsl.Dsl.rank;
import static dev.quarry.dsl.Dsl.rowNumber;
import static dev.quarry.dsl.Dsl.sql;
import static dev.quarry.dsl.Dsl.stringAgg;
import static dev.quarry.dsl.Dsl.sum;
import static dev.quarry.dsl.Dsl.unboundedFollowing;
import static dev.quarry.dsl.Dsl.unboundedPreceding;
import static dev.quarry.dsl.Dsl.value;
import static dev.quarry.dsl.Dsl.when;
import static dev.quarry.dsl.Dsl.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Window functions, expressions and raw SQL on a real database, over {@link MiniSakila}'s fixed data:
 * every test states the exact values (and Java types) it reads back, and every dialect module runs the
 * same tests, so SQLite, PostgreSQL and MariaDB (also with MySQL 8's SQL) must agree on them.
 *
 * <p>The data is loaded once per class and only read; a subclass gives the database, which must be its
 * own (a PostgreSQL schema, a MariaDB database, a SQLite file or memory database), since other suites
 * create MiniSakila's tables at the same time.
 */
public abstract class ExpressionWindowSuite extends MiniSakilaSuite {
    private static final Film F = Film.FILM;
    private static final Rental R = Rental.RENTAL;
    private static final Payment P = Payment.PAYMENT;
    private static final Customer C = Customer.CUSTOMER;
    private static final Actor A = Actor.ACTOR;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;
    private static final Category CAT = Category.CATEGORY;

    /** The values of each row, in select-list order (nulls kept). */
    private static List<List<Object>> values(List<? extends Row> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Object[] v = new Object[r.size()];
            for (int i = 0; i < v.length; i++) v[i] = r.get(i);
            out.add(Arrays.asList(v));
        }
        return out;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static LocalDateTime ts(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    private <R extends Row> List<List<Object>> fetch(Select<R> select) {
        return values(db.fetch(select));
    }

    /**
     * Whether the server runs LAG and LEAD with a default value as the dialect writes them. False only
     * where a subclass runs one product's SQL on another: MySQL 8's {@code LAG(x, n, default)} on MariaDB,
     * whose LAG takes no default (the MariaDB dialect emulates it).
     *
     * @return true by default
     */
    protected boolean runsLagLeadDefaults() {
        return true;
    }

    /**
     * Whether the dialect has GROUPS window frames (SQLite, PostgreSQL); where it has not (MySQL, MariaDB)
     * the suite checks that rendering refuses them.
     *
     * @return true by default
     */
    protected boolean groupsFrames() {
        return true;
    }

    // ---- window functions ----------------------------------------------------------------------------

    @Test
    void rankDenseRankAndRowNumberOfFilmsByLengthWithinCategory() {
        Window byLength = partitionBy(F.categoryId).orderBy(F.length.desc().nullsLast());
        var rows = db.select(F.title, F.categoryId, rank().over(byLength), denseRank().over(byLength),
                        rowNumber().over(partitionBy(F.categoryId).orderBy(F.length.desc().nullsLast(), F.title.asc())))
                .from(F).orderBy(F.categoryId, F.title).fetch();
        assertThat(values(rows)).containsExactly(
                row("ACE GOLDFINGER", 1, 1L, 1L, 1L),
                row("AGENT TRUMAN", 1, 2L, 2L, 2L),
                row("ADAPTATION HOLES", 2, 1L, 1L, 1L),
                row("ZORRO ARK", 2, 1L, 1L, 2L),
                row("ACADEMY DINOSAUR", 3, 2L, 2L, 2L),
                row("AFFAIR PREJUDICE", 3, 1L, 1L, 1L));
        assertThat(rows.get(0).value3()).isInstanceOf(Long.class);
    }

    @Test
    void rankLeavesGapsAfterTiesAndDenseRankDoesNot() {
        Window all = orderBy(F.length.desc().nullsLast());
        assertThat(fetch(db.select(F.length, rank().over(all), denseRank().over(all)).from(F)
                .orderBy(F.length.desc().nullsLast(), F.title)))
                .containsExactly(row(117, 1L, 1L), row(86, 2L, 2L), row(50, 3L, 3L), row(50, 3L, 3L), row(48, 5L, 4L),
                        row(null, 6L, 5L));
    }

    @Test
    void runningTotalOfPaymentsPerCustomerWithARowsFrame() {
        Window history = partitionBy(P.customerId).orderBy(P.paymentDate);
        var running = sum(P.amount).over(history.rows(unboundedPreceding()));
        var lastTwo = sum(P.amount).over(history.rowsBetween(preceding(1), currentRow()));
        var payments = count().over(partitionBy(P.customerId));
        assertThat(fetch(db.select(P.customerId, P.amount, running, lastTwo, payments).from(P)
                .orderBy(P.customerId, P.paymentDate)))
                .containsExactly(
                        row(1, dec("0.99"), dec("0.99"), dec("0.99"), 3L),
                        row(1, dec("4.99"), dec("5.98"), dec("5.98"), 3L),
                        row(1, dec("5.98"), dec("11.96"), dec("10.97"), 3L),
                        row(2, dec("0.99"), dec("0.99"), dec("0.99"), 3L),
                        row(2, dec("2.99"), dec("3.98"), dec("3.98"), 3L),
                        row(2, dec("0.00"), dec("3.98"), dec("2.99"), 3L),
                        row(3, dec("2.99"), dec("2.99"), dec("2.99"), 2L),
                        row(3, dec("2.99"), dec("5.98"), dec("5.98"), 2L));
    }

    @Test
    void aWindowAverageRoundedByACastIsTheSameEverywhere() {
        var average = avg(P.amount).over(partitionBy(P.customerId)).cast(DataType.decimal(10, 4));
        assertThat(fetch(db.selectDistinct(P.customerId, average).from(P).orderBy(P.customerId)))
                .containsExactly(row(1, dec("3.9867")), row(2, dec("1.3267")), row(3, dec("2.9900")));
    }

    @Test
    void aRangeFrameWithOffsetsSumsTheLengthsWithinTwoMinutes() {
        var near = sum(F.length).over(orderBy(F.length).rangeBetween(preceding(2), following(2)));
        var upTo = sum(F.length).over(orderBy(F.length).range(unboundedPreceding()));
        assertThat(fetch(db.select(F.title, near, upTo).from(F).where(F.length.isNotNull()).orderBy(F.length, F.title)))
                .containsExactly(
                        row("ACE GOLDFINGER", dec("148"), dec("48")),
                        row("ADAPTATION HOLES", dec("148"), dec("148")),
                        row("ZORRO ARK", dec("148"), dec("148")),
                        row("ACADEMY DINOSAUR", dec("86"), dec("234")),
                        row("AFFAIR PREJUDICE", dec("117"), dec("351")));
    }

    @Test
    void aGroupsFrameCountsPeerGroupsOrIsRefused() {
        var twoGroups = count().over(orderBy(F.length).groupsBetween(preceding(1), currentRow()));
        var select = db.select(F.length, twoGroups).from(F).where(F.length.isNotNull()).orderBy(F.length);
        if (!groupsFrames()) {
            assertThatThrownBy(select::fetch)
                    .isInstanceOf(UnsupportedDialectFeatureException.class)
                    .hasMessageContaining("does not support GROUPS window frames");
            return;
        }
        assertThat(fetch(select)).containsExactly(row(48, 1L), row(50, 3L), row(50, 3L), row(86, 3L), row(117, 2L));
    }

    @Test
    void lagAndLeadOfRentalDatesPerCustomer() {
        Window byDate = partitionBy(R.customerId).orderBy(R.rentalDate);
        LocalDateTime none = ts("1970-01-01 00:00:00");
        var query = db.select(R.rentalId, lag(R.rentalDate).over(byDate), lead(R.rentalDate, 1, none).over(byDate),
                        lag(R.rentalDate, 2, none).over(byDate))
                .from(R).orderBy(R.customerId, R.rentalDate);
        if (!runsLagLeadDefaults()) {
            // this server cannot run the dialect's spelling (MySQL 8 SQL on MariaDB): check the SQL instead
            assertThat(query.render(db.dialect()).sql()).contains("LEAD(", "LAG(").contains(", 1, ?)").contains(", 2, ?)");
            return;
        }
        assertThat(fetch(query))
                .containsExactly(
                        row(1, null, ts("2005-05-26 11:30:00"), none),
                        row(3, ts("2005-05-24 22:53:30"), ts("2005-06-01 14:00:00"), none),
                        row(6, ts("2005-05-26 11:30:00"), none, ts("2005-05-24 22:53:30")),
                        row(2, null, ts("2005-05-27 12:00:00"), none),
                        row(4, ts("2005-05-25 10:00:00"), none, none),
                        row(5, null, ts("2005-06-02 15:45:00"), none),
                        row(7, ts("2005-05-28 13:15:00"), none, none),
                        row(8, null, none, none));
    }

    /** The default replaces only a missing row: rental 7's previous rental (5) exists and was not returned. */
    @Test
    void aLagDefaultDoesNotReplaceANullOfAnExistingRow() {
        Window byDate = partitionBy(R.customerId).orderBy(R.rentalDate);
        LocalDateTime none = ts("1970-01-01 00:00:00");
        var query = db.select(R.rentalId, lag(R.returnDate, 1, none).over(byDate), lead(R.returnDate, 1, none).over(byDate))
                .from(R).where(R.customerId.in(3, 4)).orderBy(R.customerId, R.rentalDate);
        if (!runsLagLeadDefaults()) {
            // this server cannot run the dialect's spelling (MySQL 8 SQL on MariaDB): check the SQL instead
            assertThat(query.render(db.dialect()).sql()).contains("LAG(", "LEAD(").contains(", 1, ?)");
            return;
        }
        assertThat(fetch(query))
                .containsExactly(
                        row(5, none, ts("2005-06-05 16:00:00")),
                        row(7, null, none),
                        row(8, none, none));
    }

    @Test
    void ntileDealsTheFilmsIntoBuckets() {
        assertThat(fetch(db.select(F.filmId, ntile(3).over(orderBy(F.filmId)), ntile(4).over(orderBy(F.filmId))).from(F)
                .orderBy(F.filmId)))
                .containsExactly(row(1, 1, 1), row(2, 1, 1), row(3, 2, 2), row(4, 2, 2), row(5, 3, 3), row(6, 3, 4));
    }

    @Test
    void firstAndLastValueWithAFullFrameAndWithTheDefaultFrame() {
        Window byTitle = partitionBy(F.categoryId).orderBy(F.title);
        Window whole = byTitle.rowsBetween(unboundedPreceding(), unboundedFollowing());
        assertThat(fetch(db.select(F.title, firstValue(F.title).over(whole), lastValue(F.title).over(whole),
                        lastValue(F.title).over(byTitle))
                .from(F).orderBy(F.categoryId, F.title)))
                .containsExactly(
                        row("ACE GOLDFINGER", "ACE GOLDFINGER", "AGENT TRUMAN", "ACE GOLDFINGER"),
                        row("AGENT TRUMAN", "ACE GOLDFINGER", "AGENT TRUMAN", "AGENT TRUMAN"),
                        row("ADAPTATION HOLES", "ADAPTATION HOLES", "ZORRO ARK", "ADAPTATION HOLES"),
                        row("ZORRO ARK", "ADAPTATION HOLES", "ZORRO ARK", "ZORRO ARK"),
                        row("ACADEMY DINOSAUR", "ACADEMY DINOSAUR", "AFFAIR PREJUDICE", "ACADEMY DINOSAUR"),
                        row("AFFAIR PREJUDICE", "ACADEMY DINOSAUR", "AFFAIR PREJUDICE", "AFFAIR PREJUDICE"));
    }

    @Test
    void aNamedWindowIsDeclaredOnceAndUsedByName() {
        Window w = window("by_category").partitionBy(F.categoryId).orderBy(F.length.desc().nullsLast(), F.title.asc());
        Window frame = window("whole_category").partitionBy(F.categoryId);
        var rows = db.select(F.title, rowNumber().over(w), rank().over(w), sum(F.length).over(w), max(F.length).over(frame))
                .from(F).window(w, frame).orderBy(F.filmId).fetch();
        assertThat(values(rows)).containsExactly(
                row("ACADEMY DINOSAUR", 2L, 2L, dec("203"), 117),
                row("ACE GOLDFINGER", 1L, 1L, dec("48"), 48),
                row("ADAPTATION HOLES", 1L, 1L, dec("50"), 50),
                row("AFFAIR PREJUDICE", 1L, 1L, dec("117"), 117),
                row("AGENT TRUMAN", 2L, 2L, dec("48"), 48),
                row("ZORRO ARK", 2L, 2L, dec("100"), 50));
        assertThatThrownBy(() -> db.select(F.title, rowNumber().over(w)).from(F).fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("window by_category is not declared on this SELECT; add it with select.window(...)");
    }

    @Test
    void aFilteredAggregateOverAWindow() {
        var open = count().filterWhere(R.returnDate.isNull()).over(partitionBy(R.customerId));
        assertThat(fetch(db.selectDistinct(R.customerId, open).from(R).orderBy(R.customerId)))
                .containsExactly(row(1, 0L), row(2, 0L), row(3, 1L), row(4, 1L));
    }

    // ---- CASE, CAST, COALESCE, NULLIF, GREATEST, LEAST ------------------------------------------------

    @Test
    void searchedCaseBucketsAndSimpleCaseNames() {
        Field<String> bucket = when(F.length.isNull(), "unknown").when(F.length.lt(60), "short")
                .when(F.length.lt(100), "medium").otherwise("long");
        Field<String> category = choose(F.categoryId).when(1, "Action").when(2, "Comedy").otherwise("Drama");
        Field<Integer> noElse = when(F.length.gt(100), 1);
        assertThat(fetch(db.select(F.filmId, bucket, category, noElse).from(F).orderBy(F.filmId)))
                .containsExactly(
                        row(1, "medium", "Drama", null),
                        row(2, "short", "Action", null),
                        row(3, "short", "Comedy", null),
                        row(4, "long", "Drama", 1),
                        row(5, "unknown", "Action", null),
                        row(6, "short", "Comedy", null));
    }

    @Test
    void castRoundTrips() {
        assertThat(fetch(db.select(F.rentalRate.cast(DataType.text()), F.rentalRate.cast(DataType.integer()),
                        F.rentalRate.cast(DataType.varchar(3)), F.length.cast(DataType.decimal(6, 2)),
                        F.filmId.cast(DataType.bigint()), F.length.cast(DataType.doublePrecision()))
                .from(F).where(F.filmId.in(1, 2)).orderBy(F.filmId)))
                .containsExactly(
                        row("0.99", 1, "0.9", dec("86.00"), 1L, 86.0),
                        row("4.99", 5, "4.9", dec("48.00"), 2L, 48.0));
        assertThat(fetch(db.select(value("42").cast(DataType.integer()), value(new BigDecimal("2.5")).cast(DataType.integer()),
                value(new BigDecimal("-2.5")).cast(DataType.integer()), value("12.345").cast(DataType.decimal(6, 2)),
                value("2005-05-24 22:53:30").cast(DataType.timestamp()), value(LocalDate.of(2005, 5, 24)).cast(DataType.timestamp()))))
                .containsExactly(row(42, 3, -3, dec("12.35"), ts("2005-05-24 22:53:30"), ts("2005-05-24 00:00:00")));
        assertThat(fetch(db.select(R.rentalDate.cast(DataType.date()), R.rentalDate.cast(DataType.text()), P.amount.cast(DataType.text()))
                .from(R).join(P).on(P.rentalId.eq(R.rentalId)).where(R.rentalId.eq(1))))
                .containsExactly(row(LocalDate.of(2005, 5, 24), "2005-05-24 22:53:30", "0.99"));
        assertThat(fetch(db.select(P.amount.cast(DataType.text())).from(P).where(P.paymentId.eq(8))))
                .containsExactly(row("0.00"));
        assertThat(fetch(db.select(value(ts("2005-05-24 22:53:30.5")).cast(DataType.text()), value(ts("2005-05-24 22:53:00")).cast(DataType.text()))))
                .containsExactly(row("2005-05-24 22:53:30.5", "2005-05-24 22:53:00"));
    }

    @Test
    void coalesceAndNullif() {
        assertThat(fetch(db.select(F.filmId, coalesce(F.length, 0), coalesce(F.originalLanguageId, F.languageId),
                        nullif(F.length, 50), nullif(F.originalLanguageId, F.languageId))
                .from(F).orderBy(F.filmId)))
                .containsExactly(
                        row(1, 86, 1, 86, null),
                        row(2, 48, 1, 48, null),
                        row(3, 50, 2, null, 2),
                        row(4, 117, 3, 117, null),
                        row(5, 0, 1, null, null),
                        row(6, 50, 3, null, 3));
    }

    @Test
    void greatestAndLeastIgnoreNullsOnEveryDialect() {
        Field<Integer> none = value(null, DataType.integer());
        assertThat(fetch(db.select(F.filmId, greatest(F.length, value(60)), least(F.length, value(60)),
                        greatest(F.originalLanguageId, F.languageId, value(2)), least(none, none))
                .from(F).orderBy(F.filmId)))
                .containsExactly(
                        row(1, 86, 60, 2, null),
                        row(2, 60, 48, 2, null),
                        row(3, 60, 50, 2, null),
                        row(4, 117, 60, 3, null),
                        row(5, 60, 60, 2, null),
                        row(6, 60, 50, 3, null));
    }

    // ---- arithmetic ------------------------------------------------------------------------------------

    @Test
    void integerArithmeticTruncatesDivisionTowardZero() {
        assertThat(fetch(db.select(F.filmId, F.length.plus(10), F.length.minus(F.filmId), F.length.times(2), F.length.div(7),
                        F.length.mod(7), F.length.neg())
                .from(F).orderBy(F.filmId)))
                .containsExactly(
                        row(1, 96, 85, 172, 12, 2, -86),
                        row(2, 58, 46, 96, 6, 6, -48),
                        row(3, 60, 47, 100, 7, 1, -50),
                        row(4, 127, 113, 234, 16, 5, -117),
                        row(5, null, null, null, null, null, null),
                        row(6, 60, 44, 100, 7, 1, -50));
        assertThat(fetch(db.select(value(-7).div(2), value(-7).mod(2), value(7).div(value(-2)), value(7L).div(2L))))
                .containsExactly(row(-3, -1, -3, 3L));
    }

    @Test
    void decimalAndFloatingArithmeticHaveExactResultTypes() {
        assertThat(fetch(db.select(F.rentalRate.times(new BigDecimal("3")), F.rentalRate.div(new BigDecimal("3")),
                        F.rentalRate.plus(new BigDecimal("0.005")), F.rentalRate.minus(F.rentalRate), F.rentalRate.neg())
                .from(F).where(F.filmId.in(1, 2, 3)).orderBy(F.filmId)))
                .containsExactly(
                        row(dec("2.97"), dec("0.330000"), dec("0.995"), dec("0.00"), dec("-0.99")),
                        row(dec("14.97"), dec("1.663333"), dec("4.995"), dec("0.00"), dec("-4.99")),
                        row(dec("8.97"), dec("0.996667"), dec("2.995"), dec("0.00"), dec("-2.99")));
        assertThat(fetch(db.select(value(7.0).div(2.0), value(0.01).div(value(32.0)))))
                .containsExactly(row(3.5, 0.0003125));
        assertThat(fetch(db.select(value(new BigDecimal("0.01"), DataType.decimal(4, 2)).div(new BigDecimal("32")))))
                .containsExactly(row(dec("0.000313")));
    }

    // ---- strings -----------------------------------------------------------------------------------------

    @Test
    void stringFunctionsReturnTheSameTextAndNumbers() {
        assertThat(fetch(db.select(A.firstName.lower(), A.lastName.upper(), A.lastName.length(),
                        A.firstName.concat(" ").concat(A.lastName), concat(A.lastName, value(", "), A.firstName),
                        A.firstName.substring(2, 3), A.firstName.substring(3), A.firstName.replace("E", "3"),
                        A.firstName.position("E"), A.firstName.position("Z"))
                .from(A).where(A.actorId.eq(1))))
                .containsExactly(row("penelope", "GUINESS", 7, "PENELOPE GUINESS", "GUINESS, PENELOPE", "ENE", "NELOPE",
                        "P3N3LOP3", 2, 0));
        assertThat(fetch(db.select(value("  x  ").trim(), value("héllo").length(), value("héllo").substring(2, 2),
                        value("héllo").position("l"), C.firstName.concat(value(null, DataType.text())))
                .from(C).where(C.customerId.eq(1))))
                .containsExactly(row("x", 5, "él", 3, null));
    }

    @Test
    void stringAggregationInAnOrderWithASeparatorThatNeedsEscaping() {
        assertThat(fetch(db.select(stringAgg(A.lastName, ", ", A.lastName.asc())).from(A)))
                .containsExactly(row("CHASE, DAVIS, GUINESS, WAHLBERG"));
        assertThat(fetch(db.select(stringAgg(A.lastName, "'\\|", A.lastName.desc())).from(A)))
                .containsExactly(row("WAHLBERG'\\|GUINESS'\\|DAVIS'\\|CHASE"));
        assertThat(fetch(db.select(FA.filmId, stringAgg(A.firstName, ";", A.firstName.desc()))
                .from(FA).join(A).on(A.actorId.eq(FA.actorId)).groupBy(FA.filmId).orderBy(FA.filmId)))
                .containsExactly(row(1, "PENELOPE;NICK;ED"), row(2, "PENELOPE"), row(3, "PENELOPE"), row(4, "NICK"),
                        row(5, "ED"));
        assertThat(fetch(db.select(stringAgg(A.lastName, ",")).from(A).where(A.actorId.gt(99))))
                .containsExactly(row((Object) null));
    }

    // ---- dates and times ---------------------------------------------------------------------------------

    @Test
    void extractPartsOfATimestampAndADate() {
        assertThat(fetch(db.select(R.rentalDate.extract(DatePart.YEAR), R.rentalDate.extract(DatePart.MONTH),
                        R.rentalDate.extract(DatePart.DAY), R.rentalDate.extract(DatePart.HOUR), R.rentalDate.extract(DatePart.MINUTE),
                        R.rentalDate.extract(DatePart.SECOND), value(LocalDate.of(2004, 2, 29)).extract(DatePart.DAY),
                        value(ts("2005-05-24 22:53:30.75")).extract(DatePart.SECOND))
                .from(R).where(R.rentalId.eq(1))))
                .containsExactly(row(2005, 5, 24, 22, 53, 30, 29, 30));
    }

    @Test
    void truncateTimestampsAndDates() {
        assertThat(fetch(db.select(R.rentalDate.truncateTo(DatePart.YEAR), R.rentalDate.truncateTo(DatePart.MONTH),
                        R.rentalDate.truncateTo(DatePart.DAY), R.rentalDate.truncateTo(DatePart.HOUR),
                        R.rentalDate.truncateTo(DatePart.MINUTE), value(LocalDate.of(2005, 5, 24)).truncateTo(DatePart.MONTH))
                .from(R).where(R.rentalId.eq(1))))
                .containsExactly(row(ts("2005-01-01 00:00:00"), ts("2005-05-01 00:00:00"), ts("2005-05-24 00:00:00"),
                        ts("2005-05-24 22:00:00"), ts("2005-05-24 22:53:00"), LocalDate.of(2005, 5, 1)));
    }

    @Test
    void addIntervalsToTimestampsAndDates() {
        assertThat(fetch(db.select(R.rentalDate.plus(Interval.days(3)), R.rentalDate.minus(Interval.hours(3)),
                        R.rentalDate.plus(Interval.minutes(7)), R.rentalDate.plus(Interval.seconds(-30)),
                        R.rentalDate.plus(Interval.months(1)), R.rentalDate.plus(Interval.years(-1)))
                .from(R).where(R.rentalId.eq(1))))
                .containsExactly(row(ts("2005-05-27 22:53:30"), ts("2005-05-24 19:53:30"), ts("2005-05-24 23:00:30"),
                        ts("2005-05-24 22:53:00"), ts("2005-06-24 22:53:30"), ts("2004-05-24 22:53:30")));
        assertThat(fetch(db.select(value(ts("2005-01-31 10:00:00.5")).plus(Interval.months(1)),
                        value(LocalDate.of(2005, 1, 31)).plus(Interval.months(1)), value(LocalDate.of(2004, 2, 29)).plus(Interval.years(1)),
                        value(LocalDate.of(2005, 5, 24)).plus(Interval.days(-24)))))
                .containsExactly(row(ts("2005-02-28 10:00:00.5"), LocalDate.of(2005, 2, 28), LocalDate.of(2005, 2, 28),
                        LocalDate.of(2005, 4, 30)));
        assertThat(fetch(db.select(R.rentalId).from(R).where(R.returnDate.gt(R.rentalDate.plus(Interval.days(3))))
                .orderBy(R.rentalId)))
                .containsExactly(row(3), row(4), row(7));
    }

    @Test
    void currentDateIsTheDateOfTheCurrentTimestamp() {
        var today = db.select(currentDate(), currentTimestamp().cast(DataType.date())).fetchOne();
        assertThat(today.value1()).isInstanceOf(LocalDate.class).isEqualTo(today.value2());
    }

    // ---- FILTER ------------------------------------------------------------------------------------------

    @Test
    void countAndOtherAggregatesWithAFilter() {
        assertThat(fetch(db.select(count(), count().filterWhere(R.returnDate.isNull()), count(R.returnDate).filterWhere(R.customerId.eq(1)),
                        count().filterWhere(R.customerId.eq(99)))
                .from(R)))
                .containsExactly(row(8L, 2L, 3L, 0L));
        assertThat(fetch(db.select(sum(P.amount).filterWhere(P.amount.gt(new BigDecimal("2"))), max(P.amount).filterWhere(P.customerId.eq(2)),
                        min(P.amount).filterWhere(P.customerId.eq(2)), sum(P.amount).filterWhere(P.customerId.eq(99)),
                        avg(P.amount).filterWhere(P.customerId.eq(3)).cast(DataType.decimal(6, 2)))
                .from(P)))
                .containsExactly(row(dec("19.94"), dec("2.99"), dec("0.00"), null, dec("2.99")));
        assertThat(fetch(db.select(R.customerId, count().filterWhere(R.returnDate.isNull()).filterWhere(R.filmId.eq(1)))
                .from(R).groupBy(R.customerId).orderBy(R.customerId)))
                .containsExactly(row(1, 0L), row(2, 0L), row(3, 0L), row(4, 1L));
    }

    // ---- raw SQL -----------------------------------------------------------------------------------------

    @Test
    void aRawSqlFragmentWithABindAndARawCondition() {
        Field<Integer> longer = sql(DataType.integer(), "{0} + {1}", F.length, value(1));
        Field<String> lowered = sql(DataType.text(), "LOWER({0})", F.title);
        assertThat(fetch(db.select(F.filmId, longer, lowered).from(F)
                .where(condition("{0} LIKE {1} OR {0} = {2}", F.title, value("AC%"), value("ZORRO ARK")))
                .orderBy(F.filmId)))
                .containsExactly(row(1, 87, "academy dinosaur"), row(2, 49, "ace goldfinger"), row(6, 51, "zorro ark"));
    }

    @Test
    void aCategoryReportCombinesJoinsWindowsAndExpressions() {
        Window byCategory = window("c").partitionBy(CAT.name).orderBy(F.rentalRate.desc(), F.title);
        assertThat(fetch(db.select(CAT.name, F.title, rowNumber().over(byCategory),
                        F.rentalRate.minus(firstValue(F.rentalRate).over(byCategory)))
                .from(F).join(CAT).on(CAT.categoryId.eq(F.categoryId)).window(byCategory).orderBy(CAT.name, F.title)))
                .containsExactly(
                        row("Action", "ACE GOLDFINGER", 1L, dec("0.00")),
                        row("Action", "AGENT TRUMAN", 2L, dec("-2.00")),
                        row("Comedy", "ADAPTATION HOLES", 2L, dec("-2.00")),
                        row("Comedy", "ZORRO ARK", 1L, dec("0.00")),
                        row("Drama", "ACADEMY DINOSAUR", 2L, dec("-2.00")),
                        row("Drama", "AFFAIR PREJUDICE", 1L, dec("0.00")));
    }
}
