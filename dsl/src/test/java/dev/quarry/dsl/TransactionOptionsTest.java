package dev.quarry.dsl;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transaction options are immutable values; isolation levels carry their SQL and JDBC spellings. */
class TransactionOptionsTest {
    @Test
    void defaultsSetNothing() {
        TransactionOptions d = TransactionOptions.defaults();
        assertThat(d.isolationLevel()).isEmpty();
        assertThat(d.isReadOnly()).isFalse();
        assertThat(d.retryPolicy()).isEmpty();
        assertThat(d.hasCharacteristics()).isFalse();
        assertThat(d).hasToString("TransactionOptions[isolation=default]");
    }

    @Test
    void everyMethodReturnsACopy() {
        TransactionOptions serializable = TransactionOptions.isolation(Isolation.SERIALIZABLE);
        TransactionOptions readOnly = serializable.readOnly();
        TransactionOptions once = readOnly.noRetry();
        assertThat(serializable.isReadOnly()).isFalse();
        assertThat(readOnly.isReadOnly()).isTrue();
        assertThat(readOnly.isolationLevel()).contains(Isolation.SERIALIZABLE);
        assertThat(readOnly.retryPolicy()).isEmpty();
        assertThat(once.retryPolicy()).contains(RetryPolicy.none());
        assertThat(once.withIsolation(Isolation.READ_COMMITTED).isolationLevel()).isEqualTo(Optional.of(Isolation.READ_COMMITTED));
        assertThat(TransactionOptions.defaults().readOnly().hasCharacteristics()).isTrue();
        assertThat(once).isEqualTo(TransactionOptions.isolation(Isolation.SERIALIZABLE).readOnly().withRetry(RetryPolicy.none()));
        assertThat(once).hasToString("TransactionOptions[isolation=SERIALIZABLE, read only, RetryPolicy[1 attempts, backoff 0..0 ms]]");
        assertThatThrownBy(() -> TransactionOptions.isolation(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TransactionOptions.defaults().withRetry(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isolationLevelsSpelledAsSqlAndJdbc() {
        assertThat(Isolation.READ_UNCOMMITTED.sql()).isEqualTo("READ UNCOMMITTED");
        assertThat(Isolation.REPEATABLE_READ.sql()).isEqualTo("REPEATABLE READ");
        assertThat(Isolation.READ_COMMITTED.jdbcLevel()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(Isolation.SERIALIZABLE.jdbcLevel()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    }
}
