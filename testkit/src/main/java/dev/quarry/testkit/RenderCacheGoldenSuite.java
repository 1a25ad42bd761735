package dev.quarry.testkit;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.RenderCache;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.quarry.dsl.Dsl.ntile;
import static dev.quarry.dsl.Dsl.orderBy;
import static dev.quarry.dsl.Dsl.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the compiled-SQL cache without a database: each dialect module runs them for its
 * dialect(s) and supplies the exact SQL of a few statements. Every statement goes through a fresh
 * {@link RenderCache}; the tests check which statements share SQL, that the re-bound values are the new
 * statement's, and that the cached SQL is what a full rendering gives.
 */
public abstract class RenderCacheGoldenSuite {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;

    /** @return the dialect under test */
    protected abstract Dialect dialect();

    /** @return the SQL of {@code select(F.title).from(F).where(F.filmId.in(1, 2, 3))} through the cache (padded to 4) */
    protected abstract String paddedInSql();

    /**
     * @return the SQL of {@code select(F.filmId).from(F).where(F.title.startsWith("A")).orderBy(F.filmId.asc()).limit(2)}
     */
    protected abstract String likeLimitSql();

    private RenderCache cache;

    @BeforeEach
    final void newCache() {
        cache = new RenderCache(100);
    }

    private Rendered cached(Select<?> s) {
        return cache.render(s, dialect());
    }

    private Rendered full(Select<?> s) {
        SqlBuilder b = new SqlBuilder(dialect()).padInLists(true);
        s.renderTo(b);
        return b.toRendered();
    }

    @Test
    void statementsDifferingOnlyInAValueShareTheSqlWithTheirOwnBinds() {
        Rendered one = cached(select(F.title).from(F).where(F.filmId.eq(1)));
        Rendered two = cached(select(F.title).from(F).where(F.filmId.eq(2)));
        assertThat(two.sql()).isEqualTo(one.sql());
        assertThat(one.binds()).containsExactly(1);
        assertThat(two.binds()).containsExactly(2);
        assertThat(two.bindTypes()).containsExactly(DataType.integer());
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThat(cache.stats().renders()).isEqualTo(1);
    }

