package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.TransferLoadSuite;

/**
 * The shared transfer load on the real MariaDB server, in a database of its own: SERIALIZABLE turns the
 * reads into shared locks, so conflicts end in deadlocks (1213); REPEATABLE READ loses updates silently
 * unless {@code innodb_snapshot_isolation} is on, which Quarry sets for every pooled session on servers
 * that have it, so conflicts end in error 1020. Both are retried.
 */
class MysqlTransferLoadTest extends TransferLoadSuite {
    private static String url;

    @Override
    protected Database.Builder builder() {
        if (url == null) url = MyDatabases.own("quarry_my_load");
        return Database.builder(url).maximumPoolSize(8);
    }
}
