package dev.quarry.postgres;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataException;
import dev.quarry.dsl.Dialects;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dialect's contract without a server: URL, registration, limits, error translation, server versions. */
class PostgresDialectTest {
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    /** The values PostgreSQL repeats in its messages are hidden; constraint, column and table names stay. */
    @Test
    void quotedValuesAreRedacted() {
        PostgresDialect d = PostgresDialect.INSTANCE;
        assertThat(d.redactValues("ERROR: duplicate key value violates unique constraint \"uq_t_token\"\n"
                + "  Detail: Key (token)=(tok-(S3CR3T)) already exists. [SQL: INSERT INTO \"t\" (\"token\") VALUES (?)]"))
                .isEqualTo("ERROR: duplicate key value violates unique constraint \"uq_t_token\"\n"
                        + "  Detail: Key (token)=(***) already exists. [SQL: INSERT INTO \"t\" (\"token\") VALUES (?)]");
        assertThat(d.redactValues("ERROR: null value in column \"name\" of relation \"t\" violates not-null constraint\n"
                + "  Detail: Failing row contains (1, tok-S3CR3T, null)."))
                .isEqualTo("ERROR: null value in column \"name\" of relation \"t\" violates not-null constraint\n"
                        + "  Detail: Failing row contains (***).");
        assertThat(d.redactValues("ERROR: insert or update on table \"a\" violates foreign key constraint \"fk\"\n"
                + "  Detail: Key (b_id)=(42) is not present in table \"b\"."))
                .isEqualTo("ERROR: insert or update on table \"a\" violates foreign key constraint \"fk\"\n"
                        + "  Detail: Key (b_id)=(***) is not present in table \"b\".");
        assertThat(d.redactValues("ERROR: invalid input syntax for type integer: \"S3CR3T\"")).isEqualTo(
                "ERROR: invalid input syntax for type integer: \"***\"");
        assertThat(d.redactValues("ERROR: value \"99999999999\" is out of range for type integer")).isEqualTo(
                "ERROR: value \"***\" is out of range for type integer");
    }

    @Test
    void networkTimeoutsAreWholeSecondsRoundedUp() {
        assertThat(PostgresDialect.INSTANCE.networkTimeoutProperties(java.time.Duration.ofMillis(1500), java.time.Duration.ofMillis(250)))
                .isEqualTo(java.util.Map.of("socketTimeout", "2", "connectTimeout", "1", "loginTimeout", "1"));
        assertThat(PostgresDialect.INSTANCE.networkTimeoutProperties(java.time.Duration.ZERO, java.time.Duration.ofSeconds(30)))
                .isEqualTo(java.util.Map.of("socketTimeout", "0", "connectTimeout", "30", "loginTimeout", "30"));
    }

    @Test
    void acceptsPostgresqlUrlsOnly() {
        assertThat(dialect.acceptsUrl("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")).isTrue();
        assertThat(dialect.acceptsUrl("jdbc:postgresql:test")).isTrue();
        assertThat(dialect.acceptsUrl("jdbc:postgres://127.0.0.1/test")).isFalse();
        assertThat(dialect.acceptsUrl("jdbc:sqlite:x.db")).isFalse();
        assertThat(dialect.acceptsUrl("JDBC:POSTGRESQL://h/db")).isFalse();
        assertThat(dialect.acceptsUrl(null)).isFalse();
    }

