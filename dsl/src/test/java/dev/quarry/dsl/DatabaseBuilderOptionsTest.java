package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transaction and logging options of {@link Database.Builder} refuse bad values with precise messages, before connecting. */
class DatabaseBuilderOptionsTest {
    private final Database.Builder builder = Database.builder("jdbc:nosuchdb:x");

    @Test
    void badValuesAreRefusedAtOnce() {
        assertThatThrownBy(() -> builder.slowQueryThreshold(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slowQueryThreshold must be positive, was PT0S");
        assertThatThrownBy(() -> builder.slowQueryThreshold(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slowQueryThreshold must be positive, was null");
        assertThatThrownBy(() -> builder.connectionTimeout(Duration.ofMillis(249))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectionTimeout cannot be less than 250 ms, was PT0.249S");
        assertThatThrownBy(() -> builder.sensitiveColumns((TableField<?>) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensitive column is null");
        assertThatThrownBy(() -> builder.retryPolicy(null)).isInstanceOf(NullPointerException.class).hasMessage("retry policy");
    }

    @Test
    void goodValuesChain() {
        assertThat(builder.retryPolicy(RetryPolicy.none()).logBindValues(true).slowQueryThreshold(Duration.ofMillis(1))
                .connectionTimeout(Duration.ofMillis(250)).sensitiveColumns()).isSameAs(builder);
    }

    @Test
    void defaultSettingsShareTheDefaultLog() {
        assertThat(DatabaseSettings.DEFAULTS.sqlLog(null)).isSameAs(SqlLog.DEFAULT);
        assertThat(DatabaseSettings.DEFAULTS.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(DatabaseSettings.DEFAULTS.slowQueryThreshold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(DatabaseSettings.DEFAULTS.logBindValues()).isFalse();
    }
}
