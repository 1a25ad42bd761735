package dev.quarry.postgres;

import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.ReadOnlyTransactionException;
import dev.quarry.dsl.SerializationFailureException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden PostgreSQL SQL of a transaction's isolation level and read-only mode (the standard SET
 * TRANSACTION, run as the transaction's first statement, so it ends with the transaction), and the
 * translation of the failures transaction blocks care about, without a database.
 */
class PostgresTransactionSqlTest {
    private final PostgresDialect d = PostgresDialect.INSTANCE;

    @Test
    void setTransactionForEachLevelAndReadOnly() {
        assertThat(d.beginTransactionSql(null, false)).isEmpty();
        assertThat(d.beginTransactionSql(Isolation.READ_UNCOMMITTED, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
        assertThat(d.beginTransactionSql(Isolation.READ_COMMITTED, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertThat(d.beginTransactionSql(Isolation.REPEATABLE_READ, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(d.beginTransactionSql(Isolation.SERIALIZABLE, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertThat(d.beginTransactionSql(null, true)).containsExactly("SET TRANSACTION READ ONLY");
        assertThat(d.beginTransactionSql(Isolation.SERIALIZABLE, true)).containsExactly("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY");
    }

    @Test
    void nothingToUndoWhenTheTransactionEnds() {
        for (Isolation level : Isolation.values()) {
            assertThat(d.endTransactionSql(level, true)).isEmpty();
        }
        assertThat(d.endTransactionSql(null, true)).isEmpty();
    }

    @Test
    void theFailuresTransactionBlocksRetryOrReport() {
        assertThat(d.translate(new SQLException("could not serialize access", "40001"), "UPDATE t"))
                .isInstanceOf(SerializationFailureException.class).satisfies(e -> assertThat(e.sql()).isEqualTo("UPDATE t"));
        assertThat(d.translate(new SQLException("deadlock detected", "40P01"), "UPDATE t")).isInstanceOf(DeadlockException.class);
        assertThat(d.translate(new SQLException("cannot execute UPDATE in a read-only transaction", "25006"), "UPDATE t"))
                .isInstanceOfSatisfying(ReadOnlyTransactionException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("25006");
                    assertThat(e.sql()).isEqualTo("UPDATE t");
                    assertThat(e).hasMessage("cannot execute UPDATE in a read-only transaction [SQL: UPDATE t]");
                });
        assertThat(d.translate(new SQLException("savepoint \"quarry_sp_1\" does not exist", "3B001"), "RELEASE SAVEPOINT quarry_sp_1")
                .sql()).isEqualTo("RELEASE SAVEPOINT quarry_sp_1");
        assertThat(List.of(d.translate(new SQLException("This connection has been closed.", "08003"), "COMMIT")))
                .singleElement().satisfies(e -> {
                    assertThat(e.sqlState()).isEqualTo("08003");
                    assertThat(e.sql()).isEqualTo("COMMIT");
                });
    }
}