    @Test
    void isFoundThroughTheServiceLoaderByUrl() {
        assertThat(Dialects.forUrl("jdbc:postgresql://db.example/x")).isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.available()).anyMatch(d -> d instanceof PostgresDialect);
    }

    @Test
    void limitsAndCapabilities() {
        assertThat(dialect.name()).isEqualTo("postgresql");
        assertThat(dialect.maxBindParameters()).isEqualTo(65_535);
        assertThat(dialect.supportsInsertReturning()).isTrue();
        assertThat(dialect.ddl()).isSameAs(PostgresDdlRenderer.INSTANCE);
    }

    @ParameterizedTest
    @CsvSource({
            "23505, dev.quarry.dsl.UniqueViolationException",
            "23503, dev.quarry.dsl.ForeignKeyViolationException",
            "23502, dev.quarry.dsl.NotNullViolationException",
            "23514, dev.quarry.dsl.CheckViolationException",
            "23P01, dev.quarry.dsl.IntegrityConstraintViolationException",
            "40001, dev.quarry.dsl.SerializationFailureException",
            "40P01, dev.quarry.dsl.DeadlockException",
            "55P03, dev.quarry.dsl.LockTimeoutException",
            "42P01, dev.quarry.dsl.DataAccessException",
    })
    void sqlStatesAreTranslated(String state, String exceptionClass) throws Exception {
        SQLException e = new SQLException("ERROR: something", state);
        DataAccessException translated = dialect.translate(e, "SELECT 1");
        assertThat(translated.getClass().getName()).isEqualTo(exceptionClass);
        assertThat(translated.sqlState()).isEqualTo(state);
        assertThat(translated.sql()).isEqualTo("SELECT 1");
        assertThat(translated).hasCause(e).hasMessageContaining("ERROR: something").hasMessageContaining("[SQL: SELECT 1]");
    }

    @Test
    void aBatchIsTranslatedByItsFailingEntry() {
        PSQLException server = new PSQLException("ERROR: duplicate key value violates unique constraint \"x\"", PSQLState.UNIQUE_VIOLATION);
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT ... was aborted", null, 0, new int[0], server);
        batch.setNextException(server);
        DataAccessException translated = dialect.translate(batch, "INSERT");
        assertThat(translated).isInstanceOf(UniqueViolationException.class)
                .hasMessageContaining("duplicate key value").hasCause(server);
        assertThat(translated.sqlState()).isEqualTo("23505");
        assertThat(translated.getSuppressed()).containsExactly(batch);
    }

    @Test
    void aBatchWithStateButOnlyANextExceptionIsTranslatedByTheNextException() {
        PSQLException server = new PSQLException("ERROR: insert or update violates foreign key constraint", PSQLState.FOREIGN_KEY_VIOLATION);
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", "23503", new int[0]);
        batch.setNextException(server);
        assertThat(dialect.translate(batch, null)).isInstanceOf(ForeignKeyViolationException.class).hasCause(server);
    }

    @Test
    void aWrapperWithoutStateIsTranslatedByItsCause() {
        SQLException server = new SQLException("ERROR: canceling statement due to lock timeout", "55P03");
        SQLException wrapper = new SQLTransientConnectionException("pool: statement failed", (String) null, server);
        assertThat(dialect.translate(wrapper, null)).isInstanceOf(LockTimeoutException.class).hasCause(server);
        SQLException bare = new SQLException("no state, no cause");
        assertThat(dialect.translate(bare, null)).isExactlyInstanceOf(DataAccessException.class).hasCause(bare);
        assertThat(dialect.translate(bare, null).sqlState()).isNull();
    }

    @Test
    void class22IsADataExceptionWithTheServersState() {
        PSQLException overflow = new PSQLException("ERROR: integer out of range", PSQLState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(dialect.translate(overflow, "SELECT 1")).isExactlyInstanceOf(DataException.class)
                .extracting(DataAccessException::sqlState).isEqualTo("22003");
        SQLException tooLong = new SQLException("ERROR: value too long for type character varying(5)", "22001");
        assertThat(dialect.translate(tooLong, null)).isExactlyInstanceOf(DataException.class)
                .extracting(DataAccessException::sqlState).isEqualTo("22001");
    }

    @Test
    void serversBeforeVersion10AreRefused() throws SQLException {
        assertThat(dialect.forServer(metaData(15, "15.4"))).isSameAs(dialect);
        assertThat(dialect.forServer(metaData(10, "10.23"))).isSameAs(dialect);
        assertThatThrownBy(() -> dialect.forServer(metaData(9, "9.6.24")))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessageContaining("9.6.24").hasMessageContaining("PostgreSQL 10 or later");
    }

    private static DatabaseMetaData metaData(int major, String version) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseMajorVersion" -> major;
                    case "getDatabaseProductVersion" -> version;
                    case "getDatabaseProductName" -> "PostgreSQL";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
