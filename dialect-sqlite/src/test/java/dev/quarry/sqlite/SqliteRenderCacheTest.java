package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.RenderCacheSuite;

/** The compiled-SQL cache on in-memory SQLite. */
class SqliteRenderCacheTest extends RenderCacheSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite::memory:");
    }
}
