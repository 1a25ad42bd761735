package dev.quarry.sqlite;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.sqlite.GoldenTables.Film;
import dev.quarry.sqlite.GoldenTables.Language;
import dev.quarry.sqlite.GoldenTables.Weird;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.countDistinct;
import static dev.quarry.dsl.Dsl.max;
import static dev.quarry.dsl.Dsl.min;
import static dev.quarry.dsl.Dsl.sum;
import static dev.quarry.dsl.Dsl.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SQL and binds of every SELECT form, rendered with {@link SqliteDialect#INSTANCE} and no
 * connection (SQLAlchemy's {@code assert_compile}). In the expected SQL a backtick stands for a double
 * quote, to keep the strings readable.
 */
class SqliteGoldenSqlTest {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;

    /** Only for {@code selectDistinct}, which exists on a Session; rendering uses no connection. */
    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.connect("jdbc:sqlite::memory:");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String q(String sql) {
        return sql.replace('`', '"');
    }

    private static Rendered assertSql(Select select, String expectedSql, Object... expectedBinds) {
        Rendered r = select.render(SqliteDialect.INSTANCE);
        assertThat(r.sql()).isEqualTo(q(expectedSql));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
        return r;
    }

    /** Renders {@code SELECT film_id FROM film WHERE <condition>}. */
    private static Rendered assertWhere(Condition condition, String expectedCondition, Object... expectedBinds) {
        return assertSql(Dsl.select(F.id).from(F).where(condition),
                "SELECT `film`.`film_id` FROM `film` WHERE " + expectedCondition, expectedBinds);
    }

    // ---- select list and FROM ----------------------------------------------------------------------

    @Test
    void columns() {
        assertSql(Dsl.select(F.title, F.length).from(F), "SELECT `film`.`title`, `film`.`length` FROM `film`");
    }

    @Test
    void expressionsWithAliases() {
        assertSql(Dsl.select(F.title.as("t"), count().as("n"), max(F.length).as("longest"), value(1).as("one"))
                        .from(F).groupBy(F.title),
                "SELECT `film`.`title` AS `t`, COUNT(*) AS `n`, MAX(`film`.`length`) AS `longest`, ? AS `one` "
                        + "FROM `film` GROUP BY `film`.`title`", 1);
    }

    @Test
    void aliasOfAnAliasKeepsOnlyTheLast() {
        assertSql(Dsl.select(F.title.as("a").as("b")).from(F), "SELECT `film`.`title` AS `b` FROM `film`");
    }

    @Test
    void selectWithoutFrom() {
        assertSql(Dsl.select(value(1).as("x"), value("y")), "SELECT ? AS `x`, ?", 1, "y");
    }

    @Test
    void selectListFieldsAreKept() {
        Select s = Dsl.select(F.title, count());
        assertThat(s.fields()).hasSize(2);
        assertThat(s.fields().get(0)).isSameAs(F.title);
    }

    @Test
    void distinctThroughASession() {
        assertSql(db.selectDistinct(F.languageId).from(F), "SELECT DISTINCT `film`.`language_id` FROM `film`");
        assertSql(db.select(F.languageId).from(F), "SELECT `film`.`language_id` FROM `film`");
    }

    // ---- joins -------------------------------------------------------------------------------------

    @Test
    void innerJoin() {
        assertSql(Dsl.select(F.title, L.name).from(F).join(L).on(F.languageId.eq(L.id)),
                "SELECT `film`.`title`, `language`.`name` FROM `film` JOIN `language` "
                        + "ON `film`.`language_id` = `language`.`language_id`");
    }

    @Test
    void leftJoinWithABindInTheCondition() {
        assertSql(Dsl.select(F.title, L.name).from(F).leftJoin(L).on(F.languageId.eq(L.id).and(L.name.ne("Klingon")))
                        .where(F.length.ge(100)),
                "SELECT `film`.`title`, `language`.`name` FROM `film` LEFT JOIN `language` "
                        + "ON `film`.`language_id` = `language`.`language_id` AND `language`.`name` <> ? "
                        + "WHERE `film`.`length` >= ?", "Klingon", 100);
    }

    // ---- WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET ------------------------------------------

    @Test
    void where() {
        assertWhere(F.length.gt(90), "`film`.`length` > ?", 90);
    }

    @Test
    void whereTwiceIsAnd() {
        assertSql(Dsl.select(F.id).from(F).where(F.length.gt(90)).where(F.title.eq("A")),
                "SELECT `film`.`film_id` FROM `film` WHERE `film`.`length` > ? AND `film`.`title` = ?", 90, "A");
        assertSql(Dsl.select(F.id).from(F).where(F.length.gt(90).or(F.length.isNull())).where(F.title.eq("A")),
                "SELECT `film`.`film_id` FROM `film` WHERE (`film`.`length` > ? OR `film`.`length` IS NULL) "
                        + "AND `film`.`title` = ?", 90, "A");
    }

    @Test
    void groupByAndHaving() {
        assertSql(Dsl.select(F.languageId, count()).from(F).groupBy(F.languageId).having(count().gt(5L)),
                "SELECT `film`.`language_id`, COUNT(*) FROM `film` GROUP BY `film`.`language_id` HAVING COUNT(*) > ?", 5L);
        assertSql(Dsl.select(F.languageId, F.rate, count()).from(F).groupBy(F.languageId, F.rate)
                        .having(count().gt(5L)).having(max(F.length).lt(200)),
                "SELECT `film`.`language_id`, `film`.`rental_rate`, COUNT(*) FROM `film` "
                        + "GROUP BY `film`.`language_id`, `film`.`rental_rate` HAVING COUNT(*) > ? AND MAX(`film`.`length`) < ?",
                5L, 200);
    }

    @Test
    void orderBy() {
        assertSql(Dsl.select(F.id).from(F).orderBy(F.title, F.length.desc(), F.rate.asc()),
                "SELECT `film`.`film_id` FROM `film` ORDER BY `film`.`title` ASC, `film`.`length` DESC, `film`.`rental_rate` ASC");
        assertSql(Dsl.select(F.id).from(F).orderBy(F.length.asc().nullsFirst(), F.title.desc().nullsLast(),
                        F.rate.desc().nullsFirst(), F.id.asc().nullsLast()),
                "SELECT `film`.`film_id` FROM `film` ORDER BY `film`.`length` ASC NULLS FIRST, `film`.`title` DESC NULLS LAST, "
                        + "`film`.`rental_rate` DESC NULLS FIRST, `film`.`film_id` ASC NULLS LAST");
    }

    @Test
    void orderByAliasRefersToTheAlias() {
        assertSql(Dsl.select(F.languageId, count().as("n")).from(F).groupBy(F.languageId).orderBy(count().as("n").desc()),
                "SELECT `film`.`language_id`, COUNT(*) AS `n` FROM `film` GROUP BY `film`.`language_id` ORDER BY `n` DESC");
    }

    @Test
    void orderByAgainReplaces() {
        assertSql(Dsl.select(F.id).from(F).orderBy(F.title).orderBy(F.id.desc()),
                "SELECT `film`.`film_id` FROM `film` ORDER BY `film`.`film_id` DESC");
    }

    @Test
    void limit() {
        Rendered r = assertSql(Dsl.select(F.id).from(F).limit(10), "SELECT `film`.`film_id` FROM `film` LIMIT ?", 10L);
        assertThat(r.bindTypes()).containsExactly(DataType.bigint());
        assertSql(Dsl.select(F.id).from(F).limit(0), "SELECT `film`.`film_id` FROM `film` LIMIT ?", 0L);
    }

    @Test
    void offsetAloneNeedsLimitMinusOne() {
        assertSql(Dsl.select(F.id).from(F).offset(20), "SELECT `film`.`film_id` FROM `film` LIMIT -1 OFFSET ?", 20L);
    }

    @Test
    void limitAndOffset() {
        assertSql(Dsl.select(F.id).from(F).limit(10).offset(20), "SELECT `film`.`film_id` FROM `film` LIMIT ? OFFSET ?", 10L, 20L);
        assertSql(Dsl.select(F.id).from(F).offset(20).limit(10), "SELECT `film`.`film_id` FROM `film` LIMIT ? OFFSET ?", 10L, 20L);
    }

    @Test
    void everyClauseInOrderWithBindsInPlaceholderOrder() {
        assertSql(Dsl.select(L.name, count().as("films"), avg(F.rate).as("avg_rate"))
                        .from(F).join(L).on(F.languageId.eq(L.id).and(L.name.ne("x")))
                        .where(F.length.between(60, 180))
                        .groupBy(L.name)
                        .having(count().ge(2L))
                        .orderBy(count().as("films").desc(), L.name)
                        .limit(5).offset(1),
                "SELECT `language`.`name`, COUNT(*) AS `films`, AVG(`film`.`rental_rate`) AS `avg_rate` "
                        + "FROM `film` JOIN `language` ON `film`.`language_id` = `language`.`language_id` AND `language`.`name` <> ? "
                        + "WHERE `film`.`length` BETWEEN ? AND ? "
                        + "GROUP BY `language`.`name` HAVING COUNT(*) >= ? "
                        + "ORDER BY `films` DESC, `language`.`name` ASC LIMIT ? OFFSET ?",
                "x", 60, 180, 2L, 5L, 1L);
    }

    @Test
    void selectsAreImmutable() {
        Select base = Dsl.select(F.id).from(F);
        Select filtered = base.where(F.length.gt(1)).orderBy(F.id).limit(3);
        assertSql(base, "SELECT `film`.`film_id` FROM `film`");
        assertSql(filtered, "SELECT `film`.`film_id` FROM `film` WHERE `film`.`length` > ? ORDER BY `film`.`film_id` ASC LIMIT ?", 1, 3L);
    }

    // ---- aggregates --------------------------------------------------------------------------------

    @Test
    void aggregates() {
        assertSql(Dsl.select(count(), count(F.length), countDistinct(F.languageId), sum(F.length), avg(F.rate),
                        min(F.title), max(F.rate)).from(F),
                "SELECT COUNT(*), COUNT(`film`.`length`), COUNT(DISTINCT `film`.`language_id`), SUM(`film`.`length`), "
                        + "AVG(`film`.`rental_rate`), MIN(`film`.`title`), MAX(`film`.`rental_rate`) FROM `film`");
        assertThat(sum(F.length).type()).isEqualTo(DataType.decimal(38, 0));
        assertThat(sum(F.rate).type()).isEqualTo(DataType.decimal(38, 2));
        // A DECIMAL sum is rounded to its scale in SQL, so that equal sums sort and compare as equal.
        assertSql(Dsl.select(sum(F.rate)).from(F).having(sum(F.rate).gt(new java.math.BigDecimal("1.00"))),
                "SELECT ROUND(SUM(`film`.`rental_rate`), 2) FROM `film` HAVING ROUND(SUM(`film`.`rental_rate`), 2) > ?",
                new java.math.BigDecimal("1.00"));
        assertThat(max(F.rate).type()).isEqualTo(DataType.decimal(4, 2));
        assertThat(count(F.length).name()).isEqualTo("count");
    }

    @Test
    void anAliasIsReferencedOnlyInOrderByElsewhereTheExpressionIsRepeated() {
        Field<java.math.BigDecimal> total = sum(F.rate).as("total");
        assertSql(Dsl.select(F.languageId, total).from(F).groupBy(F.languageId)
                        .having(total.gt(new java.math.BigDecimal("5.00"))).orderBy(total.desc()),
                "SELECT `film`.`language_id`, ROUND(SUM(`film`.`rental_rate`), 2) AS `total` FROM `film` GROUP BY `film`.`language_id` "
                        + "HAVING ROUND(SUM(`film`.`rental_rate`), 2) > ? ORDER BY `total` DESC",
                new java.math.BigDecimal("5.00"));
    }

    // ---- conditions --------------------------------------------------------------------------------

    @Test
    void comparisonsWithValues() {
        assertWhere(F.length.eq(1), "`film`.`length` = ?", 1);
        assertWhere(F.length.ne(2), "`film`.`length` <> ?", 2);
        assertWhere(F.length.lt(3), "`film`.`length` < ?", 3);
        assertWhere(F.length.le(4), "`film`.`length` <= ?", 4);
        assertWhere(F.length.gt(5), "`film`.`length` > ?", 5);
        Rendered r = assertWhere(F.title.ge("M"), "`film`.`title` >= ?", "M");
        assertThat(r.bindTypes()).containsExactly(DataType.varchar(255));
        BigDecimal rate = new BigDecimal("2.99");
        assertWhere(F.rate.eq(rate), "`film`.`rental_rate` = ?", rate);
    }

    @Test
    void comparisonsWithFields() {
        assertWhere(F.length.eq(F.id), "`film`.`length` = `film`.`film_id`");
        assertWhere(F.length.ne(F.id), "`film`.`length` <> `film`.`film_id`");
        assertWhere(F.length.lt(F.id), "`film`.`length` < `film`.`film_id`");
        assertWhere(F.length.le(F.id), "`film`.`length` <= `film`.`film_id`");
        assertWhere(F.length.gt(F.id), "`film`.`length` > `film`.`film_id`");
        assertWhere(F.length.ge(value(7)), "`film`.`length` >= ?", 7);
    }

    @Test
    void between() {
        assertWhere(F.length.between(60, 120), "`film`.`length` BETWEEN ? AND ?", 60, 120);
    }

    @Test
    void inAndNotIn() {
        assertWhere(F.length.in(1, 2, 3), "`film`.`length` IN (?, ?, ?)", 1, 2, 3);
        assertWhere(F.title.in(List.of("A", "B")), "`film`.`title` IN (?, ?)", "A", "B");
        assertWhere(F.length.notIn(4, 5), "`film`.`length` NOT IN (?, ?)", 4, 5);
        assertWhere(F.title.notIn(List.of("C")), "`film`.`title` NOT IN (?)", "C");
    }

    @Test
    void emptyInIsAlwaysFalseAndEmptyNotInAlwaysTrue() {
        assertWhere(F.length.in(List.of()), "1 = 0");
        assertWhere(F.length.notIn(List.of()), "1 = 1");
        assertWhere(F.title.eq("x").and(F.length.in()), "`film`.`title` = ? AND 1 = 0", "x");
    }

    @Test
    void nullChecks() {
        assertWhere(F.length.isNull(), "`film`.`length` IS NULL");
        assertWhere(F.length.isNotNull(), "`film`.`length` IS NOT NULL");
    }

    @Test
    void likeAndNotLikeBindThePatternAsItIs() {
        Rendered r = assertWhere(F.title.like("A%_"), "`film`.`title` LIKE ?", "A%_");
        assertThat(r.bindTypes()).containsExactly(DataType.text());
        assertWhere(F.title.notLike("%x!"), "`film`.`title` NOT LIKE ?", "%x!");
    }

    /**
     * SQLite's LIKE ignores ASCII case and refuses patterns over 50,000 bytes, so the literal text tests
     * compare without a pattern; the text is bound unescaped, as often as the form needs it.
     */
    @Test
    void startsWithEndsWithAndContainsCompareWithoutAPattern() {
        assertWhere(F.title.startsWith("50%"), "SUBSTR(`film`.`title`, 1, LENGTH(?)) = ?", "50%", "50%");
        assertWhere(F.title.endsWith("a_b"), "IFNULL(SUBSTR(CAST(`film`.`title` AS BLOB), -LENGTH(CAST(? AS BLOB)), "
                + "LENGTH(CAST(? AS BLOB))), CAST(`film`.`title` AS BLOB)) = CAST(? AS BLOB)", "a_b", "a_b", "a_b");
        assertWhere(F.title.contains("x!y"), "INSTR(`film`.`title`, ?) > 0", "x!y");
        assertWhere(F.title.contains("%_!"), "INSTR(`film`.`title`, ?) > 0", "%_!");
        assertWhere(F.title.startsWith(""), "SUBSTR(`film`.`title`, 1, LENGTH(?)) = ?", "", "");
        Rendered r = assertWhere(F.title.startsWith("plain").not().and(F.length.gt(1)),
                "NOT (SUBSTR(`film`.`title`, 1, LENGTH(?)) = ?) AND `film`.`length` > ?", "plain", "plain", 1);
        assertThat(r.bindTypes()).containsExactly(DataType.text(), DataType.text(), DataType.integer());
        assertWhere(F.title.concat(Dsl.value("!")).endsWith("x"), "IFNULL(SUBSTR(CAST((`film`.`title` || ?) AS BLOB), -LENGTH(CAST(? AS BLOB)), "
                + "LENGTH(CAST(? AS BLOB))), CAST((`film`.`title` || ?) AS BLOB)) = CAST(? AS BLOB)", "!", "x", "x", "!", "x");
    }

    /**
     * The compiled-SQL cache re-binds the text into every placeholder that carries it, also when the tested
     * field is a bind value rendered twice.
     */
    @Test
    void cachedTextTestsBindTheNewText() {
        dev.quarry.dsl.RenderCache cache = new dev.quarry.dsl.RenderCache(10);
        for (String[] texts : new String[][] {{"a", "b"}, {"50%_!", "\u00e9\uD83D\uDE00"}, {"", "x"}}) {
            for (Condition c : List.of(F.title.startsWith(texts[0]), F.title.endsWith(texts[0]), F.title.contains(texts[0]),
                    Dsl.value(texts[1]).endsWith(texts[0]))) {
                var select = Dsl.select(F.id).from(F).where(c);
                Rendered cached = cache.render(select, SqliteDialect.INSTANCE);
                var b = new dev.quarry.dsl.spi.SqlBuilder(SqliteDialect.INSTANCE).padInLists(true);
                select.renderTo(b);
                assertThat(cached).isEqualTo(b.toRendered());
            }
        }
        assertThat(cache.stats().hits()).isEqualTo(8);
    }

    @Test
    void andOrNotNestingAndParentheses() {
        Condition a = F.length.eq(1);
        Condition b = F.length.eq(2);
        Condition c = F.length.eq(3);
        Condition d = F.length.eq(4);
        assertWhere(a.and(b).and(c), "`film`.`length` = ? AND `film`.`length` = ? AND `film`.`length` = ?", 1, 2, 3);
        assertWhere(a.or(b).or(c), "`film`.`length` = ? OR `film`.`length` = ? OR `film`.`length` = ?", 1, 2, 3);
        assertWhere(a.or(b).and(c), "(`film`.`length` = ? OR `film`.`length` = ?) AND `film`.`length` = ?", 1, 2, 3);
        assertWhere(a.and(b.or(c)), "`film`.`length` = ? AND (`film`.`length` = ? OR `film`.`length` = ?)", 1, 2, 3);
        assertWhere(a.and(b).or(c.and(d)),
                "(`film`.`length` = ? AND `film`.`length` = ?) OR (`film`.`length` = ? AND `film`.`length` = ?)", 1, 2, 3, 4);
        assertWhere(a.not(), "NOT (`film`.`length` = ?)", 1);
        assertWhere(a.or(b).not(), "NOT (`film`.`length` = ? OR `film`.`length` = ?)", 1, 2);
        assertWhere(a.not().and(b), "NOT (`film`.`length` = ?) AND `film`.`length` = ?", 1, 2);
        assertWhere(a.and(b).not().not(), "NOT (NOT (`film`.`length` = ? AND `film`.`length` = ?))", 1, 2);
    }

    @Test
    void junctionsOfMoreThan64ConditionsAreGroupedInHalves() {
        // SQLite nests a chain of n conditions n levels deep and refuses more than 1,000
        List<Condition> conditions = java.util.stream.IntStream.range(0, 130).mapToObj(F.length::eq).toList();
        String eq = "`film`.`length` = ?";
        java.util.function.BiFunction<Integer, Integer, String> chain = (from, to) -> String.join(" OR ",
                java.util.Collections.nCopies(to - from, eq));
        Object[] binds = java.util.stream.IntStream.range(0, 130).boxed().toArray();
        // 130 = (32 + 33) + (32 + 33)
        assertWhere(Dsl.or(conditions.get(0), conditions.subList(1, 130).toArray(Condition[]::new)),
                "((" + chain.apply(0, 32) + ") OR (" + chain.apply(32, 65) + ")) OR ((" + chain.apply(65, 97) + ") OR ("
                        + chain.apply(97, 130) + "))", binds);
        assertWhere(Dsl.and(conditions.get(0), conditions.subList(1, 64).toArray(Condition[]::new)),
                String.join(" AND ", java.util.Collections.nCopies(64, eq)), java.util.Arrays.copyOf(binds, 64));
        assertWhere(Dsl.and(conditions.get(0), conditions.subList(1, 65).toArray(Condition[]::new)),
                "(" + String.join(" AND ", java.util.Collections.nCopies(32, eq)) + ") AND ("
                        + String.join(" AND ", java.util.Collections.nCopies(33, eq)) + ")", java.util.Arrays.copyOf(binds, 65));
    }

    @Test
    void aConditionUsedAsAnOperandIsParenthesised() {
        Condition aOrB = F.length.eq(1).or(F.length.eq(2));
        String paren = "(`film`.`length` = ? OR `film`.`length` = ?)";
        assertWhere(aOrB.eq(true), paren + " = ?", 1, 2, true);
        assertWhere(aOrB.ne(F.title.isNull()), paren + " <> (`film`.`title` IS NULL)", 1, 2);
        assertWhere(F.title.isNull().eq(aOrB), "(`film`.`title` IS NULL) = " + paren, 1, 2);
        assertWhere(F.length.eq(1).not().eq(false), "(NOT (`film`.`length` = ?)) = ?", 1, false);
        assertWhere(F.length.eq(1).eq(true), "(`film`.`length` = ?) = ?", 1, true);
        assertWhere(aOrB.isNull(), paren + " IS NULL", 1, 2);
        assertWhere(aOrB.in(true), paren + " IN (?)", 1, 2, true);
        assertWhere(aOrB.between(false, true), paren + " BETWEEN ? AND ?", 1, 2, false, true);
        assertWhere(aOrB.like("1"), paren + " LIKE ?", 1, 2, "1");
    }

    @Test
    void dslAndOrNot() {
        Condition a = F.length.eq(1);
        Condition b = F.length.eq(2);
        Condition c = F.length.eq(3);
        Condition d = F.title.isNull();
        assertWhere(Dsl.and(a), "`film`.`length` = ?", 1);
        assertWhere(Dsl.and(a, b, c), "`film`.`length` = ? AND `film`.`length` = ? AND `film`.`length` = ?", 1, 2, 3);
        assertWhere(Dsl.or(a, Dsl.and(b, c), Dsl.not(d)),
                "`film`.`length` = ? OR (`film`.`length` = ? AND `film`.`length` = ?) OR NOT (`film`.`title` IS NULL)", 1, 2, 3);
        assertWhere(Dsl.and(Dsl.or(a, b), Dsl.and(c, d)),
                "(`film`.`length` = ? OR `film`.`length` = ?) AND `film`.`length` = ? AND `film`.`title` IS NULL", 1, 2, 3);
        assertWhere(Dsl.not(Dsl.or(a, b)), "NOT (`film`.`length` = ? OR `film`.`length` = ?)", 1, 2);
    }

    // ---- identifiers -------------------------------------------------------------------------------

    @Test
    void identifiersWithADoubleQuoteAreEscapedByDoubling() {
        Weird w = Weird.WEIRD;
        Rendered r = Dsl.select(w.col, w.col.as("a\"b")).from(w).where(w.col.eq("x\"y")).render(SqliteDialect.INSTANCE);
        assertThat(r.sql()).isEqualTo(
                "SELECT \"we\"\"ird\".\"co\"\"l\", \"we\"\"ird\".\"co\"\"l\" AS \"a\"\"b\" FROM \"we\"\"ird\" "
                        + "WHERE \"we\"\"ird\".\"co\"\"l\" = ?");
        assertThat(r.binds()).containsExactly("x\"y");
    }

    @Test
    void valuesNeverReachTheSqlText() {
        Rendered r = Dsl.select(F.id).from(F)
                .where(F.title.eq("'; DROP TABLE film; --").or(F.title.like("%' OR '1'='1"))).render(SqliteDialect.INSTANCE);
        assertThat(r.sql()).doesNotContain("DROP").doesNotContain("'1'");
        assertThat(r.binds()).containsExactly("'; DROP TABLE film; --", "%' OR '1'='1");
    }
}
