package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.RenderCacheSuite;

/** The compiled-SQL cache on the real PostgreSQL server, in a schema of its own. */
class PostgresRenderCacheTest extends RenderCacheSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_render_cache");
    }

    @Override
    protected boolean longInListsAreOneArray() {
        return true;
    }
}
