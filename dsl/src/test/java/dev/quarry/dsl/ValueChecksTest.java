package dev.quarry.dsl;

import dev.quarry.dsl.spi.JdbcBindings;
import dev.quarry.dsl.spi.ValueChecks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value rules of {@link ValueChecks}, without a database; the shared BadInputSuite runs them on the three. */
class ValueChecksTest {
    private static final String TARGET = "INSERT INTO t: column t.c";

    @Test
    void decimalsRoundHalfAwayFromZeroToTheScaleAndThenMustFit() {
        DataType<BigDecimal> type = DataType.decimal(5, 2);
        assertThat(type.requireStorable(new BigDecimal("1.005"), TARGET)).isEqualTo(new BigDecimal("1.01"));
        assertThat(type.requireStorable(new BigDecimal("-1.005"), TARGET)).isEqualTo(new BigDecimal("-1.01"));
        assertThat(type.requireStorable(new BigDecimal("2.665"), TARGET)).isEqualTo(new BigDecimal("2.67"));
        assertThat(type.requireStorable(new BigDecimal("999.994"), TARGET)).isEqualTo(new BigDecimal("999.99"));
        assertThat(type.requireStorable(new BigDecimal("5E+2"), TARGET)).isEqualTo(new BigDecimal("500.00"));
        assertThat(type.requireStorable(new BigDecimal("1.5"), TARGET)).isEqualTo(new BigDecimal("1.50"));
        assertThat(type.requireStorable(new BigDecimal("1E-100000000"), TARGET)).isEqualTo(new BigDecimal("0.00"));
        assertThat(type.requireStorable(null, TARGET)).isNull();
        assertThatThrownBy(() -> type.requireStorable(new BigDecimal("999.995"), TARGET))
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22003");
                    assertThat(e.sql()).isNull();
                })
                .hasMessage("INSERT INTO t: column t.c (DECIMAL(5, 2)): a number with 4 digits before the point after rounding"
                        + " to 2 places; at most 3 fit");
        assertThatThrownBy(() -> type.requireStorable(new BigDecimal("1E+100000000"), TARGET))
                .isInstanceOf(DataException.class).hasMessageContaining("100000001 digits before the point");
        assertThat(DataType.decimal(2, 2).requireStorable(new BigDecimal("0.994"), TARGET)).isEqualTo(new BigDecimal("0.99"));
        assertThatThrownBy(() -> DataType.decimal(2, 2).requireStorable(new BigDecimal("0.995"), TARGET))
                .isInstanceOf(DataException.class).hasMessageContaining("at most 0 fit");
        // a comparison may use any decimal: only the column's precision is a limit
        assertThat(type.requireRepresentable(new BigDecimal("1E+400"), "eq")).isEqualTo(new BigDecimal("1E+400"));
    }

    @Test
    void stringsAreCountedInCodePointsBlanksIncluded() {
        DataType<String> type = DataType.varchar(3);
        assertThat(type.requireStorable("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", TARGET)).hasSize(6);
        assertThatThrownBy(() -> type.requireStorable("ab  ", TARGET))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22001"))
                .hasMessage("INSERT INTO t: column t.c (VARCHAR(3)): a string of 4 characters is longer than 3");
        assertThatThrownBy(() -> DataType.character(1).requireStorable("\uD83D\uDE00a", TARGET))
                .isInstanceOf(DataException.class).hasMessageContaining("(CHAR(1)): a string of 2 characters");
        assertThat(DataType.text().requireStorable("x".repeat(100_000), TARGET)).hasSize(100_000);
        // too long for a column is no reason to refuse a comparison
        assertThat(type.requireRepresentable("abcdef", "eq")).isEqualTo("abcdef");
    }

    @Test
    void nulAndUnpairedSurrogatesAreNotText() {
        assertThatThrownBy(() -> DataType.text().requireRepresentable("ab\u0000", TARGET))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22021"))
                .hasMessage("INSERT INTO t: column t.c (TEXT): U+0000 (NUL) at index 2: no database holds NUL in text");
        assertThatThrownBy(() -> DataType.varchar(9).requireStorable("a\uD800b", TARGET))
                .isInstanceOf(DataException.class)
                .hasMessage("INSERT INTO t: column t.c (VARCHAR(9)): an unpaired UTF-16 high surrogate U+D800 at index 1:"
                        + " text must be well-formed Unicode");
        assertThatThrownBy(() -> DataType.json().requireRepresentable("\uDE00\uD83D", TARGET))
                .isInstanceOf(DataException.class).hasMessageContaining("low surrogate U+DE00 at index 0");
        assertThatThrownBy(() -> DataType.text().requireRepresentable("ok\uD83D", TARGET))
                .isInstanceOf(DataException.class).hasMessageContaining("high surrogate U+D83D at index 2");
        assertThat(DataType.text().requireRepresentable("\uD83D\uDE00\uFFFF", TARGET)).isEqualTo("\uD83D\uDE00\uFFFF");
        assertThatThrownBy(() -> DataType.array(DataType.text()).requireRepresentable(List.of("a", "b\u0000"), TARGET))
                .isInstanceOf(DataException.class).hasMessageContaining("U+0000");
    }

    @Test
    void floatingPointHasNoNaNOrInfinity() {
        for (Double bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
            assertThatThrownBy(() -> DataType.doublePrecision().requireRepresentable(bad, TARGET))
                    .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"));
        }
        assertThatThrownBy(() -> DataType.real().requireStorable(Float.NaN, TARGET))
                .isInstanceOf(DataException.class)
                .hasMessage("INSERT INTO t: column t.c (REAL): NaN: no database column holds it on every dialect");
        assertThat(DataType.real().requireStorable(Float.MAX_VALUE, TARGET)).isEqualTo(Float.MAX_VALUE);
        assertThat(DataType.doublePrecision().requireStorable(-Double.MAX_VALUE, TARGET)).isEqualTo(-Double.MAX_VALUE);
    }

    @Test
    void datesRunFromYear1ToYear9999() {
        assertThat(DataType.date().requireStorable(LocalDate.of(1, 1, 1), TARGET)).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(DataType.date().requireStorable(LocalDate.of(9999, 12, 31), TARGET)).isEqualTo(LocalDate.of(9999, 12, 31));
        for (LocalDate bad : List.of(LocalDate.of(0, 12, 31), LocalDate.of(-1, 1, 1), LocalDate.of(10000, 1, 1), LocalDate.MAX)) {
            assertThatThrownBy(() -> DataType.date().requireStorable(bad, TARGET))
                    .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"))
                    .hasMessage("INSERT INTO t: column t.c (DATE): a date outside 0001-01-01 .. 9999-12-31, the range every"
                            + " database holds exactly");
        }
        LocalDateTime last = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
        assertThat(DataType.timestamp().requireStorable(last, TARGET)).isEqualTo(last);
        assertThatThrownBy(() -> DataType.timestamp().requireStorable(last.plusNanos(1), TARGET)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> DataType.timestamptz().requireStorable(OffsetDateTime.of(last, ZoneOffset.ofHours(-1)), TARGET))
                .isInstanceOf(DataException.class).hasMessageEndingWith("(in UTC)");
        assertThat(DataType.timestamptz().requireStorable(OffsetDateTime.of(last, ZoneOffset.ofHours(1)), TARGET)).isNotNull();
        assertThatThrownBy(() -> DataType.timestamptz().requireStorable(OffsetDateTime.MAX, TARGET)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> DataType.timestamptz().requireStorable(OffsetDateTime.MIN, TARGET)).isInstanceOf(DataException.class);
    }

    @Test
    void comparisonsAndInListsRefuseWhatNoDatabaseHolds() {
        Field<Double> x = Dsl.value(1.0);
        assertThatThrownBy(() -> x.eq(Double.NaN))
                .isInstanceOf(DataException.class)
                .hasMessage("eq on field value (DOUBLE): NaN: no database column holds it on every dialect");
        assertThatThrownBy(() -> x.in(1.0, Double.POSITIVE_INFINITY))
                .isInstanceOf(DataException.class).hasMessageStartingWith("in on field value (DOUBLE): Infinity");
        assertThatThrownBy(() -> Dsl.value("a").like("\u0000%")).isInstanceOf(DataException.class).hasMessageStartingWith("like on field value");
        assertThatThrownBy(() -> Dsl.value("a").contains("\uD800")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Dsl.value("a\u0000")).isInstanceOf(DataException.class).hasMessageStartingWith("a bind value (TEXT): U+0000");
        assertThatThrownBy(() -> x.plus(Double.NaN)).isInstanceOf(DataException.class);
    }

    @Test
    void textCastToADateMustNameARealDayInTheCommonForm() {
        assertThat(ValueChecks.dateText("2024-02-29", false)).isNull();
        assertThat(ValueChecks.dateText("2024-02-29 23:59:59.123456789", true)).isNull();
        assertThat(ValueChecks.dateText("2024-02-29T23:59", true)).isNull();
        assertThat(ValueChecks.dateText("2023-02-29", false).sqlState()).isEqualTo("22008");
        assertThat(ValueChecks.dateText("2023-04-31", false).sqlState()).isEqualTo("22008");
        assertThat(ValueChecks.dateText("2023-01-01 24:00", true).sqlState()).isEqualTo("22008");
        assertThat(ValueChecks.dateText("0000-01-01", false).sqlState()).isEqualTo("22008");
        assertThat(ValueChecks.dateText("today", false).sqlState()).isEqualTo("22007");
        assertThat(ValueChecks.dateText(" 2023-01-01", false).sqlState()).isEqualTo("22007");
        assertThat(ValueChecks.dateText("2023-1-1", false).sqlState()).isEqualTo("22007");
        assertThatThrownBy(() -> Dsl.value("2023-02-30").cast(DataType.date()))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"))
                .hasMessage("cast of a bind value (DATE): a text naming a day or time that does not exist");
    }

    @Test
    void bindingsRefuseWhatNoDatabaseHoldsBeforeTouchingTheStatement() {
        // the statement is null: the check comes first
        assertThatThrownBy(() -> JdbcBindings.STRING.set(null, 3, "a\u0000"))
                .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22021"))
                .hasMessageStartingWith("bind parameter 3 (TEXT): U+0000");
        assertThatThrownBy(() -> JdbcBindings.DOUBLE.set(null, 1, Double.NaN))
                .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> JdbcBindings.REAL.set(null, 1, Float.NEGATIVE_INFINITY)).isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> JdbcBindings.standard(DataType.date()).set(null, 1, LocalDate.of(10000, 1, 1)))
                .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22008"));
    }

    @Test
    void valuesReadMustFitTheJavaType() throws SQLDataException {
        assertThat(ValueChecks.toInt(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> ValueChecks.toInt(2_147_483_657L))
                .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"))
                .hasMessage("the database returned a value outside the INTEGER range -2147483648 .. 2147483647");
        assertThatThrownBy(() -> ValueChecks.toShort(65_534)).isInstanceOf(SQLDataException.class);
        assertThat(ValueChecks.toShort(-32_768)).isEqualTo((short) -32_768);
        assertThatThrownBy(() -> ValueChecks.toLong(9.223372036854776E18)).isInstanceOf(SQLDataException.class);
        assertThat(ValueChecks.toLong(-9.223372036854775808E18)).isEqualTo(Long.MIN_VALUE);
        assertThat(ValueChecks.toFloat(3.4028235E38)).isEqualTo(Float.MAX_VALUE);
        assertThatThrownBy(() -> ValueChecks.toFloat(3.5E38)).isInstanceOf(SQLDataException.class).hasMessageContaining("beyond the REAL range");
        assertThatThrownBy(() -> ValueChecks.toFloat(Double.NaN)).isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> ValueChecks.finite(Double.NEGATIVE_INFINITY)).isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> ValueChecks.inDateRange(LocalDate.of(10000, 1, 1)))
                .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22008"));
        assertThat(ValueChecks.inDateRange((LocalDate) null)).isNull();
    }
}
