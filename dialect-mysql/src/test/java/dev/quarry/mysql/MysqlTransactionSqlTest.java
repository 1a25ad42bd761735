package dev.quarry.mysql;

import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.Isolation;
import dev.quarry.dsl.ReadOnlyTransactionException;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.spi.Dialect;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden MySQL and MariaDB SQL of a transaction's isolation level and read-only mode, the same for
 * {@link MysqlDialect#MARIADB} and {@link MysqlDialect#MYSQL_8}: {@code SET TRANSACTION} without GLOBAL
 * or SESSION, run after auto-commit was switched off and before the first statement, applies to that one
 * transaction (MySQL 8.0 manual, 15.3.7 "SET TRANSACTION Statement"; MariaDB "SET TRANSACTION"), so the
 * session keeps its default. And the translation of the failures transaction blocks retry or report.
 */
class MysqlTransactionSqlTest {
    private static final Dialect[] BOTH = {MysqlDialect.MARIADB, MysqlDialect.MYSQL_8};

    @Test
    void setTransactionBeforeTheTransactionStarts() {
        for (Dialect d : BOTH) {
            assertThat(d.beginTransactionSql(null, false)).isEmpty();
            assertThat(d.beginTransactionSql(Isolation.READ_UNCOMMITTED, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
            assertThat(d.beginTransactionSql(Isolation.READ_COMMITTED, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            assertThat(d.beginTransactionSql(Isolation.REPEATABLE_READ, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            assertThat(d.beginTransactionSql(Isolation.SERIALIZABLE, false)).containsExactly("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            assertThat(d.beginTransactionSql(null, true)).containsExactly("SET TRANSACTION READ ONLY");
            assertThat(d.beginTransactionSql(Isolation.READ_COMMITTED, true)).containsExactly("SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY");
            assertThat(d.endTransactionSql(Isolation.SERIALIZABLE, true)).isEmpty();
        }
    }

    @Test
    void deadlocksSnapshotConflictsAndReadOnlyWrites() {
        for (Dialect d : BOTH) {
            assertThat(d.translate(new SQLException("Deadlock found when trying to get lock", "40001", 1213), "UPDATE t"))
                    .isInstanceOf(DeadlockException.class).isNotInstanceOf(SerializationFailureException.class);
            assertThat(d.translate(new SQLException("Cannot execute statement in a READ ONLY transaction", "25006", 1792), "UPDATE t"))
                    .isInstanceOfSatisfying(ReadOnlyTransactionException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("25006");
                        assertThat(e.sql()).isEqualTo("UPDATE t");
                    });
        }
        assertThat(MysqlDialect.MARIADB.translate(new SQLException("Record has changed since last read", "HY000", 1020), "UPDATE t"))
                .isInstanceOf(SerializationFailureException.class);
        assertThat(MysqlDialect.MARIADB.translate(new SQLException("SAVEPOINT quarry_sp_1 does not exist", "42000", 1305),
                "RELEASE SAVEPOINT quarry_sp_1").sql()).isEqualTo("RELEASE SAVEPOINT quarry_sp_1");
    }
}
