package dev.quarry.mysql;

import dev.quarry.dsl.RenderCache;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.testkit.MiniSakila.Film;
import org.junit.jupiter.api.Test;

import static dev.quarry.dsl.Dsl.select;
import static org.assertj.core.api.Assertions.assertThat;

/** One cache, several MySQL/MariaDB server versions: the dialect's version is part of the key. */
class MysqlRenderCacheVersionTest {
    private static final Film F = Film.FILM;

    @Test
    void theServerVersionIsPartOfTheKey() {
        RenderCache cache = new RenderCache(10);
        Select<?> share = select(F.title).from(F).where(F.filmId.eq(1)).forShare();
        Rendered mariadb = cache.render(share, MysqlDialect.MARIADB);
        Rendered mysql8 = cache.render(share, MysqlDialect.MYSQL_8);
        assertThat(mariadb.sql()).endsWith("LOCK IN SHARE MODE");
        assertThat(mysql8.sql()).endsWith("FOR SHARE");
        assertThat(cache.stats().misses()).isEqualTo(2);
        assertThat(cache.render(select(F.title).from(F).where(F.filmId.eq(2)).forShare(), MysqlDialect.MARIADB).sql())
                .isEqualTo(mariadb.sql());
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void dialectsOfOneProductAndVersionRenderAlike() {
        RenderCache cache = new RenderCache(10);
        Select<?> q = select(F.title).from(F).where(F.filmId.eq(1)).orderBy(F.length.asc().nullsLast());
        Rendered old = cache.render(q, MysqlDialect.of("MySQL", "8.0.16"));
        Rendered newer = cache.render(q, MysqlDialect.of("MySQL", "8.0.31"));
        assertThat(newer.sql()).isEqualTo(old.sql());
        assertThat(newer.binds()).isEqualTo(old.binds());
    }
}
