package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.SetLockDmlSuite;

import java.util.EnumSet;
import java.util.Set;

/** The shared set-operation, locking and DML-form suite on a real PostgreSQL server, which has every feature. */
class PostgresSetLockDmlTest extends SetLockDmlSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_setlockdml");
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.allOf(Feature.class);
    }
}
