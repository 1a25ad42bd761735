package dev.quarry.mysql;

import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.mysql.GoldenTables.Counter;
import dev.quarry.mysql.GoldenTables.Film;
import dev.quarry.mysql.GoldenTables.Language;
import dev.quarry.mysql.GoldenTables.Wide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static dev.quarry.dsl.Dsl.currentTimestamp;
import static dev.quarry.dsl.Dsl.excluded;
import static dev.quarry.dsl.Dsl.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden SQL and binds of INSERT (with upsert and RETURNING), UPDATE and DELETE, rendered from detached
 * statements without any database, for MariaDB 10.6, MySQL 8 and MariaDB 10.4 (before INSERT ...
 * RETURNING).
 */
class MysqlGoldenDmlTest {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final Wide W = Wide.WIDE;
    private static final MysqlDialect MARIADB_10_4 = MysqlDialect.of("MariaDB", "5.5.5-10.4.12-MariaDB-1:10.4.12+maria~bionic");

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql);
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    /** Renders for MariaDB and MySQL 8 and checks both give the same statement. */
    private static Rendered both(Insert insert) {
        Rendered r = insert.render(MysqlDialect.MARIADB);
        assertThat(insert.render(MysqlDialect.MYSQL_8)).isEqualTo(r);
        return r;
    }

    // ---- INSERT ------------------------------------------------------------------------------------

    @Test
    void insertOneRowAndManyRows() {
        assertRendered(both(Dsl.insertInto(F, r -> r.set(F.title, "Alien").set(F.languageId, 1))),
                "INSERT INTO `film` (`title`, `language_id`) VALUES (?, ?)", "Alien", 1);
        assertRendered(both(Dsl.insertInto(L, List.of("English", "French"), (r, name) -> r.set(L.name, name))),
                "INSERT INTO `language` (`name`) VALUES (?), (?)", "English", "French");
    }

    @Test
    void insertWithExpressionsAndNulls() {
        assertRendered(both(Dsl.insertInto(F, r -> r.set(F.title, "C").set(F.languageId, value(7))
                        .set(F.lastUpdate, currentTimestamp()).set(F.length, (Integer) null))),
                "INSERT INTO `film` (`title`, `language_id`, `last_update`, `length`) VALUES (?, ?, CURRENT_TIMESTAMP(6), ?)",
                "C", 7, null);
    }

    @Test
    void aRowThatSetsNoColumnIsEmptyValuesNotDefaultValues() {
        assertRendered(both(Dsl.insertInto(Counter.COUNTER, r -> { })), "INSERT INTO `counter` () VALUES ()");
    }

    @Test
    void detachedStatementsRenderButDoNotRun() {
        Insert insert = Dsl.insertInto(L, r -> r.set(L.name, "x"));
        assertThatThrownBy(insert::execute).isInstanceOf(IllegalStateException.class)
                .hasMessage("this INSERT is not attached to a database");
        assertThatThrownBy(() -> Dsl.update(L).set(L.name, "y").all().execute()).isInstanceOf(IllegalStateException.class)
                .hasMessage("this UPDATE is not attached to a database");
        assertThatThrownBy(() -> Dsl.deleteFrom(L).all().execute()).isInstanceOf(IllegalStateException.class)
                .hasMessage("this DELETE is not attached to a database");
    }

    // ---- chunks under 65,535 bind parameters ---------------------------------------------------------

    @Test
    void manyRowsAreSplitUnderTheBindLimit() {
        assertThat(MysqlDialect.MARIADB.maxBindParameters()).isEqualTo(65_535);
        int rows = 30_000;
        Insert insert = Dsl.insertInto(W, IntStream.range(0, rows).boxed().toList(),
                (r, i) -> r.set(W.c1, i).set(W.c2, i).set(W.c3, i).set(W.c4, i).set(W.c5, i));
        List<Rendered> chunks = insert.renderChunks(MysqlDialect.MARIADB);
        // 65,535 / 5 = 13,107 rows per statement: 13,107 + 13,107 + 3,786
        assertThat(chunks).extracting(c -> c.binds().size()).containsExactly(65_535, 65_535, 18_930);
        List<Object> all = new ArrayList<>();
        chunks.forEach(c -> all.addAll(c.binds()));
        assertThat(all).isEqualTo(insert.render(MysqlDialect.MARIADB).binds());
        assertThat(chunks.get(2).sql()).startsWith("INSERT INTO `wide` (`c1`, `c2`, `c3`, `c4`, `c5`) VALUES (?, ?, ?, ?, ?), ");
    }

    // ---- upsert --------------------------------------------------------------------------------------

    @Test
    void doNothingAssignsTheFirstConflictColumnToItselfRatherThanInsertIgnore() {
        assertRendered(both(Dsl.insertInto(L, r -> r.set(L.name, "English")).onConflict(L.name).doNothing()),
                "INSERT INTO `language` (`name`) VALUES (?) ON DUPLICATE KEY UPDATE `name` = `name`", "English");
        assertRendered(both(Dsl.insertInto(F, r -> r.set(F.id, 1).set(F.title, "A").set(F.languageId, 1))
                        .onConflict(F.id, F.title).doNothing()),
                "INSERT INTO `film` (`film_id`, `title`, `language_id`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `film_id` = `film_id`",
                1, "A", 1);
    }

    @Test
    void doUpdateWithTheProposedValueAsValuesOfTheColumn() {
        BigDecimal rate = new BigDecimal("0.99");
        assertRendered(both(Dsl.insertInto(F, List.of("A", "B"), (r, t) -> r.set(F.id, t.length()).set(F.title, t).set(F.languageId, 1)
                                .set(F.rate, rate))
                        .onConflict(F.id)
                        .doUpdate(set -> set.set(F.title, excluded(F.title)).set(F.rate, new BigDecimal("1.99"))
                                .set(F.lastUpdate, currentTimestamp()).set(F.length, F.languageId))),
                "INSERT INTO `film` (`film_id`, `title`, `language_id`, `rental_rate`) VALUES (?, ?, ?, ?), (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE `title` = VALUES(`title`), `rental_rate` = ?, `last_update` = CURRENT_TIMESTAMP(6), "
                        + "`length` = `film`.`language_id`",
                1, "A", 1, rate, 1, "B", 1, rate, new BigDecimal("1.99"));
    }

    // ---- RETURNING -----------------------------------------------------------------------------------

    @Test
    void insertReturningOnMariaDb() {
        assertRendered(Dsl.insertInto(L, r -> r.set(L.name, "E")).returning(L.id, L.name).render(MysqlDialect.MARIADB),
                "INSERT INTO `language` (`name`) VALUES (?) RETURNING `language_id`, `name`", "E");
        assertRendered(Dsl.insertInto(L, r -> r.set(L.name, "E")).onConflict(L.name).doUpdate(s -> s.set(L.name, excluded(L.name)))
                        .returning(L.id).render(MysqlDialect.MARIADB),
                "INSERT INTO `language` (`name`) VALUES (?) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`) RETURNING `language_id`", "E");
        assertThat(MysqlDialect.MARIADB.supportsInsertReturning()).isTrue();
    }

    @Test
    void insertReturningFailsAtRenderTimeOnMysqlAndOldMariaDb() {
        Insert insert = Dsl.insertInto(L, r -> r.set(L.name, "E")).returning(L.id);
        assertThatThrownBy(() -> insert.render(MysqlDialect.MYSQL_8))
                .isInstanceOfSatisfying(UnsupportedDialectFeatureException.class, e -> {
                    assertThat(e.dialect()).isEqualTo("mysql");
                    assertThat(e.feature()).startsWith("INSERT ... RETURNING");
                })
                .hasMessage("The mysql dialect does not support INSERT ... RETURNING (MySQL has no RETURNING clause)");
        assertThatThrownBy(() -> insert.render(MARIADB_10_4))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The mariadb dialect does not support INSERT ... RETURNING "
                        + "(it needs MariaDB 10.5 or later; this server is MariaDB 10.4.12)");
        assertThat(MysqlDialect.MYSQL_8.supportsInsertReturning()).isFalse();
        assertThat(MARIADB_10_4.supportsInsertReturning()).isFalse();
    }

    @Test
    void deleteReturningOnMariaDbOnly() {
        Rendered r = Dsl.deleteFrom(L).where(L.name.eq("x")).returning(L.id, L.name).render(MysqlDialect.MARIADB);
        assertRendered(r, "DELETE FROM `language` WHERE `language`.`name` = ? RETURNING `language_id`, `name`", "x");
        assertThat(Dsl.deleteFrom(L).where(L.name.eq("x")).returning(L.id, L.name).render(MARIADB_10_4)).isEqualTo(r);
        assertThatThrownBy(() -> Dsl.deleteFrom(L).all().returning(L.id).render(MysqlDialect.MYSQL_8))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The mysql dialect does not support DELETE ... RETURNING (MySQL has no RETURNING clause)");
    }

    @Test
    void updateReturningFailsAtRenderTimeEverywhere() {
        var update = Dsl.update(L).set(L.name, "y").where(L.id.eq(1)).returning(L.id);
        assertThatThrownBy(() -> update.render(MysqlDialect.MARIADB))
                .isInstanceOfSatisfying(UnsupportedDialectFeatureException.class, e -> {
                    assertThat(e.dialect()).isEqualTo("mariadb");
                    assertThat(e.feature()).startsWith("UPDATE ... RETURNING");
                })
                .hasMessage("The mariadb dialect does not support UPDATE ... RETURNING (MariaDB has RETURNING only for INSERT and DELETE)");
        assertThatThrownBy(() -> update.render(MysqlDialect.MYSQL_8))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The mysql dialect does not support UPDATE ... RETURNING (MySQL has no RETURNING clause)");
    }

    // ---- UPDATE and DELETE ---------------------------------------------------------------------------

    @Test
    void updateAndDelete() {
        for (Dialect d : List.of(MysqlDialect.MARIADB, MysqlDialect.MYSQL_8)) {
            assertRendered(Dsl.update(F).set(F.lastUpdate, currentTimestamp()).set(F.length, (Integer) null)
                            .set(F.languageId, F.id).where(F.title.startsWith("A")).render(d),
                    "UPDATE `film` SET `last_update` = CURRENT_TIMESTAMP(6), `length` = ?, `language_id` = `film`.`film_id` "
                            + "WHERE `film`.`title` LIKE ? ESCAPE '!'", null, "A%");
            // a DECIMAL is bound at the column's scale, rounded half away from zero
            assertRendered(Dsl.update(F).set(F.rate, new BigDecimal("0.995")).all().render(d), "UPDATE `film` SET `rental_rate` = ?",
                    new BigDecimal("1.00"));
            assertRendered(Dsl.deleteFrom(F).where(F.id.in(1, 2)).render(d), "DELETE FROM `film` WHERE `film`.`film_id` IN (?, ?)", 1, 2);
            assertRendered(Dsl.deleteFrom(F).all().render(d), "DELETE FROM `film`");
        }
    }
}
