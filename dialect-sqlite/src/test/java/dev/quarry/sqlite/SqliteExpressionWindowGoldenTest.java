package dev.quarry.sqlite;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.DatePart;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Interval;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.Window;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.Payment;
import dev.quarry.testkit.MiniSakila.Rental;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.choose;
import static dev.quarry.dsl.Dsl.coalesce;
import static dev.quarry.dsl.Dsl.concat;
import static dev.quarry.dsl.Dsl.condition;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.countDistinct;
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
 * Golden SQL and binds of window functions, expressions and raw SQL fragments for SQLite, rendered
 * without a connection over {@link dev.quarry.testkit.MiniSakila}'s tables (the shared
 * {@code ExpressionWindowSuite} runs the same forms on a real database). A backtick in the expected
 * SQL stands for a double quote.
 */
class SqliteExpressionWindowGoldenTest {
    private static final SqliteDialect DIALECT = SqliteDialect.INSTANCE;
    private static final Film F = Film.FILM;
    private static final Rental R = Rental.RENTAL;
    private static final Payment P = Payment.PAYMENT;
    private static final Window W = window("w").partitionBy(F.categoryId).orderBy(F.length.desc().nullsLast(), F.title);
    private static final LocalDate MAY_24 = LocalDate.of(2005, 5, 24);
    private static final LocalDate JAN_31 = LocalDate.of(2005, 1, 31);

    private static Rendered assertSql(Select<?> select, String expectedSql, Object... expectedBinds) {
        Rendered r = select.render(DIALECT);
        assertThat(r.sql()).isEqualTo(expectedSql.replace('`', '"'));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
        return r;
    }

    @Test
    void rankPartitionedAndOrdered() {
        assertSql(Dsl.select(rank().over(partitionBy(F.categoryId).orderBy(F.length.desc()))).from(F),
                "SELECT RANK() OVER (PARTITION BY `ms_film`.`category_id` ORDER BY `ms_film`.`length` DESC)"
                + " FROM `ms_film`");
    }

    @Test
    void rowNumberOverTheWholeResult() {
        assertSql(Dsl.select(rowNumber().over()).from(F),
                "SELECT ROW_NUMBER() OVER () FROM `ms_film`");
    }

    @Test
    void denseRankWithNullsFirst() {
        assertSql(Dsl.select(denseRank().over(orderBy(F.length.asc().nullsFirst()))).from(F),
                "SELECT DENSE_RANK() OVER (ORDER BY `ms_film`.`length` ASC NULLS FIRST) FROM `ms_film`");
    }

    @Test
    void ntileBuckets() {
        assertSql(Dsl.select(ntile(4).over(orderBy(F.filmId))).from(F),
                "SELECT NTILE(?) OVER (ORDER BY `ms_film`.`film_id` ASC) FROM `ms_film`", 4);
    }

    @Test
    void lagAndLeadWithOffsets() {
        assertSql(Dsl.select(lag(F.length).over(orderBy(F.filmId)), lead(F.length, 2).over(orderBy(F.filmId))).from(F),
                "SELECT LAG(`ms_film`.`length`, ?) OVER (ORDER BY `ms_film`.`film_id` ASC), "
                + "LEAD(`ms_film`.`length`, ?) OVER (ORDER BY `ms_film`.`film_id` ASC) FROM `ms_film`", 1, 2);
    }

    @Test
    void lagAndLeadWithDefaults() {
        assertSql(Dsl.select(lag(F.length, 1, 0).over(partitionBy(F.categoryId).orderBy(F.filmId)),
                        lead(F.length, 2, -1).over(partitionBy(F.categoryId).orderBy(F.filmId))).from(F),
                "SELECT LAG(`ms_film`.`length`, ?, ?) OVER (PARTITION BY `ms_film`.`category_id`"
                + " ORDER BY `ms_film`.`film_id` ASC), "
                + "LEAD(`ms_film`.`length`, ?, ?) OVER (PARTITION BY `ms_film`.`category_id`"
                + " ORDER BY `ms_film`.`film_id` ASC) FROM `ms_film`", 1, 0, 2, -1);
    }

