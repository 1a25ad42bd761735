package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dsl module has no dialect on its class path, so the lookup finds none. */
class DialectsTest {
    @Test
    void noDialectOnTheClassPath() {
        assertThat(Dialects.available()).isEmpty();
    }

    @Test
    void unknownUrlListsTheDialectsFound() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:nosuchdb://localhost/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No Quarry dialect on the class path accepts jdbc:nosuchdb://localhost/x (dialects found: none); "
                        + "add the module quarry-dialect-<database> or pass a Dialect explicitly");
    }

    @Test
    void theQueryStringOfTheUrlIsLeftOutOfTheMessage() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:nosuchdb://h/db?user=u&password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:nosuchdb://h/db?...")
                .hasMessageNotContaining("secret");
    }

    @Test
    void nullUrl() {
        assertThatThrownBy(() -> Dialects.forUrl(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC URL is null");
    }

    @Test
    void connectWithAnUnknownUrlFailsBeforeAnyPoolIsOpened() {
        assertThatThrownBy(() -> Database.connect("jdbc:nosuchdb:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialects found: none");
        assertThatThrownBy(() -> Database.connect(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC URL is blank");
    }
}
