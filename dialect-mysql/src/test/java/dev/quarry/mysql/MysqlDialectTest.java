package dev.quarry.mysql;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DeadlockException;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.IntegrityConstraintViolationException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.SerializationFailureException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.dsl.spi.PoolSettings;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dialect's own decisions that need no server: versions, URLs, pool settings, error codes. */
class MysqlDialectTest {
    @Test
    void theServerIsReadFromWhatTheMetadataReports() {
        MysqlDialect mariaDb = MysqlDialect.of("MariaDB", "10.11.19-MariaDB-0+deb12u1");
        assertThat(mariaDb.isMariaDb()).isTrue();
        assertThat(mariaDb.serverVersion()).isEqualTo("10.11.19");
        assertThat(mariaDb.name()).isEqualTo("mariadb");
        assertThat(mariaDb).hasToString("MysqlDialect[MariaDB 10.11.19]");

        // MariaDB before 11.0 prefixes 5.5.5- in the handshake; a MySQL product name does not hide MariaDB
        MysqlDialect old = MysqlDialect.of("MySQL", "5.5.5-10.4.12-MariaDB-1:10.4.12+maria~bionic");
        assertThat(old.isMariaDb()).isTrue();
        assertThat(old.serverVersion()).isEqualTo("10.4.12");

        MysqlDialect mysql = MysqlDialect.of("MySQL", "8.0.36");
        assertThat(mysql.isMariaDb()).isFalse();
        assertThat(mysql.serverVersion()).isEqualTo("8.0.36");
        assertThat(mysql.name()).isEqualTo("mysql");
        assertThat(MysqlDialect.of(null, "8.4").serverVersion()).isEqualTo("8.4.0");

        assertThatThrownBy(() -> MysqlDialect.of("MySQL", "unknown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read a version major.minor[.patch] from 'unknown' (product MySQL)");
    }

    @Test
    void theServiceLoaderInstanceAssumesMariaDb106() {
        MysqlDialect loaded = new MysqlDialect();
        assertThat(loaded.isMariaDb()).isTrue();
        assertThat(loaded.serverVersion()).isEqualTo("10.6.0").isEqualTo(MysqlDialect.MARIADB.serverVersion());
        assertThat(loaded.supportsInsertReturning()).isTrue();
        assertThat(MysqlDialect.MYSQL_8.serverVersion()).isEqualTo("8.0.16");
    }

    @Test
    void insertReturningOnlyOnMariaDb105AndLater() {
        assertThat(MysqlDialect.of("MariaDB", "10.5.0-MariaDB").supportsInsertReturning()).isTrue();
        assertThat(MysqlDialect.of("MariaDB", "10.4.34-MariaDB").supportsInsertReturning()).isFalse();
        assertThat(MysqlDialect.of("MariaDB", "11.4.2-MariaDB").supportsInsertReturning()).isTrue();
        assertThat(MysqlDialect.of("MySQL", "9.1.0").supportsInsertReturning()).isFalse();
    }

    @Test
    void bothSchemesAreAcceptedAndJdbcMysqlGetsPermitMysqlScheme() {
        MysqlDialect d = MysqlDialect.MARIADB;
        assertThat(d.acceptsUrl("jdbc:mariadb://h/db")).isTrue();
        assertThat(d.acceptsUrl("jdbc:mysql://h/db")).isTrue();
        assertThat(d.acceptsUrl("jdbc:postgresql://h/db")).isFalse();
        assertThat(d.acceptsUrl(null)).isFalse();

        assertThat(d.driverUrl("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
        assertThat(d.driverUrl("jdbc:mysql://h/db")).isEqualTo("jdbc:mysql://h/db?permitMysqlScheme");
        assertThat(d.driverUrl("jdbc:mysql://h/db?user=root")).isEqualTo("jdbc:mysql://h/db?user=root&permitMysqlScheme");
        assertThat(d.driverUrl("jdbc:mysql://h/db?permitMysqlScheme&user=root")).isEqualTo("jdbc:mysql://h/db?permitMysqlScheme&user=root");
        assertThat(d.driverUrl("jdbc:mysql://h/db?user=root&permitMysqlScheme=true")).isEqualTo("jdbc:mysql://h/db?user=root&permitMysqlScheme=true");
    }

    @Test
    void poolSettingsMakeSessionsStrictAndUtc() {
        PoolSettings settings = MysqlDialect.MARIADB.poolSettings("jdbc:mariadb://h/db");
        assertThat(settings.maximumPoolSize()).isEqualTo(10);
        assertThat(settings.keepConnectionsForever()).isFalse();
        assertThat(settings.driverProperties()).isEqualTo(Map.of(
                "jdbcCompliantTruncation", "true",
                "connectionTimeZone", "UTC",
                "forceConnectionTimeZoneToSession", "true",
                "returnMultiValuesGeneratedIds", "true",
                "useServerPrepStmts", "true", "cachePrepStmts", "true", "prepStmtCacheSize", "256",
                "useBulkStmtsForInserts", "true",
                "sessionVariables", MysqlDialect.sessionVariables(false)));
        assertThat(MysqlDialect.MARIADB.maxBindParameters()).isEqualTo(65_535);
    }

    /** innodb_snapshot_isolation exists from MariaDB 10.6.18, 10.11.8, 11.0.6, 11.1.5, 11.2.4 and 11.4.2; never on MySQL. */
    @Test
    void serversWithSnapshotIsolationGetItForEverySession() {
        for (String version : List.of("10.6.18-MariaDB", "10.11.8-MariaDB", "10.11.19-MariaDB-0+deb12u1", "11.0.6-MariaDB",
                "11.1.5-MariaDB", "11.2.4-MariaDB", "11.4.2-MariaDB", "11.8.1-MariaDB", "12.0.1-MariaDB")) {
            assertThat(MysqlDialect.of("MariaDB", version).poolSettings("jdbc:mariadb://h/db").driverProperties().get("sessionVariables"))
                    .as(version).isEqualTo(MysqlDialect.CONNECTION_COLLATION + ",innodb_snapshot_isolation=ON");
        }
        for (String version : List.of("10.6.17-MariaDB", "10.7.8-MariaDB", "10.10.7-MariaDB", "10.11.7-MariaDB", "11.0.5-MariaDB",
                "11.1.4-MariaDB", "11.2.3-MariaDB", "11.3.2-MariaDB", "11.4.1-MariaDB")) {
            assertThat(MysqlDialect.of("MariaDB", version).poolSettings("jdbc:mariadb://h/db").driverProperties().get("sessionVariables"))
                    .as(version).isEqualTo(MysqlDialect.CONNECTION_COLLATION);
        }
        assertThat(MysqlDialect.of("MySQL", "8.4.3").poolSettings("jdbc:mysql://h/db").driverProperties().get("sessionVariables"))
                .isEqualTo(MysqlDialect.CONNECTION_COLLATION);
        assertThat(org.mariadb.jdbc.util.Security.parseSessionVariables(MysqlDialect.sessionVariables(true)))
                .isEqualTo(MysqlDialect.sessionVariables(true));
    }

    /** The MySQL-family messages that quote values lose them; names stay. */
    @Test
    void quotedValuesAreRedacted() {
        MysqlDialect d = MysqlDialect.MARIADB;
        assertThat(d.redactValues("(conn=5) Duplicate entry 'tok-it's-S3CR3T' for key 'uq_t_token' [SQL: INSERT INTO `t` (`token`) VALUES (?)]"))
                .isEqualTo("(conn=5) Duplicate entry '***' for key 'uq_t_token' [SQL: INSERT INTO `t` (`token`) VALUES (?)]");
        assertThat(d.redactValues("(conn=5) Incorrect integer value: 'abc' for column `db`.`t`.`n` at row 1"))
                .isEqualTo("(conn=5) Incorrect integer value: '***' for column `db`.`t`.`n` at row 1");
        assertThat(d.redactValues("(conn=5) Truncated incorrect DOUBLE value: 'x1' [SQL: SELECT 1]"))
                .isEqualTo("(conn=5) Truncated incorrect DOUBLE value: '***' [SQL: SELECT 1]");
        assertThat(d.redactValues("(conn=5) Data too long for column 'c' at row 1")).isEqualTo("(conn=5) Data too long for column 'c' at row 1");
    }

    /**
     * The session variables reach the server as written: Connector/J splits the option at commas and
     * semicolons outside quotes and joins the parts again, which must leave the value unchanged.
     */
    @Test
    void sessionVariablesSurviveTheDriversParsing() {
        String value = MysqlDialect.sessionVariables(false);
        assertThat(value).startsWith("collation_connection=(SELECT ");
        assertThat(org.mariadb.jdbc.util.Security.parseSessionVariables(value)).isEqualTo(value);
    }

    private static DataAccessException translate(MysqlDialect d, int code, String state) {
        return d.translate(new SQLException("(conn=1) reason " + code, state, code), "SELECT 1");
    }

    @Test
    void vendorCodesAreTranslatedAndKeepTheDriversSqlState() {
        MysqlDialect d = MysqlDialect.MARIADB;
        assertThat(translate(d, 1062, "23000")).isInstanceOf(UniqueViolationException.class);
        assertThat(translate(d, 1586, "23000")).isInstanceOf(UniqueViolationException.class);
        assertThat(translate(d, 1451, "23000")).isInstanceOf(ForeignKeyViolationException.class);
        assertThat(translate(d, 1452, "23000")).isInstanceOf(ForeignKeyViolationException.class);
        assertThat(translate(d, 1216, "23000")).isInstanceOf(ForeignKeyViolationException.class);
        assertThat(translate(d, 1217, "23000")).isInstanceOf(ForeignKeyViolationException.class);
        assertThat(translate(d, 1048, "23000")).isInstanceOf(NotNullViolationException.class);
        assertThat(translate(d, 1364, "HY000")).isInstanceOf(NotNullViolationException.class);
        assertThat(translate(d, 1205, "HY000")).isInstanceOf(LockTimeoutException.class);
        assertThat(translate(d, 1020, "HY000")).isInstanceOf(SerializationFailureException.class);
        assertThat(translate(d, 1317, "70100")).isInstanceOf(dev.quarry.dsl.QueryTimeoutException.class);
        assertThat(translate(d, 1969, "70100")).isInstanceOf(dev.quarry.dsl.QueryTimeoutException.class);
        assertThat(translate(MysqlDialect.MYSQL_8, 3024, "HY000")).isInstanceOf(dev.quarry.dsl.QueryTimeoutException.class);
        DataAccessException deadlock = translate(d, 1213, "40001");
        assertThat(deadlock).isExactlyInstanceOf(DeadlockException.class);
        assertThat(deadlock.sqlState()).isEqualTo("40001");
        assertThat(deadlock.sql()).isEqualTo("SELECT 1");
        assertThat(deadlock).hasMessage("(conn=1) reason 1213 [SQL: SELECT 1]");
        // anything else by SQLState: class 23 stays an integrity violation, 40001 a serialization failure
        assertThat(translate(d, 9999, "23000")).isExactlyInstanceOf(IntegrityConstraintViolationException.class);
        assertThat(translate(d, 9998, "40001")).isExactlyInstanceOf(SerializationFailureException.class);
        assertThat(translate(d, 9997, "22012")).isExactlyInstanceOf(DataException.class);
        assertThat(translate(d, 9996, "HY000")).isExactlyInstanceOf(DataAccessException.class);
    }

    @Test
    void valuesAColumnCannotHoldAreDataExceptionsOfClass22() {
        MysqlDialect d = MysqlDialect.MARIADB;
        // the driver's SQLState where it is of class 22, else the standard one for the condition
        assertThat(translate(d, 1264, "22003")).isExactlyInstanceOf(DataException.class).extracting(DataAccessException::sqlState).isEqualTo("22003");
        assertThat(translate(d, 1690, "22003").sqlState()).isEqualTo("22003");
        assertThat(translate(d, 1690, "HY000").sqlState()).isEqualTo("22003");
        assertThat(translate(d, 1406, "22001")).isExactlyInstanceOf(DataException.class).extracting(DataAccessException::sqlState).isEqualTo("22001");
        assertThat(translate(d, 1292, "22007").sqlState()).isEqualTo("22007");
        assertThat(translate(d, 1366, "HY000").sqlState()).isEqualTo("22007");
        assertThat(translate(d, 1441, "HY000")).isInstanceOf(DataException.class).extracting(DataAccessException::sqlState).isEqualTo("22008");
        assertThat(translate(MysqlDialect.MYSQL_8, 1264, "22003")).isExactlyInstanceOf(DataException.class);
    }

    @Test
    void checkAndNowaitCodesDependOnTheProduct() {
        // 4025 is MariaDB's ER_CONSTRAINT_FAILED, 3819 MySQL's ER_CHECK_CONSTRAINT_VIOLATED
        assertThat(translate(MysqlDialect.MARIADB, 4025, "23000")).isInstanceOf(CheckViolationException.class);
        assertThat(translate(MysqlDialect.MYSQL_8, 3819, "HY000")).isInstanceOf(CheckViolationException.class);
        assertThat(translate(MysqlDialect.MARIADB, 3819, "HY000")).isExactlyInstanceOf(DataAccessException.class);
        assertThat(translate(MysqlDialect.MYSQL_8, 4025, "HY000")).isExactlyInstanceOf(DataAccessException.class);
        assertThat(translate(MysqlDialect.MYSQL_8, 3572, "HY000")).isInstanceOf(LockTimeoutException.class);
        assertThat(translate(MysqlDialect.MARIADB, 3572, "HY000")).isExactlyInstanceOf(DataAccessException.class);
    }
}
