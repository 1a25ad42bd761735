package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.coalesce;
import static dev.quarry.dsl.Dsl.condition;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.countDistinct;
import static dev.quarry.dsl.Dsl.currentRow;
import static dev.quarry.dsl.Dsl.following;
import static dev.quarry.dsl.Dsl.greatest;
import static dev.quarry.dsl.Dsl.lag;
import static dev.quarry.dsl.Dsl.lastValue;
import static dev.quarry.dsl.Dsl.lead;
import static dev.quarry.dsl.Dsl.ntile;
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
 * Checks of the window-function and expression API that need no dialect: the result types it
 * promises, and the programmer errors it refuses when an expression is built.
 */
class ExpressionWindowApiTest {
    private static final Field<Integer> I = value(7);
    private static final Field<String> S = value("text");
    private static final Field<BigDecimal> D = value(new BigDecimal("4.99"), DataType.decimal(4, 2));
    private static final Field<LocalDate> DAY = value(LocalDate.of(2005, 5, 24));
    private static final Field<LocalDateTime> TS = value(LocalDateTime.of(2005, 5, 24, 22, 53, 30));

    // ---- result types ----

    @Test
    void resultTypesAreTheDocumentedOnes() {
        assertThat(rowNumber().over().type()).isEqualTo(DataType.bigint());
        assertThat(rank().over(orderBy(I)).type()).isEqualTo(DataType.bigint());
        assertThat(ntile(3).over().type()).isEqualTo(DataType.integer());
        assertThat(lag(D).over(orderBy(I)).type()).isEqualTo(D.type());
        assertThat(sum(D).over().type()).isEqualTo(DataType.decimal(38, 2));
        assertThat(count().filterWhere(I.gt(1)).type()).isEqualTo(DataType.bigint());
        assertThat(S.length().type()).isEqualTo(DataType.integer());
        assertThat(S.position("x").type()).isEqualTo(DataType.integer());
        assertThat(TS.extract(DatePart.YEAR).type()).isEqualTo(DataType.integer());
        assertThat(TS.truncateTo(DatePart.MONTH).type()).isEqualTo(DataType.timestamp());
        assertThat(DAY.plus(Interval.days(1)).type()).isEqualTo(DataType.date());
        assertThat(S.concat("x").type()).isEqualTo(DataType.text());
        assertThat(stringAgg(S, ",").type()).isEqualTo(DataType.text());
        assertThat(I.cast(DataType.decimal(6, 2)).type()).isEqualTo(DataType.decimal(6, 2));
        assertThat(when(I.gt(1), "a").type()).isEqualTo(DataType.text());
        assertThat(coalesce(D, BigDecimal.ZERO).type()).isEqualTo(D.type());
    }

    @Test
    void arithmeticKeepsIntegerTypesAndComputesDecimalScales() {
        assertThat(I.plus(1).type()).isEqualTo(DataType.integer());
        assertThat(value(7L).div(2L).type()).isEqualTo(DataType.bigint());
        assertThat(D.plus(D).type()).isEqualTo(DataType.decimal(5, 2));
        assertThat(D.times(D).type()).isEqualTo(DataType.decimal(8, 4));
        assertThat(D.div(D).type()).isEqualTo(DataType.decimal(44, 6));
        assertThat(D.plus(new BigDecimal("0.005")).type().scale()).isEqualTo(3);
        assertThat(value(BigDecimal.ONE).plus(BigDecimal.ONE).type()).isEqualTo(DataType.decimal());
        assertThat(value(1.5).div(2.0).type()).isEqualTo(DataType.doublePrecision());
    }

    // ---- windows ----

