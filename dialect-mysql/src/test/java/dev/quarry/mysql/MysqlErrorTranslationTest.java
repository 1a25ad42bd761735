package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Transaction;
import dev.quarry.testkit.ErrorTranslationSuite;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared error-translation suite on the real MariaDB/MySQL server, in the database
 * {@value MyDatabases#SUITE_DATABASE}. The waiting transaction lowers {@code innodb_lock_wait_timeout}
 * to its minimum of 1 second (MariaDB manual, "innodb_lock_wait_timeout"); the server then fails the
 * UPDATE with error 1205, and the setting, a session variable, is put back before the pooled
 * connection is returned.
 */
class MysqlErrorTranslationTest extends ErrorTranslationSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect(MyDatabases.suiteUrl());
    }

    @Override
    protected void shortLockTimeout(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = 1");
        }
    }

    @Override
    protected void restoreLockTimeout(Transaction tx) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
        }
    }
}
