package dev.quarry.mysql;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.mysql.GoldenTables.Film;
import dev.quarry.mysql.GoldenTables.Language;
import dev.quarry.mysql.GoldenTables.Weird;
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
 * Golden SQL and binds of every SELECT form, rendered without a connection for MariaDB and for
 * MySQL 8 (SELECT is spelled the same on both, which every assertion checks).
 */
class MysqlGoldenSqlTest {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;

    private static Rendered assertSql(Select select, String expectedSql, Object... expectedBinds) {
        Rendered r = select.render(MysqlDialect.MARIADB);
        assertThat(r.sql()).isEqualTo(expectedSql);
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
        assertThat(select.render(MysqlDialect.MYSQL_8)).isEqualTo(r);
        return r;
    }

    /** Renders {@code SELECT film_id FROM film WHERE <condition>}. */
    private static Rendered assertWhere(Condition condition, String expectedCondition, Object... expectedBinds) {
        return assertSql(Dsl.select(F.id).from(F).where(condition),
                "SELECT `film`.`film_id` FROM `film` WHERE " + expectedCondition, expectedBinds);
    }

    // ---- select list, FROM, joins ------------------------------------------------------------------

    @Test
    void columnsAndAliasesInBackticks() {
        assertSql(Dsl.select(F.title, F.length).from(F), "SELECT `film`.`title`, `film`.`length` FROM `film`");
        assertSql(Dsl.select(F.title.as("t"), count().as("n"), max(F.length).as("longest"), value(1).as("one"))
                        .from(F).groupBy(F.title),
                "SELECT `film`.`title` AS `t`, COUNT(*) AS `n`, MAX(`film`.`length`) AS `longest`, ? AS `one` "
                        + "FROM `film` GROUP BY `film`.`title`", 1);
    }

    @Test
    void selectWithoutFromAndDistinct() {
        assertSql(Dsl.select(value(1).as("x"), value("y")), "SELECT ? AS `x`, ?", 1, "y");
        assertSql(Dsl.selectDistinct(F.languageId).from(F), "SELECT DISTINCT `film`.`language_id` FROM `film`");
    }

    @Test
    void joins() {
        assertSql(Dsl.select(F.title, L.name).from(F).join(L).on(F.languageId.eq(L.id)),
                "SELECT `film`.`title`, `language`.`name` FROM `film` JOIN `language` "
                        + "ON `film`.`language_id` = `language`.`language_id`");
        assertSql(Dsl.select(F.title, L.name).from(F).leftJoin(L).on(F.languageId.eq(L.id).and(L.name.ne("Klingon")))
                        .where(F.length.ge(100)),
                "SELECT `film`.`title`, `language`.`name` FROM `film` LEFT JOIN `language` "
                        + "ON `film`.`language_id` = `language`.`language_id` AND `language`.`name` <> ? "
                        + "WHERE `film`.`length` >= ?", "Klingon", 100);
    }

    // ---- GROUP BY, HAVING, ORDER BY ------------------------------------------------------------------

    @Test
    void groupByAndHaving() {
        assertSql(Dsl.select(F.languageId, count()).from(F).groupBy(F.languageId).having(count().gt(5L)),
                "SELECT `film`.`language_id`, COUNT(*) FROM `film` GROUP BY `film`.`language_id` HAVING COUNT(*) > ?", 5L);
    }

    @Test
    void orderByWithoutNullPlacement() {
        assertSql(Dsl.select(F.id).from(F).orderBy(F.title, F.length.desc(), F.rate.asc()),
                "SELECT `film`.`film_id` FROM `film` ORDER BY `film`.`title` ASC, `film`.`length` DESC, `film`.`rental_rate` ASC");
    }

    @Test
    void nullsFirstAndLastAreEmulatedWhereTheyDifferFromMysqlsDefault() {
        // MySQL puts NULLs first ascending and last descending: those two need nothing
        assertSql(Dsl.select(F.id).from(F).orderBy(F.length.asc().nullsFirst(), F.title.desc().nullsLast()),
                "SELECT `film`.`film_id` FROM `film` ORDER BY `film`.`length` ASC, `film`.`title` DESC");
        // the other two get a leading IS NULL key
        assertSql(Dsl.select(F.id).from(F).orderBy(F.length.asc().nullsLast(), F.title.desc().nullsFirst()),
                "SELECT `film`.`film_id` FROM `film` ORDER BY `film`.`length` IS NULL ASC, `film`.`length` ASC, "
                        + "`film`.`title` IS NULL DESC, `film`.`title` DESC");
    }

    @Test
    void nullPlacementOfAnExpressionRepeatsItsBinds() {
        Field<Integer> maxOrSeven = max(F.length);
        assertSql(Dsl.select(F.languageId).from(F).groupBy(F.languageId).having(maxOrSeven.gt(7)).orderBy(maxOrSeven.asc().nullsLast()),
                "SELECT `film`.`language_id` FROM `film` GROUP BY `film`.`language_id` HAVING MAX(`film`.`length`) > ? "
                        + "ORDER BY MAX(`film`.`length`) IS NULL ASC, MAX(`film`.`length`) ASC", 7);
    }

