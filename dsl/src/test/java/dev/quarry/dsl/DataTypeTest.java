package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataTypeTest {
    enum Rating implements DbEnum {
        G("G"), PG_13("PG-13"), NC_17("NC-17");

        private final String label;

        Rating(String label) { this.label = label; }

        @Override
        public String dbName() { return label; }
    }

    enum Clash implements DbEnum {
        A, B;

        @Override
        public String dbName() { return "same"; }
    }

    enum Plain { SMALL, MEDIUM }

    @Test
    void varcharNeedsAPositiveLength() {
        assertThatThrownBy(() -> DataType.varchar(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("varchar length must be at least 1, was 0");
        assertThatThrownBy(() -> DataType.varchar(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("varchar length must be at least 1, was -3");
        assertThat(DataType.varchar(1).length()).isEqualTo(1);
    }

    @Test
    void charNeedsAPositiveLength() {
        assertThatThrownBy(() -> DataType.character(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("char length must be at least 1, was 0");
    }

    @Test
    void decimalScaleMustNotExceedPrecision() {
        assertThatThrownBy(() -> DataType.decimal(5, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimal scale must be between 0 and the precision 5, was 6");
        assertThatThrownBy(() -> DataType.decimal(5, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimal scale must be between 0 and the precision 5, was -1");
        DataType<BigDecimal> full = DataType.decimal(5, 5);
        assertThat(full.precision()).isEqualTo(5);
        assertThat(full.scale()).isEqualTo(5);
    }

    @Test
    void decimalPrecisionIsBounded() {
        assertThatThrownBy(() -> DataType.decimal(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimal precision must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> DataType.decimal(1001, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimal precision must be between 1 and 1000, was 1001");
        assertThat(DataType.decimal(1000, 0).precision()).isEqualTo(1000);
    }

    @Test
    void enumLabelsComeFromDbEnum() {
        DataType<Rating> type = DataType.enumeration(Rating.class, 5);
        assertThat(type.sqlType()).isEqualTo(SqlType.ENUM);
        assertThat(type.enumLabel(Rating.PG_13)).isEqualTo("PG-13");
        assertThat(type.enumValue("NC-17")).isSameAs(Rating.NC_17);
        assertThatThrownBy(() -> type.enumValue("PG_13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'PG_13' is not a label of enum " + Rating.class.getName())
                .hasMessageContaining("PG-13")
                .hasMessageContaining("NC-17");
    }

    @Test
    void enumLabelsOfAPlainEnumAreItsNames() {
        DataType<Plain> type = DataType.enumeration(Plain.class, 6);
        assertThat(type.enumLabel(Plain.MEDIUM)).isEqualTo("MEDIUM");
        assertThat(type.enumValue("SMALL")).isSameAs(Plain.SMALL);
    }

    @Test
    void enumLabelsMustBeUnique() {
        assertThatThrownBy(() -> DataType.enumeration(Clash.class, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enum " + Clash.class.getName() + " has the label 'same' twice");
    }

    @Test
    void enumLabelsMustFitTheLength() {
        assertThatThrownBy(() -> DataType.enumeration(Rating.class, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label '")
                .hasMessageContaining("is longer than the column length 4");
    }

    @Test
    void enumLabelOfANonEnumTypeFails() {
        assertThatThrownBy(() -> DataType.text().enumLabel(Plain.SMALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TEXT is not an enum type");
    }

    @Test
    void castChecksTheJavaClass() {
        assertThat(DataType.integer().cast(null)).isNull();
        assertThat(DataType.integer().cast(7)).isEqualTo(7);
        assertThatThrownBy(() -> DataType.integer().cast("7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value 7 of java.lang.String is not a java.lang.Integer (INTEGER)");
    }

    @Test
    void equalityCoversLengthPrecisionAndScale() {
        assertThat(DataType.varchar(10)).isEqualTo(DataType.varchar(10)).hasSameHashCodeAs(DataType.varchar(10));
        assertThat(DataType.varchar(10)).isNotEqualTo(DataType.varchar(11));
        assertThat(DataType.varchar(10)).isNotEqualTo(DataType.character(10));
        assertThat(DataType.decimal(4, 2)).isEqualTo(DataType.decimal(4, 2));
        assertThat(DataType.decimal(4, 2)).isNotEqualTo(DataType.decimal(4, 1));
        assertThat(DataType.decimal(4, 2)).isNotEqualTo(DataType.decimal());
    }

    @Test
    void toStringNamesTheType() {
        assertThat(DataType.varchar(20)).hasToString("VARCHAR(20)");
        assertThat(DataType.decimal(4, 2)).hasToString("DECIMAL(4, 2)");
        assertThat(DataType.decimal()).hasToString("DECIMAL");
        assertThat(DataType.enumeration(Plain.class, 6)).hasToString("ENUM(Plain)");
        assertThat(DataType.bigint()).hasToString("BIGINT");
    }
}
