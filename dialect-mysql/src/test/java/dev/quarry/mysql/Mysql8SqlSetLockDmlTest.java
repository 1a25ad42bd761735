package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.SetLockDmlSuite;

import java.util.EnumSet;
import java.util.Set;

/**
 * The shared set-operation, locking and DML-form suite with the SQL rendered for MySQL 8.0.31 (the
 * first with INTERSECT and EXCEPT), kept whatever the server, run on this module's server, which accepts
 * that SQL except FOR SHARE and FOR UPDATE OF (MariaDB spells the one LOCK IN SHARE MODE and has no
 * other); those two tests are skipped here and their SQL is checked by {@link MysqlGoldenSetLockDmlTest}.
 * MySQL has no RETURNING, so every RETURNING is refused at render time.
 */
class Mysql8SqlSetLockDmlTest extends SetLockDmlSuite {
    @Override
    protected Database openDatabase() {
        return Database.builder(MyDatabases.own("quarry_my_setlockdml")).dialect(MysqlDialect.of("MySQL", "8.0.31").pinned()).build();
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.INTERSECT_EXCEPT_ALL, Feature.ROW_LOCKS, Feature.SHARE_LOCKS, Feature.LOCK_OF);
    }

    @Override
    protected boolean serverRuns(Feature feature) {
        return feature != Feature.SHARE_LOCKS && feature != Feature.LOCK_OF;
    }
}
