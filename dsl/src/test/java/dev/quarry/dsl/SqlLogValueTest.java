package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How one bind value shows in the log when values are logged (the masking rule of {@link SqlLog}). */
class SqlLogValueTest {
    @Test
    void shortValuesAsTheyAre() {
        assertThat(SqlLog.value(null)).isEqualTo("NULL");
        assertThat(SqlLog.value("ACADEMY DINOSAUR")).isEqualTo("'ACADEMY DINOSAUR'");
        assertThat(SqlLog.value(42)).isEqualTo("42");
        assertThat(SqlLog.value(new BigDecimal("4.99"))).isEqualTo("4.99");
        assertThat(SqlLog.value(LocalDate.of(2005, 5, 24))).isEqualTo("2005-05-24");
        assertThat(SqlLog.value(new Object[] {1, "a"})).isEqualTo("[1, a]");
    }

    @Test
    void longStringsAreCutAndBytesNeverShown() {
        String long100 = "x".repeat(100);
        assertThat(SqlLog.value(long100)).isEqualTo("'" + "x".repeat(64) + "…'(100 chars)");
        assertThat(SqlLog.value("y".repeat(64))).isEqualTo("'" + "y".repeat(64) + "'");
        assertThat(SqlLog.value(List.of(long100))).endsWith("…(102 chars)").hasSize(64 + 1 + "(102 chars)".length());
        assertThat(SqlLog.value(new byte[] {'s', 'e', 'c', 'r', 'e', 't'})).isEqualTo("byte[6]");
        // a surrogate pair is not cut in half
        String emoji = "a".repeat(63) + "\uD83D\uDE00" + "b";
        assertThat(SqlLog.value(emoji)).isEqualTo("'" + "a".repeat(63) + "…'(66 chars)");
    }

    @Test
    void millisecondsWithThreeDecimals() {
        assertThat(SqlLog.millis(1_234_567)).isEqualTo("1.235");
        assertThat(SqlLog.millis(0)).isEqualTo("0.000");
    }
}
