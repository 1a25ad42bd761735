package dev.quarry.sqlite;

import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.ReadOnlyTransactionException;
import dev.quarry.dsl.RetryPolicy;
import dev.quarry.dsl.SerializationFailureException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SQLite SQL of a transaction's isolation level and read-only mode: SQLite has no SET TRANSACTION
 * and is always SERIALIZABLE, so only READ UNCOMMITTED ({@code PRAGMA read_uncommitted}) and read-only
 * ({@code PRAGMA query_only}) need statements, which are connection state and undone when the transaction
 * ends. And which SQLITE_BUSY codes transaction blocks retry.
 */
class SqliteTransactionSqlTest {
    private final SqliteDialect d = SqliteDialect.INSTANCE;

    @Test
    void pragmasOnlyWhereTheyMeanSomething() {
        assertThat(d.beginTransactionSql(null, false)).isEmpty();
        assertThat(d.beginTransactionSql(Isolation.READ_COMMITTED, false)).isEmpty();
        assertThat(d.beginTransactionSql(Isolation.REPEATABLE_READ, false)).isEmpty();
        assertThat(d.beginTransactionSql(Isolation.SERIALIZABLE, false)).isEmpty();
        assertThat(d.beginTransactionSql(Isolation.READ_UNCOMMITTED, false)).containsExactly("PRAGMA read_uncommitted = 1");
        assertThat(d.beginTransactionSql(null, true)).containsExactly("PRAGMA query_only = 1");
        assertThat(d.beginTransactionSql(Isolation.READ_UNCOMMITTED, true))
                .containsExactly("PRAGMA read_uncommitted = 1", "PRAGMA query_only = 1");
        assertThat(d.beginTransactionSql(Isolation.SERIALIZABLE, true)).containsExactly("PRAGMA query_only = 1");
    }

    @Test
    void thePragmasAreResetWhenTheTransactionEnds() {
        assertThat(d.endTransactionSql(null, false)).isEmpty();
        assertThat(d.endTransactionSql(Isolation.SERIALIZABLE, false)).isEmpty();
        assertThat(d.endTransactionSql(Isolation.READ_UNCOMMITTED, false)).containsExactly("PRAGMA read_uncommitted = 0");
        assertThat(d.endTransactionSql(null, true)).containsExactly("PRAGMA query_only = 0");
        assertThat(d.endTransactionSql(Isolation.READ_UNCOMMITTED, true))
                .containsExactly("PRAGMA query_only = 0", "PRAGMA read_uncommitted = 0");
    }

    @Test
    void aStaleSnapshotIsASerializationFailureAndABusyDatabaseALockTimeout() {
        var snapshot = d.translate(new SQLiteException("[SQLITE_BUSY_SNAPSHOT] Another database connection has already written",
                SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT), "UPDATE t");
        assertThat(snapshot).isInstanceOf(SerializationFailureException.class);
        assertThat(snapshot.sqlState()).isEqualTo("40001");
        assertThat(RetryPolicy.defaults().retries(snapshot)).isTrue();
        var busy = d.translate(new SQLiteException("[SQLITE_BUSY] The database file is locked", SQLiteErrorCode.SQLITE_BUSY), "UPDATE t");
        assertThat(busy).isInstanceOf(LockTimeoutException.class);
        assertThat(RetryPolicy.defaults().retries(busy)).isFalse();
        assertThat(RetryPolicy.defaults().alsoRetrying(LockTimeoutException.class).retries(busy)).isTrue();
        var readOnly = d.translate(new SQLiteException("[SQLITE_READONLY] Attempt to write a readonly database",
                SQLiteErrorCode.SQLITE_READONLY), "UPDATE t");
        assertThat(readOnly).isInstanceOf(ReadOnlyTransactionException.class);
        assertThat(readOnly.sqlState()).isEqualTo("25006");
        assertThat(readOnly.sql()).isEqualTo("UPDATE t");
    }
}
