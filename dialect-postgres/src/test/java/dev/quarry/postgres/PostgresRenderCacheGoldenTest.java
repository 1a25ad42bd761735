package dev.quarry.postgres;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.testkit.RenderCacheGoldenSuite;

/** Golden SQL of the compiled-SQL cache for PostgreSQL. */
class PostgresRenderCacheGoldenTest extends RenderCacheGoldenSuite {
    @Override
    protected Dialect dialect() { return PostgresDialect.INSTANCE; }

    @Override
    protected String paddedInSql() {
        return "SELECT \"ms_film\".\"title\" FROM \"ms_film\" WHERE \"ms_film\".\"film_id\" IN (?, ?, ?, ?)";
    }

    @Override
    protected String likeLimitSql() {
        return "SELECT \"ms_film\".\"film_id\" FROM \"ms_film\" WHERE \"ms_film\".\"title\" LIKE ?"
                + " ORDER BY \"ms_film\".\"film_id\" ASC LIMIT ?";
    }
}
