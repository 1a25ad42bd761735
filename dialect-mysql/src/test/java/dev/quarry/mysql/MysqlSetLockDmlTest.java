package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.SetLockDmlSuite;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared set-operation, locking and DML-form suite on the real server with the dialect the server
 * gets (MariaDB 10.11 locally): INTERSECT / EXCEPT with ALL, FOR UPDATE and LOCK IN SHARE MODE with NOWAIT
 * and SKIP LOCKED, INSERT ... SELECT ... RETURNING; no OF list and no RETURNING on the multiple-table
 * UPDATE and DELETE, which are refused at render time.
 */
class MysqlSetLockDmlTest extends SetLockDmlSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(MyDatabases.own("quarry_my_setlockdml"));
        assertThat(db.dialect().name()).isEqualTo("mariadb");
        return db;
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.INTERSECT_EXCEPT_ALL, Feature.ROW_LOCKS, Feature.SHARE_LOCKS, Feature.INSERT_RETURNING);
    }
}
