package dev.quarry.testkit;

import dev.quarry.dsl.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The life cycle of the suites that read {@link MiniSakila}: one database per test class, MiniSakila
 * loaded (old tables dropped first) before the first test, its tables dropped and the database closed
 * after the last, so that a suite can run again on the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MiniSakilaSuite {
    /** The database under test, open for the whole class, with the MiniSakila data loaded. */
    protected Database db;

    /**
     * Opens the database under test. Called once per test class.
     *
     * @return an open database of this class's own (its own schema or database on a shared server); the
     *         suite loads MiniSakila into it, drops the tables at the end and closes it
     */
    protected abstract Database openDatabase();

    @BeforeAll
    final void loadMiniSakila() {
        db = openDatabase();
        MiniSakila.load(db);
    }

    @AfterAll
    final void dropMiniSakilaAndClose() {
        if (db == null) return;
        try {
            MiniSakila.drop(db);
        } finally {
            db.close();
        }
    }
}
