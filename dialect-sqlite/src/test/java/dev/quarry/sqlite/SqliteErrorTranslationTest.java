package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Transaction;
import dev.quarry.testkit.ErrorTranslationSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared error-translation suite on a file SQLite database. SQLite locks the whole database for
 * writing: a second writer waits {@code busy_timeout} and then fails with SQLITE_BUSY, which Quarry
 * reports as {@link dev.quarry.dsl.LockTimeoutException}.
 */
class SqliteErrorTranslationTest extends ErrorTranslationSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("errors.db"));
    }

    @Override
    protected void shortLockTimeout(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("PRAGMA busy_timeout = 200");
        }
    }

    @Override
    protected void restoreLockTimeout(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
        }
    }
}