    @Test
    void theCachedSqlIsTheFullRendering() {
        Select<?> first = select(F.filmId).from(F).where(F.title.startsWith("A")).orderBy(F.filmId.asc()).limit(2);
        Select<?> second = select(F.filmId).from(F).where(F.title.startsWith("50%_!")).orderBy(F.filmId.asc()).limit(7);
        assertThat(cached(first).sql()).isEqualTo(likeLimitSql());
        Rendered hit = cached(second);
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThat(hit).isEqualTo(full(second));
        assertThat(hit.binds()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(hit.binds().get(hit.binds().size() - 1)).isEqualTo(7L);
    }

    @Test
    void aDifferentOperatorColumnAliasOrLimitPresenceIsNeverShared() {
        List<Select<?>> shapes = List.of(
                select(F.title).from(F).where(F.filmId.eq(1)),
                select(F.title).from(F).where(F.filmId.ne(1)),
                select(F.title).from(F).where(F.filmId.gt(1)),
                select(F.title).from(F).where(F.languageId.eq(1)),
                select(F.title.as("t")).from(F).where(F.filmId.eq(1)),
                select(F.title.as("u")).from(F).where(F.filmId.eq(1)),
                select(F.title).from(F).where(F.filmId.eq(1)).limit(1),
                select(F.title).from(F).where(F.filmId.eq(1)).offset(1),
                select(F.title).from(F).where(F.filmId.eq(1)).limit(1).offset(1),
                select(F.title).from(F).where(F.filmId.eq(1)).orderBy(F.title.desc()),
                select(F.title).from(F).where(F.filmId.eq(1)).orderBy(F.title.asc()),
                Dsl.selectDistinct(F.title).from(F).where(F.filmId.eq(1)),
                select(F.title).from(F).where(F.filmId.eq(1).and(F.length.isNull())),
                select(F.title).from(F).where(F.filmId.eq(1).or(F.length.isNull())),
                select(F.title).from(F).where(F.filmId.eq(1).and(F.length.isNotNull())),
                select(F.title).from(F).where(F.title.startsWith("A")),
                select(F.title).from(F).where(F.title.endsWith("A")),
                select(F.title).from(F).where(F.title.contains("A")),
                select(F.title).from(F).where(F.title.like("A%")),
                select(F.title, L.name).from(F).join(L).on(F.languageId.eq(L.languageId)),
                select(F.title, L.name).from(F).leftJoin(L).on(F.languageId.eq(L.languageId)),
                select(F.title, L.name).from(F).join(L).on(F.originalLanguageId.eq(L.languageId)));
        for (Select<?> s : shapes) {
            Rendered r = cached(s);
            assertThat(r).as("first rendering of %s", s).isEqualTo(full(s));
        }
        assertThat(cache.stats().hits()).isZero();
        assertThat(cache.stats().size()).isEqualTo(shapes.size());
        for (Select<?> s : shapes) assertThat(cached(s)).isEqualTo(full(s));
        assertThat(cache.stats().hits()).isEqualTo(shapes.size());
    }

    @Test
    void inListsArePaddedToTheirSizeBucket() {
        Rendered three = cached(select(F.title).from(F).where(F.filmId.in(List.of(1, 2, 3))));
        assertThat(three.sql()).isEqualTo(paddedInSql());
        assertThat(three.binds()).containsExactly(1, 2, 3, 3);
        Rendered four = cached(select(F.title).from(F).where(F.filmId.in(List.of(9, 8, 7, 6))));
        assertThat(four.sql()).isEqualTo(three.sql());
        assertThat(four.binds()).containsExactly(9, 8, 7, 6);
        Rendered five = cached(select(F.title).from(F).where(F.filmId.in(List.of(1, 2, 3, 4, 5))));
        assertThat(five.sql()).isNotEqualTo(three.sql());
        assertThat(five.binds()).containsExactly(1, 2, 3, 4, 5, 5, 5, 5);
        Rendered one = cached(select(F.title).from(F).where(F.filmId.in(List.of(4))));
        assertThat(one.binds()).containsExactly(4);
        assertThat(cache.stats().renders()).isEqualTo(3);
        assertThat(cache.stats().hits()).isEqualTo(1);
        // the public render(dialect) is exact
        assertThat(select(F.title).from(F).where(F.filmId.in(List.of(1, 2, 3))).render(dialect()).binds()).containsExactly(1, 2, 3);
    }

    @Test
    void valuesAfterAnInListKeepTheirPlaces() {
        Rendered a = cached(select(F.title).from(F).where(F.filmId.in(List.of(1, 2, 3)).and(F.length.gt(10))));
        Rendered b = cached(select(F.title).from(F).where(F.filmId.in(List.of(4, 5, 6, 7)).and(F.length.gt(20))));
        assertThat(b.sql()).isEqualTo(a.sql());
        assertThat(a.binds()).containsExactly(1, 2, 3, 3, 10);
        assertThat(b.binds()).containsExactly(4, 5, 6, 7, 20);
    }

    @Test
    void sizeBucketsAreThePowersOfTwo() {
        assertThat(List.of(1, 2, 3, 4, 5, 8, 9, 1000, 1024).stream().map(SqlBuilder::paddedInListSize).toList())
                .containsExactly(1, 2, 4, 4, 8, 8, 16, 1024, 1024);
    }

    @Test
    void aReusedNodeIsTiedToEachOccurrence() {
        Field<Integer> plus10 = F.length.plus(10);
        Rendered shared = cached(select(plus10).from(F).where(plus10.gt(60)));
        assertThat(shared.binds()).containsExactly(10, 10, 60);
        Select<?> distinct = select(F.length.plus(1)).from(F).where(F.length.plus(2).gt(3));
        Rendered r = cached(distinct);
        assertThat(r.binds()).containsExactly(1, 2, 3);
        assertThat(r).isEqualTo(full(distinct));
        Rendered again = cached(select(F.length.plus(4)).from(F).where(F.length.plus(5).gt(6)));
        assertThat(again.binds()).containsExactly(4, 5, 6);
    }

    @Test
    void limitAndOffsetOfTheSameValueStayTwoValues() {
        Rendered same = cached(select(F.title).from(F).orderBy(F.title.asc()).limit(10).offset(10));
        assertThat(same.binds()).containsExactly(10L, 10L);
        Rendered other = cached(select(F.title).from(F).orderBy(F.title.asc()).limit(10).offset(20));
        assertThat(other.binds()).containsExactly(10L, 20L);
        Rendered third = cached(select(F.title).from(F).orderBy(F.title.asc()).limit(5).offset(30));
        assertThat(third.binds()).containsExactly(5L, 30L);
        assertThat(third.sql()).isEqualTo(same.sql());
    }

    @Test
    void nodesNotKnownToBeCacheSafeAreRenderedEveryTime() {
        Select<?> window = select(F.filmId, ntile(2).over(orderBy(F.filmId))).from(F);
        Select<?> window3 = select(F.filmId, ntile(3).over(orderBy(F.filmId))).from(F);
        assertThat(cached(window)).isEqualTo(full(window));
        assertThat(cached(window3)).isEqualTo(full(window3));
        Field<Integer> foreign = new Field<>() {   // a node from another module that does not say it is cache-safe
            @Override public DataType<Integer> type() { return DataType.integer(); }
            @Override public String name() { return "answer"; }
            @Override public void renderTo(SqlBuilder b) { b.append("42"); }
        };
        Select<?> custom = select(F.filmId).from(F).where(F.filmId.eq(foreign));
        assertThat(cached(custom).sql()).contains("42");
        assertThat(cached(custom).sql()).contains("42");
        assertThat(cache.stats().uncacheable()).isEqualTo(4);
        assertThat(cache.stats().hits()).isZero();
        assertThat(cache.stats().size()).isZero();
    }

    @Test
    void aColumnOfATableNotInTheQueryStillFails() {
        Select<?> wrong = select(F.title).from(L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cached(wrong))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ms_film");
    }

    @Test
    void theCacheIsBounded() {
        RenderCache small = new RenderCache(2);
        for (int round = 0; round < 3; round++) {
            small.render(select(F.title).from(F).where(F.filmId.eq(round)), dialect());
            small.render(select(F.title).from(F).where(F.filmId.gt(round)), dialect());
            small.render(select(F.title).from(F).where(F.filmId.lt(round)), dialect());
        }
        assertThat(small.stats().size()).isLessThanOrEqualTo(2);
        assertThat(small.stats().evictions()).isGreaterThanOrEqualTo(1);
        Select<?> s = select(F.title).from(F).where(F.filmId.eq(99));
        assertThat(small.render(s, dialect())).isEqualTo(full(s));
    }

    @Test
    void decimalsAndAggregatesKeepTheirTypes() {
        Rendered a = cached(select(Dsl.sum(F.rentalRate)).from(F).where(F.rentalRate.gt(new BigDecimal("1.00"))));
        Rendered b = cached(select(Dsl.sum(F.rentalRate)).from(F).where(F.rentalRate.gt(new BigDecimal("2.50"))));
        assertThat(b.sql()).isEqualTo(a.sql());
        assertThat(b.binds()).containsExactly(new BigDecimal("2.50"));
        assertThat(b.bindTypes()).containsExactly(F.rentalRate.type());
    }
}