    @Test
    void lagAndLeadWithDefaultsOverANamedAndAnUnpartitionedWindow() {
        assertSql(Dsl.select(lag(F.length, 1, 0).over(W), lead(F.title, 1, "none").over(orderBy(F.filmId))).from(F).window(W),
                "SELECT LAG(`ms_film`.`length`, ?, ?) OVER `w`, "
                + "LEAD(`ms_film`.`title`, ?, ?) OVER (ORDER BY `ms_film`.`film_id` ASC) FROM `ms_film`"
                + " WINDOW `w` AS (PARTITION BY `ms_film`.`category_id` ORDER BY `ms_film`.`length` DESC NULLS LAST"
                + ", `ms_film`.`title` ASC)", 1, 0, 1, "none");
    }

    @Test
    void firstAndLastValueWithFrames() {
        assertSql(Dsl.select(firstValue(F.title).over(orderBy(F.title).rowsBetween(unboundedPreceding(), unboundedFollowing())),
                        lastValue(F.title).over(orderBy(F.title).rangeBetween(currentRow(), unboundedFollowing()))).from(F),
                "SELECT FIRST_VALUE(`ms_film`.`title`) OVER (ORDER BY `ms_film`.`title` ASC"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), "
                + "LAST_VALUE(`ms_film`.`title`) OVER (ORDER BY `ms_film`.`title` ASC"
                + " RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM `ms_film`");
    }

    @Test
    void runningSumWithARowsFrame() {
        assertSql(Dsl.select(sum(P.amount).over(partitionBy(P.customerId).orderBy(P.paymentDate).rows(unboundedPreceding()))).from(P),
                "SELECT ROUND(SUM(`ms_payment`.`amount`) OVER (PARTITION BY `ms_payment`.`customer_id`"
                + " ORDER BY `ms_payment`.`payment_date` ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 2)"
                + " FROM `ms_payment`");
    }

    @Test
    void movingAverageWithOffsetsOnBothSides() {
        assertSql(Dsl.select(avg(P.amount).over(orderBy(P.paymentDate).rowsBetween(preceding(2), following(1)))).from(P),
                "SELECT AVG(`ms_payment`.`amount`) OVER (ORDER BY `ms_payment`.`payment_date` ASC"
                + " ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM `ms_payment`");
    }

    @Test
    void rangeFramesWithOffsetsAreIntegerLiterals() {
        assertSql(Dsl.select(sum(F.length).over(orderBy(F.length).rangeBetween(preceding(2), following(2))),
                        count().over(orderBy(F.length).range(preceding(10)))).from(F),
                "SELECT SUM(`ms_film`.`length`) OVER (ORDER BY `ms_film`.`length` ASC"
                + " RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING), "
                + "COUNT(*) OVER (ORDER BY `ms_film`.`length` ASC RANGE BETWEEN 10 PRECEDING AND CURRENT ROW)"
                + " FROM `ms_film`");
    }

    @Test
    void groupsFrame() {
        assertSql(Dsl.select(count().over(orderBy(F.length).groupsBetween(preceding(1), currentRow()))).from(F),
                "SELECT COUNT(*) OVER (ORDER BY `ms_film`.`length` ASC GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW)"
                + " FROM `ms_film`");
    }

    @Test
    void namedWindowsAreDeclaredBeforeOrderBy() {
        assertSql(Dsl.select(F.title, rowNumber().over(W), sum(F.length).over(W)).from(F).window(W, window("v").orderBy(F.filmId))
                        .orderBy(F.title),
                "SELECT `ms_film`.`title`, ROW_NUMBER() OVER `w`, SUM(`ms_film`.`length`) OVER `w`"
                + " FROM `ms_film`"
                + " WINDOW `w` AS (PARTITION BY `ms_film`.`category_id` ORDER BY `ms_film`.`length` DESC NULLS LAST"
                + ", `ms_film`.`title` ASC), `v` AS (ORDER BY `ms_film`.`film_id` ASC)"
                + " ORDER BY `ms_film`.`title` ASC");
    }

    @Test
    void aggregatesOverPartitions() {
        assertSql(Dsl.select(count().over(), min(F.length).over(partitionBy(F.categoryId)),
                        max(F.length).over(partitionBy(F.categoryId, F.languageId))).from(F),
                "SELECT COUNT(*) OVER (), MIN(`ms_film`.`length`) OVER (PARTITION BY `ms_film`.`category_id`), "
                + "MAX(`ms_film`.`length`) OVER (PARTITION BY `ms_film`.`category_id`, `ms_film`.`language_id`)"
                + " FROM `ms_film`");
    }

    @Test
    void countWithAFilter() {
        assertSql(Dsl.select(count().filterWhere(R.returnDate.isNull()), count(R.returnDate).filterWhere(R.customerId.eq(1)),
                        countDistinct(R.filmId).filterWhere(R.customerId.gt(1))).from(R),
                "SELECT COUNT(*) FILTER (WHERE `ms_rental`.`return_date` IS NULL), "
                + "COUNT(`ms_rental`.`return_date`) FILTER (WHERE `ms_rental`.`customer_id` = ?), "
                + "COUNT(DISTINCT `ms_rental`.`film_id`) FILTER (WHERE `ms_rental`.`customer_id` > ?)"
                + " FROM `ms_rental`", 1, 1);
    }

    @Test
    void otherAggregatesWithAFilter() {
        assertSql(Dsl.select(sum(P.amount).filterWhere(P.amount.gt(new BigDecimal("2"))), avg(P.amount).filterWhere(P.customerId.eq(3)),
                        max(P.amount).filterWhere(P.customerId.eq(2).or(P.customerId.eq(3)))).from(P),
                "SELECT ROUND(SUM(`ms_payment`.`amount`) FILTER (WHERE `ms_payment`.`amount` > ?), 2), "
                + "AVG(`ms_payment`.`amount`) FILTER (WHERE `ms_payment`.`customer_id` = ?), "
                + "MAX(`ms_payment`.`amount`) FILTER (WHERE `ms_payment`.`customer_id` = ? OR `ms_payment`.`customer_id` = ?)"
                + " FROM `ms_payment`", new BigDecimal("2"), 3, 2, 3);
    }

    @Test
    void aFilteredAggregateOverAWindow() {
        assertSql(Dsl.select(count().filterWhere(R.returnDate.isNull()).over(partitionBy(R.customerId))).from(R),
                "SELECT COUNT(*) FILTER (WHERE `ms_rental`.`return_date` IS NULL)"
                + " OVER (PARTITION BY `ms_rental`.`customer_id`) FROM `ms_rental`");
    }

    @Test
    void searchedCase() {
        assertSql(Dsl.select(when(F.length.isNull(), "unknown").when(F.length.lt(60), "short").otherwise("long"),
                        when(F.length.gt(100), F.title)).from(F),
                "SELECT CASE WHEN `ms_film`.`length` IS NULL THEN ? WHEN `ms_film`.`length` < ? THEN ? ELSE ? END, "
                + "CASE WHEN `ms_film`.`length` > ? THEN `ms_film`.`title` END FROM `ms_film`", "unknown", 60, "short", "long", 100);
    }

    @Test
    void simpleCase() {
        assertSql(Dsl.select(choose(F.categoryId).when(1, "Action").when(2, "Comedy").otherwise("Drama"),
                        choose(F.title).when("A", F.length)).from(F),
                "SELECT CASE `ms_film`.`category_id` WHEN ? THEN ? WHEN ? THEN ? ELSE ? END, "
                + "CASE `ms_film`.`title` WHEN ? THEN `ms_film`.`length` END FROM `ms_film`", 1, "Action", 2, "Comedy", "Drama", "A");
    }

    @Test
    void castToNumbers() {
        assertSql(Dsl.select(F.rentalRate.cast(DataType.integer()), F.length.cast(DataType.bigint()), F.length.cast(DataType.smallint()),
                        F.length.cast(DataType.decimal(6, 2)), F.rentalRate.cast(DataType.doublePrecision()), F.length.cast(DataType.real())).from(F),
                "SELECT CAST(ROUND(`ms_film`.`rental_rate`) AS INTEGER), CAST(`ms_film`.`length` AS INTEGER), "
                + "CAST(`ms_film`.`length` AS INTEGER), ROUND(`ms_film`.`length`, 2), "
                + "CAST(`ms_film`.`rental_rate` AS REAL), CAST(`ms_film`.`length` AS REAL) FROM `ms_film`");
    }

    @Test
    void castToText() {
        assertSql(Dsl.select(F.rentalRate.cast(DataType.text()), F.title.cast(DataType.varchar(3)), F.length.cast(DataType.text()),
                        value("42").cast(DataType.integer())).from(F),
                "SELECT printf('%.2f', `ms_film`.`rental_rate`), SUBSTR(CAST(`ms_film`.`title` AS TEXT), 1, 3), "
                + "CAST(`ms_film`.`length` AS TEXT), CAST(? AS INTEGER) FROM `ms_film`", "42");
    }

    @Test
    void castOfDatesAndTimestamps() {
        assertSql(Dsl.select(R.rentalDate.cast(DataType.date()), R.rentalDate.cast(DataType.text()), R.rentalDate.cast(DataType.varchar(10)),
                        value("2005-05-24").cast(DataType.timestamp())).from(R),
                "SELECT date(`ms_rental`.`rental_date`), CAST(`ms_rental`.`rental_date` AS TEXT), "
                + "SUBSTR(CAST(`ms_rental`.`rental_date` AS TEXT), 1, 10), "
                // a text cast keeps what SQLite's date functions would move to another day, so that reading it fails
                + "CASE WHEN strftime('%d', ?) IS NULL OR strftime('%d', ?) <> substr(?, 9, 2) THEN ? "
                + "ELSE rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', ?), '0'), '.') END FROM `ms_rental`",
                "2005-05-24", "2005-05-24", "2005-05-24", "2005-05-24", "2005-05-24");
    }

    @Test
    void coalesceAndNullif() {
        assertSql(Dsl.select(coalesce(F.length, 0), coalesce(F.originalLanguageId, F.languageId, value(1)), nullif(F.length, 50),
                        nullif(F.originalLanguageId, F.languageId)).from(F),
                "SELECT COALESCE(`ms_film`.`length`, ?), "
                + "COALESCE(`ms_film`.`original_language_id`, `ms_film`.`language_id`, ?), "
                + "NULLIF(`ms_film`.`length`, ?), "
                + "NULLIF(`ms_film`.`original_language_id`, `ms_film`.`language_id`) FROM `ms_film`", 0, 1, 50);
    }

    @Test
    void greatestAndLeast() {
        assertSql(Dsl.select(greatest(F.length, value(60)), least(F.originalLanguageId, F.languageId, value(2))).from(F),
                "SELECT MAX(COALESCE(`ms_film`.`length`, ?), COALESCE(?, `ms_film`.`length`)), "
                + "MIN(COALESCE(`ms_film`.`original_language_id`, `ms_film`.`language_id`, ?)"
                + ", COALESCE(`ms_film`.`language_id`, ?, `ms_film`.`original_language_id`), COALESCE(?"
                + ", `ms_film`.`original_language_id`, `ms_film`.`language_id`)) FROM `ms_film`", 60, 60, 2, 2, 2);
    }

    @Test
    void integerArithmetic() {
        assertSql(Dsl.select(F.length.plus(10), F.length.minus(F.filmId), F.length.times(2), F.length.div(7), F.length.mod(7), F.length.neg())
                        .from(F),
                "SELECT (`ms_film`.`length` + ?), (`ms_film`.`length` - `ms_film`.`film_id`), "
                + "(`ms_film`.`length` * ?), (`ms_film`.`length` / ?), (`ms_film`.`length` % ?), "
                + "(- `ms_film`.`length`) FROM `ms_film`", 10, 2, 7, 7);
    }

    @Test
    void decimalArithmetic() {
        assertSql(Dsl.select(F.rentalRate.times(new BigDecimal("3")), F.rentalRate.div(new BigDecimal("3")),
                        F.rentalRate.plus(new BigDecimal("0.005")), F.rentalRate.div(F.rentalRate)).from(F),
                "SELECT (`ms_film`.`rental_rate` * ?), ROUND((CAST(`ms_film`.`rental_rate` AS REAL) / ?), 6), "
                + "(`ms_film`.`rental_rate` + ?), "
                + "ROUND((CAST(`ms_film`.`rental_rate` AS REAL) / `ms_film`.`rental_rate`), 6) FROM `ms_film`", new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("0.005"));
    }

    @Test
    void floatingArithmetic() {
        assertSql(Dsl.select(value(7.0).div(2.0), value(0.5).times(value(3.0)).plus(1.0)).from(F),
                "SELECT (? / ?), ((? * ?) + ?) FROM `ms_film`", 7.0, 2.0, 0.5, 3.0, 1.0);
    }

    @Test
    void stringFunctions() {
        assertSql(Dsl.select(F.title.lower(), F.title.upper(), F.title.trim(), F.title.length(), F.title.concat(" (").concat(F.title),
                        concat(F.title, value(", "), F.title)).from(F),
                "SELECT LOWER(`ms_film`.`title`), UPPER(`ms_film`.`title`), TRIM(`ms_film`.`title`), "
                + "LENGTH(`ms_film`.`title`), ((`ms_film`.`title` || ?) || `ms_film`.`title`), "
                + "(`ms_film`.`title` || ? || `ms_film`.`title`) FROM `ms_film`", " (", ", ");
    }

    @Test
    void substringReplaceAndPosition() {
        assertSql(Dsl.select(F.title.substring(2, 3), F.title.substring(3), F.title.replace("A", "4"), F.title.position("DINO")).from(F),
                "SELECT SUBSTR(`ms_film`.`title`, ?, ?), SUBSTR(`ms_film`.`title`, ?), "
                + "REPLACE(`ms_film`.`title`, ?, ?), INSTR(`ms_film`.`title`, ?) FROM `ms_film`", 2, 3, 3, "A", "4", "DINO");
    }

    @Test
    void extractParts() {
        assertSql(Dsl.select(R.rentalDate.extract(DatePart.YEAR), R.rentalDate.extract(DatePart.MONTH), R.rentalDate.extract(DatePart.DAY),
                        R.rentalDate.extract(DatePart.HOUR), R.rentalDate.extract(DatePart.MINUTE), R.rentalDate.extract(DatePart.SECOND)).from(R),
                "SELECT CAST(strftime('%Y', `ms_rental`.`rental_date`) AS INTEGER), "
                + "CAST(strftime('%m', `ms_rental`.`rental_date`) AS INTEGER), "
                + "CAST(strftime('%d', `ms_rental`.`rental_date`) AS INTEGER), "
                + "CAST(strftime('%H', `ms_rental`.`rental_date`) AS INTEGER), "
                + "CAST(strftime('%M', `ms_rental`.`rental_date`) AS INTEGER), "
                + "CAST(strftime('%S', `ms_rental`.`rental_date`) AS INTEGER) FROM `ms_rental`");
    }

    @Test
    void truncateTo() {
        assertSql(Dsl.select(R.rentalDate.truncateTo(DatePart.YEAR), R.rentalDate.truncateTo(DatePart.MONTH), R.rentalDate.truncateTo(DatePart.DAY),
                        R.rentalDate.truncateTo(DatePart.HOUR), R.rentalDate.truncateTo(DatePart.MINUTE), R.rentalDate.truncateTo(DatePart.SECOND),
                        value(MAY_24).truncateTo(DatePart.MONTH)).from(R),
                "SELECT strftime('%Y-01-01 00:00:00', `ms_rental`.`rental_date`), "
                + "strftime('%Y-%m-01 00:00:00', `ms_rental`.`rental_date`), "
                + "strftime('%Y-%m-%d 00:00:00', `ms_rental`.`rental_date`), "
                + "strftime('%Y-%m-%d %H:00:00', `ms_rental`.`rental_date`), "
                + "strftime('%Y-%m-%d %H:%M:00', `ms_rental`.`rental_date`), "
                + "strftime('%Y-%m-%d %H:%M:%S', `ms_rental`.`rental_date`), strftime('%Y-%m-01', ?)"
                + " FROM `ms_rental`", MAY_24);
    }

    @Test
    void addIntervals() {
        assertSql(Dsl.select(R.rentalDate.plus(Interval.days(3)), R.rentalDate.minus(Interval.hours(2)), R.rentalDate.plus(Interval.months(1)),
                        value(JAN_31).plus(Interval.years(1)), value(JAN_31).plus(Interval.days(-1))).from(R),
                "SELECT rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', `ms_rental`.`rental_date`, ? || ' days'), '0')"
                + ", '.'), "
                + "rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', `ms_rental`.`rental_date`, ? || ' hours'), '0'), '.'), "
                + "rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', `ms_rental`.`rental_date`, ? || ' months', 'floor')"
                + ", '0'), '.'), date(?, ? || ' years', 'floor'), date(?, ? || ' days') FROM `ms_rental`", 3, -2, 1, JAN_31, 1, JAN_31, -1);
    }

    @Test
    void currentDateAndTimestamp() {
        assertSql(Dsl.select(currentDate(), currentTimestamp()),
                "SELECT CURRENT_DATE, CURRENT_TIMESTAMP");
    }

    @Test
    void stringAggregation() {
        assertSql(Dsl.select(stringAgg(F.title, ", "), stringAgg(F.title, "'\\|", F.title.desc(), F.filmId)).from(F),
                "SELECT GROUP_CONCAT(`ms_film`.`title`, ?), "
                + "GROUP_CONCAT(`ms_film`.`title`, ? ORDER BY `ms_film`.`title` DESC, `ms_film`.`film_id` ASC)"
                + " FROM `ms_film`", ", ", "'\\|");
    }

    @Test
    void stringAggregationOrderedWithNullsLast() {
        assertSql(Dsl.select(stringAgg(F.title, ";", F.length.asc().nullsLast())).from(F),
                "SELECT GROUP_CONCAT(`ms_film`.`title`, ? ORDER BY `ms_film`.`length` ASC NULLS LAST)"
                + " FROM `ms_film`", ";");
    }

    @Test
    void rawSqlFragmentsKeepBindsAndQualifiedColumns() {
        assertSql(Dsl.select(sql(DataType.integer(), "{0} + {1}", F.length, value(1)), sql(DataType.text(), "'{{' || {0} || '}}'", F.title)).from(F)
                        .where(condition("{0} LIKE {1} OR {0} = {2}", F.title, value("AC%"), value("ZORRO ARK"))),
                "SELECT (`ms_film`.`length` + ?), ('{' || `ms_film`.`title` || '}') FROM `ms_film`"
                + " WHERE (`ms_film`.`title` LIKE ? OR `ms_film`.`title` = ?)", 1, "AC%", "ZORRO ARK");
    }

    // ---- what fails at render time ----------------------------------------------------------------------

    @Test
    void aNamedWindowMustBeDeclaredOnTheSelectWithTheSameDefinition() {
        assertThatThrownBy(() -> Dsl.select(rowNumber().over(W)).from(F).render(DIALECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("window w is not declared on this SELECT; add it with select.window(...)");
        Window other = window("w").partitionBy(F.languageId);
        assertThatThrownBy(() -> Dsl.select(count().over(other)).from(F).window(W).render(DIALECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("window w is declared on this SELECT as (PARTITION BY ms_film.category_id ORDER BY ms_film.length DESC "
                        + "NULLS LAST, ms_film.title ASC) but used as (PARTITION BY ms_film.language_id); use one Window object for both");
    }

    @Test
    void aRangeFrameWithAnOffsetNeedsOneNumericOrderKey() {
        assertThatThrownBy(() -> Dsl.select(count().over(orderBy(F.length, F.filmId).range(preceding(1)))).from(F).render(DIALECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("window (ORDER BY ms_film.length ASC, ms_film.film_id ASC RANGE BETWEEN 1 PRECEDING AND CURRENT ROW): "
                        + "a RANGE frame with an offset (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) needs exactly one ORDER BY key, has 2");
        assertThatThrownBy(() -> Dsl.select(count().over(orderBy(F.title).rangeBetween(currentRow(), following(3)))).from(F).render(DIALECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("a RANGE frame with an offset (RANGE BETWEEN CURRENT ROW AND 3 FOLLOWING) needs a numeric "
                        + "ORDER BY key; column ms_film.title is VARCHAR(100)");
        Window byTitle = window("t").orderBy(F.title).rangeBetween(preceding(1), currentRow());
        assertThatThrownBy(() -> Dsl.select(count().over(byTitle)).from(F).window(byTitle).render(DIALECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("window t: a RANGE frame with an offset");
    }

    @Test
    void rawSqlPartsKeepTheScopeCheck() {
        assertThatThrownBy(() -> Dsl.select(sql(DataType.integer(), "{0} + 1", R.rentalId)).from(F).render(DIALECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column ms_rental.rental_id belongs to table ms_rental, which is not in this query (tables in scope: ms_film)");
    }
}
