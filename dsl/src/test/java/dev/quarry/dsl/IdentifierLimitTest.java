package dev.quarry.dsl;

import dev.quarry.dsl.spi.IdentifierLimit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counting names in bytes of UTF-8 and in characters, at and around the limits of PostgreSQL and MySQL. */
class IdentifierLimitTest {
    private static final IdentifierLimit BYTES_63 = IdentifierLimit.utf8Bytes(63, "PostgreSQL");
    private static final IdentifierLimit CHARS_64 = IdentifierLimit.characters(64, "MySQL");
    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, 4 bytes of UTF-8, 2 UTF-16 chars, 1 character

    @Test
    void utf8LengthAgreesWithTheJdkEncoder() {
        for (String s : new String[] {"", "a", "é", "€", EMOJI, "aé€" + EMOJI, "n".repeat(70), "日本語の名前"}) {
            assertThat(IdentifierLimit.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(IdentifierLimit.utf8Length("\uD83D")).isEqualTo(3); // an unpaired surrogate
    }

    @Test
    void bytesOfUtf8AtTheBoundary() {
        assertThat(BYTES_63.fits("n".repeat(63))).isTrue();
        assertThat(BYTES_63.fits("n".repeat(64))).isFalse();
        assertThat(BYTES_63.fits("é".repeat(31) + "n")).isTrue();   // 63 bytes, 32 chars
        assertThat(BYTES_63.fits("é".repeat(32))).isFalse();        // 64 bytes, 32 chars
        assertThat(BYTES_63.fits("€".repeat(21))).isTrue();         // 63 bytes, 21 chars: the fast path
        assertThat(BYTES_63.fits("€".repeat(22))).isFalse();        // 66 bytes, 22 chars
        assertThat(BYTES_63.fits(EMOJI.repeat(15) + "nnn")).isTrue(); // 63 bytes
        assertThat(BYTES_63.fits(EMOJI.repeat(16))).isFalse();      // 64 bytes, 32 UTF-16 chars
        assertThat(BYTES_63.length(EMOJI.repeat(16))).isEqualTo(64);
    }

    @Test
    void charactersCountCodePoints() {
        assertThat(CHARS_64.fits("n".repeat(64))).isTrue();
        assertThat(CHARS_64.fits("n".repeat(65))).isFalse();
        assertThat(CHARS_64.fits("é".repeat(64))).isTrue();         // 128 bytes, 64 characters
        assertThat(CHARS_64.fits(EMOJI.repeat(64))).isTrue();       // 128 UTF-16 chars, 64 characters
        assertThat(CHARS_64.fits(EMOJI.repeat(65))).isFalse();
        assertThat(CHARS_64.length(EMOJI.repeat(65))).isEqualTo(65);
    }

    @Test
    void noLimit() {
        assertThat(IdentifierLimit.NONE.isLimited()).isFalse();
        assertThat(IdentifierLimit.NONE.fits("n".repeat(100_000))).isTrue();
        assertThat(IdentifierLimit.NONE).hasToString("no limit");
        assertThat(BYTES_63).hasToString("63 bytes of UTF-8");
    }

    @Test
    void theMessageNamesWhatTheLengthTheLimitAndItsSource() {
        assertThat(BYTES_63.tooLong("postgresql", "Table t: column c", "é".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table t: column c is 64 bytes of UTF-8 long; postgresql allows at most 63 bytes of UTF-8 in a name "
                        + "(PostgreSQL): use a shorter name");
        assertThatThrownBy(() -> IdentifierLimit.characters(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentifierLimit.utf8Bytes(63, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
