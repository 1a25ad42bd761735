package dev.quarry.testkit;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.RenderCacheStats;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.ntile;
import static dev.quarry.dsl.Dsl.orderBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-SQL cache on a real database, run by every dialect module against {@link MiniSakila}'s
 * fixed data (loaded once; the suite only reads). Every test runs statements through the database and
 * checks both the rows they return and, through {@link Database#renderCacheStats()}, whether the SQL was
 * rendered or came from the cache: statements that differ only in a bind value share the SQL; a
 * different operator, column, alias, LIMIT presence, IN-list size bucket or inline literal never does.
 * (The build also checks every cache hit of every test against a full rendering.)
 */
public abstract class RenderCacheSuite extends MiniSakilaSuite {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;

    private String titleOf(int filmId) {
        return db.select(F.title).from(F).where(F.filmId.eq(filmId)).fetchOne().value1();
    }

    private List<Integer> ids(dev.quarry.dsl.Condition where) {
        return db.select(F.filmId).from(F).where(where).orderBy(F.filmId.asc()).fetch().stream().map(r -> r.value1()).toList();
    }

    @Test
    void aStatementThatDiffersOnlyInAValueIsNotRenderedAgain() {
        assertThat(titleOf(1)).isEqualTo("ACADEMY DINOSAUR");
        RenderCacheStats before = db.renderCacheStats();
        assertThat(titleOf(2)).isEqualTo("ACE GOLDFINGER");
        assertThat(titleOf(6)).isEqualTo("ZORRO ARK");
        RenderCacheStats after = db.renderCacheStats();
        assertThat(after.renders()).as("no rendering for the same shape").isEqualTo(before.renders());
        assertThat(after.hits()).isEqualTo(before.hits() + 2);
    }

    @Test
    void aDifferentOperatorIsAnotherShape() {
        assertThat(ids(F.length.eq(50))).containsExactly(3, 6);
        long renders = db.renderCacheStats().renders();
        assertThat(ids(F.length.gt(50))).containsExactly(1, 4);
        assertThat(ids(F.length.lt(50))).containsExactly(2);
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders + 2);
        assertThat(ids(F.length.gt(86))).as("same shape as gt(50)").containsExactly(4);
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders + 2);
    }

    @Test
    void aDifferentColumnWithTheSameValueIsAnotherShape() {
        assertThat(ids(F.filmId.eq(2))).containsExactly(2);
        long renders = db.renderCacheStats().renders();
        assertThat(ids(F.languageId.eq(2))).containsExactly(6);
        assertThat(ids(F.categoryId.eq(2))).containsExactly(3, 6);
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders + 2);
    }

    @Test
    void aDifferentAliasIsAnotherShape() {
        Field<String> a = F.title.as("first_name_of_film");
        Field<String> b = F.title.as("second_name_of_film");
        String first = db.select(a).from(F).where(F.filmId.eq(3)).fetchOne().get("first_name_of_film").toString();
        long renders = db.renderCacheStats().renders();
        String second = db.select(b).from(F).where(F.filmId.eq(4)).fetchOne().get("second_name_of_film").toString();
        assertThat(first).isEqualTo("ADAPTATION HOLES");
        assertThat(second).isEqualTo("AFFAIR PREJUDICE");
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders + 1);
    }

    @Test
    void limitPresentOrAbsentAreTwoShapesAndTheLimitValueIsABind() {
        List<Integer> all = db.select(F.filmId).from(F).orderBy(F.filmId.asc()).fetch().stream().map(r -> r.value1()).toList();
        long renders = db.renderCacheStats().renders();
        List<Integer> two = db.select(F.filmId).from(F).orderBy(F.filmId.asc()).limit(2).fetch().stream().map(r -> r.value1()).toList();
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders + 1);
        List<Integer> four = db.select(F.filmId).from(F).orderBy(F.filmId.asc()).limit(4).fetch().stream().map(r -> r.value1()).toList();
        List<Integer> offset = db.select(F.filmId).from(F).orderBy(F.filmId.asc()).limit(2).offset(3).fetch()
                .stream().map(r -> r.value1()).toList();
        List<Integer> sameValues = db.select(F.filmId).from(F).orderBy(F.filmId.asc()).limit(3).offset(3).fetch()
                .stream().map(r -> r.value1()).toList();
        assertThat(all).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(two).containsExactly(1, 2);
        assertThat(four).containsExactly(1, 2, 3, 4);
        assertThat(offset).containsExactly(4, 5);
        assertThat(sameValues).as("LIMIT and OFFSET of the same value stay two binds").containsExactly(4, 5, 6);
        assertThat(db.renderCacheStats().renders()).as("limit(4) shares limit(2)'s SQL").isEqualTo(renders + 2);
    }

    @Test
    void inListsShareSqlWithinTheirSizeBucketOnly() {
        assertThat(ids(F.filmId.in(List.of(1, 2, 3)))).containsExactly(1, 2, 3);       // bucket 4
        long renders = db.renderCacheStats().renders();
        assertThat(ids(F.filmId.in(List.of(6, 5, 4, 2)))).containsExactly(2, 4, 5, 6);   // bucket 4
        assertThat(ids(F.filmId.in(List.of(5, 6, 1)))).containsExactly(1, 5, 6);        // bucket 4
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders);
        assertThat(ids(F.filmId.in(List.of(1, 2, 3, 4, 5)))).containsExactly(1, 2, 3, 4, 5); // bucket 8
        assertThat(ids(F.filmId.in(List.of(2)))).containsExactly(2);                       // bucket 1
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders + 2);
        assertThat(ids(F.filmId.notIn(List.of(1, 2, 3)))).as("NOT IN with the padding").containsExactly(4, 5, 6);
        assertThat(ids(F.filmId.in(List.of()))).isEmpty();
        assertThat(ids(F.filmId.notIn(List.of()))).containsExactly(1, 2, 3, 4, 5, 6);
    }

    /**
     * @return whether an IN list longer than {@link SqlBuilder#MAX_PADDED_IN_LIST} values is one array
     *         parameter on this database (PostgreSQL's {@code = ANY(?)}), and so cached as one shape
     */
    protected boolean longInListsAreOneArray() {
        return false;
    }

    @Test
    void aLongInListRunsAndIsCachedOnlyAsOneArray() {
        List<Integer> many = IntStream.rangeClosed(1, SqlBuilder.MAX_PADDED_IN_LIST + 1).boxed().toList();
        List<Integer> more = IntStream.rangeClosed(1, 3 * SqlBuilder.MAX_PADDED_IN_LIST).boxed().toList();
        long uncacheable = db.renderCacheStats().uncacheable();
        long hits = db.renderCacheStats().hits();
        assertThat(ids(F.filmId.in(many))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ids(F.filmId.in(more))).containsExactly(1, 2, 3, 4, 5, 6);
        if (longInListsAreOneArray()) {
            assertThat(db.renderCacheStats().uncacheable()).isEqualTo(uncacheable);
            assertThat(db.renderCacheStats().hits()).as("one shape for every length").isEqualTo(hits + 1);
        } else {
            assertThat(db.renderCacheStats().uncacheable()).isEqualTo(uncacheable + 2);
        }
    }

    @Test
    void likePatternsAreValuesAndEscapesStayRight() {
        assertThat(ids(F.title.startsWith("A"))).containsExactly(1, 2, 3, 4, 5);
        long renders = db.renderCacheStats().renders();
        assertThat(ids(F.title.startsWith("Z"))).containsExactly(6);
        assertThat(ids(F.title.startsWith("AC"))).containsExactly(1, 2);
        assertThat(ids(F.title.startsWith("A_"))).as("_ is taken literally").isEmpty();
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders);
        assertThat(ids(F.title.endsWith("ARK"))).as("a different affix is another shape").containsExactly(6);
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders + 1);
    }

    @Test
    void inlineLiteralsAreNeverShared() {
        // NTILE's count and window frames are inlined by some dialects: such statements are rendered in full
        long uncacheable = db.renderCacheStats().uncacheable();
        var two = db.select(F.filmId, ntile(2).over(orderBy(F.filmId))).from(F).orderBy(F.filmId.asc()).fetch();
        var three = db.select(F.filmId, ntile(3).over(orderBy(F.filmId))).from(F).orderBy(F.filmId.asc()).fetch();
        assertThat(two.stream().map(r -> r.value2()).toList()).containsExactly(1, 1, 1, 2, 2, 2);
        assertThat(three.stream().map(r -> r.value2()).toList()).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(db.renderCacheStats().uncacheable()).isEqualTo(uncacheable + 2);
    }

    @Test
    void joinsAggregatesAndRecordsThroughTheCache() {
        record Row(String name, long films) {}
        var q1 = db.select(L.name, count().as("films")).from(L).join(F).on(F.languageId.eq(L.languageId))
                .where(F.rentalRate.gt(new BigDecimal("1.00"))).groupBy(L.name).orderBy(L.name.asc());
        List<Row> first = q1.fetchInto(Row.class);
        long renders = db.renderCacheStats().renders();
        List<Row> second = db.select(L.name, count().as("films")).from(L).join(F).on(F.languageId.eq(L.languageId))
                .where(F.rentalRate.gt(new BigDecimal("3.00"))).groupBy(L.name).orderBy(L.name.asc()).fetchInto(Row.class);
        assertThat(first).containsExactly(new Row("English", 3), new Row("French", 1), new Row("Italian", 1));
        assertThat(second).containsExactly(new Row("English", 1), new Row("Italian", 1));
        assertThat(db.renderCacheStats().renders()).isEqualTo(renders);
    }

    @Test
    void aReusedExpressionWithAValueKeepsEachOccurrenceRight() {
        Field<Integer> longer = F.length.plus(10);
        var a = db.select(F.filmId, longer).from(F).where(longer.gt(60)).orderBy(F.filmId.asc()).fetch();
        var b = db.select(F.filmId, F.length.plus(100)).from(F).where(F.length.plus(1).gt(60)).orderBy(F.filmId.asc()).fetch();
        var c = db.select(F.filmId, F.length.plus(10)).from(F).where(F.length.plus(10).gt(60)).orderBy(F.filmId.asc()).fetch();
        assertThat(a.stream().map(r -> r.value1() + ":" + r.value2()).toList()).containsExactly("1:96", "4:127");
        assertThat(b.stream().map(r -> r.value1() + ":" + r.value2()).toList()).containsExactly("1:186", "4:217");
        assertThat(c.stream().map(r -> r.value1() + ":" + r.value2()).toList()).containsExactly("1:96", "4:127");
    }

    @Test
    void transactionsShareTheDatabasesCache() {
        assertThat(titleOf(3)).isEqualTo("ADAPTATION HOLES");
        RenderCacheStats before = db.renderCacheStats();
        String inTx = db.transaction(tx -> tx.select(F.title).from(F).where(F.filmId.eq(5)).fetchOne().value1());
        assertThat(inTx).isEqualTo("AGENT TRUMAN");
        assertThat(db.renderCacheStats().hits()).isEqualTo(before.hits() + 1);
        assertThat(db.renderCacheStats().renders()).isEqualTo(before.renders());
    }
}