    @Test
    void framesFollowTheStandardsRules() {
        assertThatThrownBy(() -> orderBy(I).rowsBetween(unboundedFollowing(), unboundedFollowing()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a window frame cannot start at UNBOUNDED FOLLOWING");
        assertThatThrownBy(() -> orderBy(I).rowsBetween(unboundedPreceding(), unboundedPreceding()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a window frame cannot end at UNBOUNDED PRECEDING");
        assertThatThrownBy(() -> orderBy(I).rowsBetween(following(1), currentRow()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a window frame cannot start at 1 FOLLOWING and end at CURRENT ROW: the end comes before the start");
        assertThatThrownBy(() -> preceding(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frame offset must be 0 or more, was -1");
        assertThat(orderBy(I).rowsBetween(preceding(2), preceding(1)).frame().sql())
                .isEqualTo("ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING");
    }

    @Test
    void rankingAndOffsetFunctionsNeedAnOrderAndNoFrame() {
        assertThatThrownBy(() -> rank().over())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rank() needs an ORDER BY in its window (MariaDB refuses it without, and the result depends on the order)");
        assertThatThrownBy(() -> lag(I).over(window("w").partitionBy(I)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lag() needs an ORDER BY in window w");
        assertThatThrownBy(() -> rowNumber().over(orderBy(I).rows(preceding(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row_number() takes no window frame, but its window has ROWS BETWEEN 1 PRECEDING AND CURRENT ROW "
                        + "(SQL:2016 forbids it, MariaDB refuses it, PostgreSQL and SQLite ignore it)");
        assertThat(lastValue(I).over(orderBy(I).rowsBetween(unboundedPreceding(), unboundedFollowing()))).isNotNull();
        assertThatThrownBy(() -> ntile(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ntile(0): the number of buckets must be 1 or more");
        assertThatThrownBy(() -> lead(I, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lead(field value, -1): the offset must be 0 or more");
        assertThatThrownBy(() -> lag(I, 1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default(null) on field value: the value must not be null");
    }

    @Test
    void aggregatesOverWindowsAndFilters() {
        assertThatThrownBy(() -> countDistinct(I).over())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("count(DISTINCT field value) cannot be a window function");
        assertThatThrownBy(() -> count().filterWhere(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filterWhere(null) on count()");
        AggregateField<Long> filtered = count().filterWhere(I.gt(1)).filterWhere(I.lt(9));
        assertThat(filtered).isEqualTo(count().filterWhere(I.gt(1).and(I.lt(9))));
        Field<BigDecimal> windowed = avg(D).over(partitionBy(I));
        assertThatThrownBy(() -> ((AggregateField<BigDecimal>) windowed).filterWhere(I.gt(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("filterWhere() on avg() after over(): call filterWhere() first");
    }

    @Test
    void selectDeclaresOnlyNamedWindowsOnce() {
        Window w = window("w").orderBy(I);
        assertThatThrownBy(() -> Dsl.select(I).window(orderBy(I)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WINDOW needs named windows (Dsl.window(name))");
        assertThatThrownBy(() -> Dsl.select(I).window(w).window(w))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the window w is already declared on this SELECT");
        assertThatThrownBy(() -> window(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a window name must not be blank");
    }

    // ---- expressions ----

    @Test
    void operatorsCheckTheTypesOfTheirOperands() {
        assertThatThrownBy(() -> S.plus("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plus() needs a numeric field; field value is TEXT");
        assertThatThrownBy(() -> D.mod(BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mod() needs an integer field (INTEGER, SMALLINT, BIGINT); field value is DECIMAL(4, 2)");
        assertThatThrownBy(() -> I.lower())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lower() needs a character field (VARCHAR, CHAR, TEXT); field value is INTEGER; cast it with cast(DataType.text())");
        assertThatThrownBy(() -> S.extract(DatePart.YEAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extract() needs a DATE or TIMESTAMP field; field value is TEXT");
        assertThatThrownBy(() -> DAY.truncateTo(DatePart.HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DATE has no HOUR; field value truncates to YEAR, MONTH or DAY");
        assertThatThrownBy(() -> DAY.plus(Interval.hours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DATE has no HOUR; field value can move by years, months or days (cast it to a timestamp first)");
        assertThatThrownBy(() -> I.plus((Integer) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plus(null) on field value: the value must not be null");
        assertThatThrownBy(() -> S.substring(0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("substring(0, 2) on field value: start is 1-based, must be 1 or more");
        assertThatThrownBy(() -> greatest(I))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("greatest() needs at least two arguments");
        assertThatThrownBy(() -> when(I.gt(1), (String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("when(condition, null): a NULL result needs a type");
    }

    @Test
    void castTakesOnlyPortableTargets() {
        assertThatThrownBy(() -> S.cast(DataType.character(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot cast field value to CHAR(3): CHAR(n) pads with spaces on PostgreSQL but not on MySQL; cast to varchar(n)");
        assertThatThrownBy(() -> I.cast(DataType.bool()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot cast field value to BOOLEAN: MySQL has no CAST to BOOLEAN; compare instead, such as field.ne(0)");
        assertThatThrownBy(() -> S.cast(DataType.decimal()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot cast field value to DECIMAL: a DECIMAL needs a precision and scale");
        assertThatThrownBy(() -> S.cast(DataType.uuid()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot cast field value to UUID: casts to UUID are not portable");
    }

    // ---- raw SQL ----

    @Test
    void rawSqlTemplatesAreValidated() {
        assertThatThrownBy(() -> sql(DataType.text(), "lower({0}) || {1}", S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw SQL \"lower({0}) || {1}\": placeholder {1} is out of range; 1 part was given");
        assertThatThrownBy(() -> sql(DataType.text(), "lower({0})", S, I))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw SQL \"lower({0})\": part [1] is not used by any placeholder");
        assertThatThrownBy(() -> condition("{0} = ?", I))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw SQL \"{0} = ?\": '?' at 6 would be a bind parameter without a value; pass the value as a part, "
                        + "Dsl.value(x), and write {n}");
        assertThatThrownBy(() -> condition("{x} = 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw SQL \"{x} = 1\": '{' at 0 does not start a placeholder {n}; write {{ for a brace");
        assertThatThrownBy(() -> condition("a } b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw SQL \"a } b\": unmatched '}' at 2; write }} for a brace");
        assertThatThrownBy(() -> condition("{0} = {1}", I, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw SQL \"{0} = {1}\": part {1} is null; a NULL value is Dsl.value(null, type)");
        assertThatThrownBy(() -> condition(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a raw SQL template must not be blank");
        assertThatThrownBy(() -> sql(null, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raw SQL \"1\": the type is null");
        RawSql parsed = RawSql.parse("'{{' || {0} || {0} || '}}' || {1}", S, I);
        assertThat(parsed.texts()).containsExactly("'{' || ", " || ", " || '}' || ", "");
        assertThat(parsed.slots()).containsExactly(0, 0, 1);
    }
}
