package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Transaction;
import dev.quarry.testkit.ErrorTranslationSuite;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared error-translation suite on a real PostgreSQL server. The waiting transaction sets
 * {@code SET LOCAL lock_timeout = '200ms'}, which ends with the transaction; PostgreSQL then cancels
 * the UPDATE with SQLState 55P03 (lock_not_available).
 */
class PostgresErrorTranslationTest extends ErrorTranslationSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_error_translation");
    }

    @Override
    protected void shortLockTimeout(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("SET LOCAL lock_timeout = '200ms'");
        }
    }
}