    @Test
    void orderByAnAliasRefersToTheAliasButTheNullTestRepeatsTheExpression() {
        Field<BigDecimal> total = sum(F.rate).as("total");
        assertSql(Dsl.select(F.languageId, total).from(F).groupBy(F.languageId).orderBy(total.desc()),
                "SELECT `film`.`language_id`, SUM(`film`.`rental_rate`) AS `total` FROM `film` GROUP BY `film`.`language_id` "
                        + "ORDER BY `total` DESC");
        // MariaDB and MySQL refuse `total` IS NULL for an aggregate's alias (error 1247)
        assertSql(Dsl.select(F.languageId, total).from(F).groupBy(F.languageId).orderBy(total.desc().nullsFirst()),
                "SELECT `film`.`language_id`, SUM(`film`.`rental_rate`) AS `total` FROM `film` GROUP BY `film`.`language_id` "
                        + "ORDER BY SUM(`film`.`rental_rate`) IS NULL DESC, `total` DESC");
    }

    // ---- LIMIT and OFFSET ----------------------------------------------------------------------------

    @Test
    void limitAndOffsetAreBindParameters() {
        Rendered r = assertSql(Dsl.select(F.id).from(F).limit(10), "SELECT `film`.`film_id` FROM `film` LIMIT ?", 10L);
        assertThat(r.bindTypes()).containsExactly(DataType.bigint());
        assertSql(Dsl.select(F.id).from(F).limit(0), "SELECT `film`.`film_id` FROM `film` LIMIT ?", 0L);
        assertSql(Dsl.select(F.id).from(F).limit(10).offset(20), "SELECT `film`.`film_id` FROM `film` LIMIT ? OFFSET ?", 10L, 20L);
    }

    @Test
    void offsetAloneGetsTheLargestLimit() {
        assertSql(Dsl.select(F.id).from(F).offset(20),
                "SELECT `film`.`film_id` FROM `film` LIMIT 18446744073709551615 OFFSET ?", 20L);
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

    // ---- aggregates and conditions -----------------------------------------------------------------

    @Test
    void aggregatesAreNotRewritten() {
        assertSql(Dsl.select(count(), count(F.length), countDistinct(F.languageId), sum(F.length), avg(F.rate),
                        min(F.title), max(F.rate)).from(F),
                "SELECT COUNT(*), COUNT(`film`.`length`), COUNT(DISTINCT `film`.`language_id`), SUM(`film`.`length`), "
                        + "AVG(`film`.`rental_rate`), MIN(`film`.`title`), MAX(`film`.`rental_rate`) FROM `film`");
    }

    @Test
    void comparisonsInAndBetween() {
        assertWhere(F.length.eq(1).and(F.length.ne(2)).and(F.title.ge("M")),
                "`film`.`length` = ? AND `film`.`length` <> ? AND `film`.`title` >= ?", 1, 2, "M");
        assertWhere(F.length.in(1, 2, 3), "`film`.`length` IN (?, ?, ?)", 1, 2, 3);
        assertWhere(F.title.notIn(List.of("C")), "`film`.`title` NOT IN (?)", "C");
        assertWhere(F.length.between(60, 120), "`film`.`length` BETWEEN ? AND ?", 60, 120);
        assertWhere(F.length.isNull().or(F.length.eq(F.id)), "`film`.`length` IS NULL OR `film`.`length` = `film`.`film_id`");
    }

    @Test
    void emptyInIsAConstantPredicate() {
        assertWhere(F.length.in(List.of()), "1 = 0");
        assertWhere(F.length.notIn(List.of()), "1 = 1");
    }

    @Test
    void likeEscapesWithAnExclamationMarkNotABackslash() {
        assertWhere(F.title.startsWith("50%"), "`film`.`title` LIKE ? ESCAPE '!'", "50!%%");
        assertWhere(F.title.endsWith("a_b"), "`film`.`title` LIKE ? ESCAPE '!'", "%a!_b");
        assertWhere(F.title.contains("x!y\\z"), "`film`.`title` LIKE ? ESCAPE '!'", "%x!!y\\z%");
        assertWhere(F.title.like("A%_"), "`film`.`title` LIKE ?", "A%_");
    }

    @Test
    void nestingAndNegation() {
        Condition a = F.length.eq(1);
        Condition b = F.length.eq(2);
        Condition c = F.length.eq(3);
        assertWhere(a.or(b).and(c), "(`film`.`length` = ? OR `film`.`length` = ?) AND `film`.`length` = ?", 1, 2, 3);
        assertWhere(a.or(b).not(), "NOT (`film`.`length` = ? OR `film`.`length` = ?)", 1, 2);
    }

    @Test
    void currentTimestampHasMicroseconds() {
        assertSql(Dsl.select(Dsl.currentTimestamp().as("now")), "SELECT CURRENT_TIMESTAMP(6) AS `now`");
    }

    // ---- identifiers and values --------------------------------------------------------------------

    @Test
    void identifiersWithABacktickAreEscapedByDoubling() {
        Weird w = Weird.WEIRD;
        Rendered r = assertSql(Dsl.select(w.col, w.col.as("a`b")).from(w).where(w.col.eq("x`y")),
                "SELECT `we``ird`.`co``l\"`, `we``ird`.`co``l\"` AS `a``b` FROM `we``ird` WHERE `we``ird`.`co``l\"` = ?", "x`y");
        assertThat(r.binds()).containsExactly("x`y");
    }

    @Test
    void valuesNeverReachTheSqlText() {
        Rendered r = Dsl.select(F.id).from(F)
                .where(F.title.eq("'; DROP TABLE film; --").or(F.title.like("%\\' OR '1'='1"))).render(MysqlDialect.MARIADB);
        assertThat(r.sql()).isEqualTo("SELECT `film`.`film_id` FROM `film` WHERE `film`.`title` = ? OR `film`.`title` LIKE ?");
        assertThat(r.binds()).containsExactly("'; DROP TABLE film; --", "%\\' OR '1'='1");
    }
}
