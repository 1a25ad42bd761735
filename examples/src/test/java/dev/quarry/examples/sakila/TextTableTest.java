package dev.quarry.examples.sakila;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {
    @Test
    void rightAlignsNumericColumnsAndPadsTheRest() {
        String text = new TextTable("name", "films", "paid")
                .row("GINA DEGENERES", 42, new BigDecimal("221.55"))
                .row("ED", 7L, new BigDecimal("1E+1"))
                .render();
        assertThat(text).isEqualTo(
                "name            films    paid\n"
                        + "--------------  -----  ------\n"
                        + "GINA DEGENERES     42  221.55\n"
                        + "ED                  7      10\n");
    }

    @Test
    void formatsNullsAndTimestamps() {
        String text = new TextTable("when", "n").row(LocalDateTime.of(2006, 2, 20, 10, 0), null).render();
        assertThat(text).isEqualTo(
                "when                 n\n"
                        + "-------------------  -\n"
                        + "2006-02-20 10:00:00\n");
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        TextTable table = new TextTable("a", "b");
        assertThatThrownBy(() -> table.row("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row [x] has 1 cells but the table has 2 columns [a, b]");
        assertThatThrownBy(TextTable::new).isInstanceOf(IllegalArgumentException.class);
    }
}
