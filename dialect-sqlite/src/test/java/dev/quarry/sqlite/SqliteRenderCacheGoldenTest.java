package dev.quarry.sqlite;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.testkit.RenderCacheGoldenSuite;

/** Golden SQL of the compiled-SQL cache for SQLite. */
class SqliteRenderCacheGoldenTest extends RenderCacheGoldenSuite {
    @Override
    protected Dialect dialect() { return SqliteDialect.INSTANCE; }

    @Override
    protected String paddedInSql() {
        return "SELECT \"ms_film\".\"title\" FROM \"ms_film\" WHERE \"ms_film\".\"film_id\" IN (?, ?, ?, ?)";
    }

    @Override
    protected String likeLimitSql() {
        return "SELECT \"ms_film\".\"film_id\" FROM \"ms_film\" WHERE SUBSTR(\"ms_film\".\"title\", 1, LENGTH(?)) = ?"
                + " ORDER BY \"ms_film\".\"film_id\" ASC LIMIT ?";
    }
}
