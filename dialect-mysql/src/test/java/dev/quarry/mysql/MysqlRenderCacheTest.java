package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.RenderCacheSuite;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled-SQL cache on the real MariaDB server, in a database of its own. */
class MysqlRenderCacheTest extends RenderCacheSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(MyDatabases.own("quarry_my_render_cache"));
        assertThat(db.dialect().name()).isEqualTo("mariadb");
        return db;
    }
}
