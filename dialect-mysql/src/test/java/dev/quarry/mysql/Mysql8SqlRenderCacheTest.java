package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.RenderCacheSuite;

/** The compiled-SQL cache with MySQL 8's SQL, run on the MariaDB server. */
class Mysql8SqlRenderCacheTest extends RenderCacheSuite {
    @Override
    protected Database openDatabase() {
        return Database.builder(MyDatabases.own("quarry_my_render_cache")).dialect(MysqlDialect.of("MySQL", "8.0.31").pinned()).build();
    }
}
