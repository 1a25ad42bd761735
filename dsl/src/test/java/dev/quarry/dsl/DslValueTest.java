package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks of the DSL's value factories and combinators that need no table and no dialect. */
class DslValueTest {
    @Test
    void valueInfersTheTypeFromTheClass() {
        assertThat(Dsl.value(1).type()).isEqualTo(DataType.integer());
        assertThat(Dsl.value(1L).type()).isEqualTo(DataType.bigint());
        assertThat(Dsl.value("x").type()).isEqualTo(DataType.text());
        assertThat(Dsl.value(BigDecimal.ONE).type()).isEqualTo(DataType.decimal());
        assertThat(Dsl.value(LocalDate.of(2020, 1, 1)).type()).isEqualTo(DataType.date());
        assertThat(Dsl.value(UUID.randomUUID()).type()).isEqualTo(DataType.uuid());
    }

    @Test
    void valueOfNullNeedsAType() {
        assertThatThrownBy(() -> Dsl.value(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value(null) has no type; use value(null, DataType)");
        assertThat(Dsl.value(null, DataType.text()).type()).isEqualTo(DataType.text());
    }

    @Test
    void valueOfAnUnknownClassNeedsAType() {
        assertThatThrownBy(() -> Dsl.value(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no default type for java.lang.StringBuilder; use value(value, DataType)");
    }

    @Test
    void valueWithAnExplicitTypeChecksTheClass() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        DataType<Object> raw = (DataType) DataType.integer();
        assertThatThrownBy(() -> Dsl.value("1", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a java.lang.Integer");
    }

    @Test
    void combinatorsRejectNullConditions() {
        Condition c = Dsl.value(1).eq(1);
        assertThatThrownBy(() -> Dsl.and(c, (Condition) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AND needs conditions, got null");
        assertThatThrownBy(() -> Dsl.or(c, (Condition) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OR needs conditions, got null");
        assertThatThrownBy(() -> c.and(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AND needs conditions, got null");
        assertThatThrownBy(() -> c.or(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OR needs conditions, got null");
    }

    @Test
    void notOfNullIsRejectedAtOnce() {
        assertThatThrownBy(() -> Dsl.not(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NOT needs a condition, got null");
    }

    @Test
    void comparisonsWithANullValueOrFieldAreRejectedAtOnce() {
        Field<Integer> one = Dsl.value(1);
        assertThatThrownBy(() -> one.eq((Integer) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eq(null) on field value: a comparison with NULL is never true; use isNull() or isNotNull()");
        assertThatThrownBy(() -> one.eq((Field<Integer>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field value")
                .hasMessageContaining("null");
        assertThatThrownBy(() -> one.ge((Field<Integer>) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aggregateResultTypes() {
        Field<Integer> i = Dsl.value(1);
        Field<BigDecimal> d = Dsl.value(BigDecimal.ONE, DataType.decimal(4, 2));
        Field<Double> x = Dsl.value(1.0);
        assertThat(Dsl.count().type()).isEqualTo(DataType.bigint());
        assertThat(Dsl.countDistinct(i).type()).isEqualTo(DataType.bigint());
        assertThat(Dsl.sum(i).type()).isEqualTo(DataType.decimal(38, 0));
        assertThat(Dsl.sum(d).type()).isEqualTo(DataType.decimal(38, 2));
        assertThat(Dsl.sum(x).type()).isEqualTo(DataType.decimal());
        assertThat(Dsl.avg(i).type()).isEqualTo(DataType.decimal());
        assertThat(Dsl.avg(x).type()).isEqualTo(DataType.decimal());
        assertThat(Dsl.min(d).type()).isEqualTo(DataType.decimal(4, 2));
        assertThat(Dsl.max(i).type()).isEqualTo(DataType.integer());
    }

    @Test
    void aliasMustNotBeBlank() {
        assertThatThrownBy(() -> Dsl.count().as(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alias of field count must not be blank");
    }

    @Test
    void inWithANullElementIsRejected() {
        Field<Integer> one = Dsl.value(1);
        assertThatThrownBy(() -> one.in(1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in on field value got a null element; NULL never matches IN and makes NOT IN never true: use isNull()");
        assertThatThrownBy(() -> one.notIn(java.util.Arrays.asList(1, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("notIn on field value got a null element");
    }
}
