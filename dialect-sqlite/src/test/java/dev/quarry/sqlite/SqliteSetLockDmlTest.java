package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.SetLockDmlSuite;

import java.util.EnumSet;
import java.util.Set;

/**
 * The shared set-operation, locking and DML-form suite on in-memory SQLite: RETURNING on INSERT ... SELECT,
 * UPDATE ... FROM and the EXISTS form of DELETE ... USING, but only of the changed table; no INTERSECT ALL /
 * EXCEPT ALL and no locking reads, which are refused at render time.
 */
class SqliteSetLockDmlTest extends SetLockDmlSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite::memory:");
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.INSERT_RETURNING, Feature.UPDATE_FROM_RETURNING, Feature.DELETE_USING_RETURNING);
    }
}
