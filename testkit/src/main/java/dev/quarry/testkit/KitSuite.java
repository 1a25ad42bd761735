package dev.quarry.testkit;

import dev.quarry.dsl.Database;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The life cycle the shared suites have in common: one database per test class, the suite's tables
 * ({@link KitTables}) created before and dropped after every test, so that the suite can run again on
 * the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KitSuite {
    /** The database under test, open for the whole class. */
    protected Database db;

    /**
     * Opens the database under test. Called once per test class.
     *
     * @return an open database; the suite closes it after the last test
     */
    protected abstract Database openDatabase();

    /** Rows every test of the suite starts with; none by default. */
    void seed() {
        // no rows
    }

    @BeforeAll
    final void openAll() {
        db = openDatabase();
        Ddl.drop(db, KitTables.ALL.toArray(Table[]::new));
    }

    @AfterAll
    final void closeAll() {
        if (db != null) db.close();
    }

    @BeforeEach
    final void createTables() {
        Ddl.create(db, KitTables.ALL.toArray(Table[]::new));
        seed();
    }

    @AfterEach
    final void dropTables() {
        Ddl.drop(db, KitTables.ALL.toArray(Table[]::new));
    }
}
