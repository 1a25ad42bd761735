package dev.quarry.examples.sakila;

import dev.quarry.dsl.DataType;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV convention and the field conversions of {@link SakilaLoader}, without a database. */
class SakilaLoaderTest {
    @Test
    void unquotedEmptyFieldIsNullAndQuotedEmptyFieldIsTheEmptyString() throws IOException {
        String csv = "a,b,c,d\r\n1,,\"\",\"x,y\"\r\n,\"\"\"\",NULL,\r\n";
        try (CSVParser parser = SakilaLoader.CSV_FORMAT.parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactly("a", "b", "c", "d");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).toList()).containsExactly("1", null, "", "x,y");
            assertThat(records.get(1).toList()).containsExactly(null, "\"", "NULL", null);
            assertThat(records.get(0).getRecordNumber()).isEqualTo(1);
        }
    }

    @Test
    void addressCsvHasFourNullAndFiveHundredNinetyNineEmptyAddress2() throws IOException {
        try (Reader reader = SakilaLoader.open("/sakila/address.csv"); CSVParser parser = SakilaLoader.CSV_FORMAT.parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(603);
            assertThat(records).filteredOn(r -> r.get("address2") == null).hasSize(4);
            assertThat(records).filteredOn(r -> "".equals(r.get("address2"))).hasSize(599);
        }
    }

    @Test
    void everyTableHasAClassPathCsvWhoseHeaderIsItsColumnsInOrder() throws IOException {
        for (Table table : Sakila.TABLES) {
            String resource = SakilaLoader.resourceName(table);
            try (Reader reader = SakilaLoader.open(resource); CSVParser parser = SakilaLoader.CSV_FORMAT.parse(reader)) {
                assertThat(parser.getHeaderNames()).as(resource)
                        .containsExactlyElementsOf(table.columns().stream().map(Column::name).toList());
                assertThat(SakilaLoader.columnsOf(table, parser.getHeaderNames(), resource)).isEqualTo(table.columns());
            }
        }
    }

    @Test
    void headerThatDoesNotMatchTheTableIsRejectedWithTheFileAndColumnNamed() {
        Language l = Language.LANGUAGE;
        assertThatThrownBy(() -> SakilaLoader.columnsOf(l, List.of("language_id", "nom", "last_update"), "/sakila/language.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("/sakila/language.csv: header column 'nom' is not a column of table language");
        assertThatThrownBy(() -> SakilaLoader.columnsOf(l, List.of("language_id", "name"), "/sakila/language.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks columns [last_update]");
        assertThatThrownBy(() -> SakilaLoader.open("/sakila/film_text.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("class-path resource /sakila/film_text.csv not found");
    }

    @Test
    void fieldsAreConvertedByColumnType() {
        assertThat(SakilaLoader.parse(DataType.integer(), "42")).isEqualTo(42);
        assertThat(SakilaLoader.parse(DataType.smallint(), "185")).isEqualTo((short) 185);
        assertThat(SakilaLoader.parse(DataType.decimal(5, 2), "2.99")).isEqualTo(new BigDecimal("2.99"));
        assertThat(SakilaLoader.parse(DataType.timestamp(), "2005-05-24 22:53:30")).isEqualTo(LocalDateTime.of(2005, 5, 24, 22, 53, 30));
        assertThat(SakilaLoader.parse(DataType.bool(), "1")).isTrue();
        assertThat(SakilaLoader.parse(DataType.bool(), "0")).isFalse();
        assertThat(SakilaLoader.parse(Film.FILM.rating.type(), "NC-17")).isEqualTo(MpaaRating.NC_17);
        assertThat(SakilaLoader.parse(DataType.varchar(10), "")).isEmpty();
        assertThat(SakilaLoader.parse(DataType.blob(), "cafe")).containsExactly(0xca, 0xfe);
        assertThat(SakilaLoader.parse(DataType.integer(), null)).isNull();
        assertThat(SakilaLoader.parse(DataType.bool(), null)).isNull();
    }

    @Test
    void badFieldsFailWithTheTextQuoted() {
        assertThatThrownBy(() -> SakilaLoader.parse(DataType.bool(), "Y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'Y' is not a boolean 1 or 0");
        assertThatThrownBy(() -> SakilaLoader.parse(DataType.integer(), "12a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'12a' is not a INTEGER value");
        assertThatThrownBy(() -> SakilaLoader.parse(DataType.timestamp(), "2005-05-24T22:53"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'2005-05-24T22:53' is not a TIMESTAMP value");
        assertThatThrownBy(() -> SakilaLoader.parse(Film.FILM.rating.type(), "PG13"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'PG13' is not a label of enum");
        assertThatThrownBy(() -> SakilaLoader.parse(DataType.uuid(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not read UUID");
    }
}
