package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Rendered;
import dev.quarry.schema.Ddl;
import dev.quarry.sqlite.GoldenTables.Counter;
import dev.quarry.sqlite.GoldenTables.Event;
import dev.quarry.sqlite.GoldenTables.Film;
import dev.quarry.sqlite.GoldenTables.Language;
import dev.quarry.sqlite.GoldenTables.Wide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.currentTimestamp;
import static dev.quarry.dsl.Dsl.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SQL and binds of INSERT, UPDATE and DELETE. These statements are made by a Session, so the
 * class opens one in-memory SQLite database; rendering itself uses no connection. In the expected SQL
 * a backtick stands for a double quote.
 */
class SqliteGoldenDmlTest {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final Wide W = Wide.WIDE;
    private static final Event E = Event.EVENT;
    private static final int MAX_BINDS = 32_766;

    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.connect("jdbc:sqlite::memory:");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql.replace('`', '"'));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    // ---- upsert and RETURNING ----------------------------------------------------------------------

    @Test
    void upsertDoNothing() {
        assertRendered(db.insertInto(L, r -> r.set(L.name, "English")).onConflict(L.name).doNothing().render(db.dialect()),
                "INSERT INTO `language` (`name`) VALUES (?) ON CONFLICT (`name`) DO NOTHING", "English");
    }

    @Test
    void upsertDoUpdateWithTheProposedAndTheExistingValues() {
        assertRendered(db.insertInto(F, r -> r.set(F.title, "Alien").set(F.languageId, 1).set(F.length, 117))
                        .onConflict(F.title).doUpdate(set -> set.set(F.length, dev.quarry.dsl.Dsl.excluded(F.length))
                                .set(F.languageId, F.languageId).set(F.rate, new BigDecimal("1.99")))
                        .render(db.dialect()),
                "INSERT INTO `film` (`title`, `language_id`, `length`) VALUES (?, ?, ?) ON CONFLICT (`title`) DO UPDATE SET "
                        + "`length` = EXCLUDED.`length`, `language_id` = `film`.`language_id`, `rental_rate` = ?",
                "Alien", 1, 117, new BigDecimal("1.99"));
    }

    @Test
    void returningOnInsertUpdateAndDelete() {
        assertRendered(db.insertInto(L, r -> r.set(L.name, "English")).returning(L.id, L.name).render(db.dialect()),
                "INSERT INTO `language` (`name`) VALUES (?) RETURNING `language_id`, `name`", "English");
        assertRendered(db.update(F).set(F.length, 90).where(F.id.eq(3)).returning(F.id, F.length).render(db.dialect()),
                "UPDATE `film` SET `length` = ? WHERE `film`.`film_id` = ? RETURNING `film_id`, `length`", 90, 3);
        assertRendered(db.deleteFrom(F).where(F.id.eq(3)).returning(F.title).render(db.dialect()),
                "DELETE FROM `film` WHERE `film`.`film_id` = ? RETURNING `title`", 3);
    }

    // ---- INSERT ------------------------------------------------------------------------------------

    @Test
    void insertOneRow() {
        Insert insert = db.insertInto(F, r -> r.set(F.title, "Alien").set(F.languageId, 1));
        assertThat(insert.rowCount()).isEqualTo(1);
        assertRendered(insert.render(db.dialect()), "INSERT INTO `film` (`title`, `language_id`) VALUES (?, ?)", "Alien", 1);
        assertThat(insert.renderChunks(db.dialect())).containsExactly(insert.render(db.dialect()));
    }

    @Test
    void insertColumnsInTheOrderTheyAreSet() {
        BigDecimal rate = new BigDecimal("0.99");
        assertRendered(db.insertInto(F, r -> r.set(F.languageId, 2).set(F.rate, rate).set(F.title, "B").set(F.length, (Integer) null))
                        .render(db.dialect()),
                "INSERT INTO `film` (`language_id`, `rental_rate`, `title`, `length`) VALUES (?, ?, ?, ?)", 2, rate, "B", null);
    }

    @Test
    void insertManyRowsAsOneMultiRowValuesList() {
        Insert insert = db.insertInto(L, List.of("English", "French", "German"), (r, name) -> r.set(L.name, name));
        assertThat(insert.rowCount()).isEqualTo(3);
        assertRendered(insert.render(db.dialect()), "INSERT INTO `language` (`name`) VALUES (?), (?), (?)",
                "English", "French", "German");
    }

    @Test
    void insertManyRowsWithSeveralColumns() {
        record NewFilm(String title, Integer length) {}
        List<NewFilm> films = List.of(new NewFilm("A", 90), new NewFilm("B", null));
        assertRendered(db.insertInto(F, films, (r, f) -> r.set(F.title, f.title()).set(F.length, f.length()).set(F.languageId, 1))
                        .render(db.dialect()),
                "INSERT INTO `film` (`title`, `length`, `language_id`) VALUES (?, ?, ?), (?, ?, ?)", "A", 90, 1, "B", null, 1);
    }

    @Test
    void insertWithAnExpressionValue() {
        assertRendered(db.insertInto(F, r -> r.set(F.title, "C").set(F.languageId, 1).set(F.lastUpdate, currentTimestamp()))
                        .render(db.dialect()),
                "INSERT INTO `film` (`title`, `language_id`, `last_update`) VALUES (?, ?, CURRENT_TIMESTAMP)", "C", 1);
        assertRendered(db.insertInto(F, r -> r.set(F.title, "D").set(F.languageId, value(7)))
                        .render(db.dialect()),
                "INSERT INTO `film` (`title`, `language_id`) VALUES (?, ?)", "D", 7);
    }

    @Test
    void insertOfARowThatSetsNoColumnUsesDefaultValues() {
        assertRendered(db.insertInto(Counter.COUNTER, r -> { }).render(db.dialect()), "INSERT INTO `counter` DEFAULT VALUES");
    }

    // ---- INSERT chunked under SQLite's bind limit ----------------------------------------------------

    private static List<Integer> ints(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void manyRowsAreSplitIntoChunksUnderTheBindLimit() {
        int rows = 20_000;
        Insert insert = db.insertInto(W, ints(rows), (r, i) -> r.set(W.c1, i).set(W.c2, i + 1).set(W.c3, i + 2)
                .set(W.c4, i + 3).set(W.c5, i + 4));
        assertThat(db.dialect().maxBindParameters()).isEqualTo(MAX_BINDS);
        List<Rendered> chunks = insert.renderChunks(db.dialect());
        // 32,766 / 5 = 6,553 rows per chunk: 6,553 + 6,553 + 6,553 + 341
        assertThat(chunks).hasSize(4);
        assertThat(chunks).extracting(c -> c.binds().size()).containsExactly(32_765, 32_765, 32_765, 1_705);
        assertThat(chunks).allSatisfy(c -> assertThat(c.binds()).hasSizeLessThanOrEqualTo(MAX_BINDS));
        String row = "(?, ?, ?, ?, ?)";
        assertThat(chunks.get(3).sql()).isEqualTo("INSERT INTO \"wide\" (\"c1\", \"c2\", \"c3\", \"c4\", \"c5\") VALUES "
                + String.join(", ", java.util.Collections.nCopies(341, row)));
        List<Object> all = new ArrayList<>();
        chunks.forEach(c -> all.addAll(c.binds()));
        assertThat(all).isEqualTo(insert.render(db.dialect()).binds());
        assertThat(all).hasSize(rows * 5).startsWith(0, 1, 2, 3, 4, 1, 2).endsWith(19_999, 20_000, 20_001, 20_002, 20_003);
    }

    @Test
    void exactlyAtTheLimitIsOneChunk() {
        int rows = MAX_BINDS / 2;
        Insert insert = db.insertInto(E, ints(rows), (r, i) -> r.set(E.n, i).set(E.at, LocalDateTime.of(2020, 1, 1, 0, 0)));
        assertThat(insert.renderChunks(db.dialect())).singleElement()
                .satisfies(c -> assertThat(c.binds()).hasSize(MAX_BINDS));
        Insert oneMore = db.insertInto(E, ints(rows + 1), (r, i) -> r.set(E.n, i).set(E.at, LocalDateTime.of(2020, 1, 1, 0, 0)));
        assertThat(oneMore.renderChunks(db.dialect())).extracting(c -> c.binds().size()).containsExactly(MAX_BINDS, 2);
    }

    @Test
    void rowsWithDifferentBindCountsStillStayUnderTheLimit() {
        // the first row binds one value (its timestamp is CURRENT_TIMESTAMP), every later row two
        int rows = 20_000;
        Insert insert = db.insertInto(E, ints(rows), (r, i) -> {
            r.set(E.n, i);
            if (i == 0) r.set(E.at, currentTimestamp());
            else r.set(E.at, LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(i));
        });
        List<Rendered> chunks = insert.renderChunks(db.dialect());
        assertThat(chunks).allSatisfy(c -> assertThat(c.binds()).hasSizeLessThanOrEqualTo(MAX_BINDS));
        assertThat(chunks).extracting(c -> c.binds().size()).containsExactly(MAX_BINDS - 1, 2 * rows - 1 - (MAX_BINDS - 1));
        assertThat(chunks.get(0).sql()).startsWith("INSERT INTO \"event\" (\"n\", \"at\") VALUES (?, CURRENT_TIMESTAMP), (?, ?), ");
    }

    @Test
    void chunkedInsertRunsOnSqlite() {
        Ddl.create(db, W);
        try {
            int rows = 20_000;
            int inserted = db.insertInto(W, ints(rows), (r, i) -> r.set(W.c1, i).set(W.c2, i).set(W.c3, i).set(W.c4, i).set(W.c5, i))
                    .execute();
            assertThat(inserted).isEqualTo(rows);
            assertThat(db.select(count()).from(W).fetchValue(count())).isEqualTo((long) rows);
            assertThat(db.select(W.c5).from(W).where(W.c1.eq(rows - 1)).fetchValue(W.c5)).isEqualTo(rows - 1);
        } finally {
            Ddl.drop(db, W);
        }
    }

    /**
     * End to end only: xerial's sqlite-jdbc is built with a higher SQLITE_MAX_VARIABLE_NUMBER than the
     * 32,766 the dialect declares, so an oversized chunk would not fail here; the test above is the one
     * that guards the limit.
     */
    @Test
    void rowsWithDifferentBindCountsRunOnSqlite() {
        Ddl.create(db, E);
        try {
            int rows = 20_000;
            int inserted = db.insertInto(E, ints(rows), (r, i) -> {
                r.set(E.n, i);
                if (i == 0) r.set(E.at, currentTimestamp());
                else r.set(E.at, LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(i));
            }).execute();
            assertThat(inserted).isEqualTo(rows);
            assertThat(db.select(E.at).from(E).where(E.n.eq(rows - 1)).fetchValue(E.at))
                    .isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(rows - 1));
        } finally {
            Ddl.drop(db, E);
        }
    }

    // ---- UPDATE ------------------------------------------------------------------------------------

    @Test
    void updateSetWhere() {
        assertRendered(db.update(F).set(F.title, "Alien").set(F.length, 117).where(F.id.eq(1)).render(db.dialect()),
                "UPDATE `film` SET `title` = ?, `length` = ? WHERE `film`.`film_id` = ?", "Alien", 117, 1);
    }

    @Test
    void updateWithExpressionsNullsAndACombinedWhere() {
        assertRendered(db.update(F).set(F.lastUpdate, currentTimestamp()).set(F.length, (Integer) null)
                        .set(F.languageId, F.id).where(F.title.startsWith("A")).where(F.length.isNotNull()).render(db.dialect()),
                "UPDATE `film` SET `last_update` = CURRENT_TIMESTAMP, `length` = ?, `language_id` = `film`.`film_id` "
                        + "WHERE SUBSTR(`film`.`title`, 1, LENGTH(?)) = ? AND `film`.`length` IS NOT NULL", null, "A", "A");
    }

    @Test
    void updateAll() {
        BigDecimal rate = new BigDecimal("0.99");
        assertRendered(db.update(F).set(F.rate, rate).all().render(db.dialect()), "UPDATE `film` SET `rental_rate` = ?", rate);
    }

    // ---- DELETE ------------------------------------------------------------------------------------

    @Test
    void deleteWhere() {
        assertRendered(db.deleteFrom(F).where(F.length.lt(60).or(F.length.isNull())).render(db.dialect()),
                "DELETE FROM `film` WHERE `film`.`length` < ? OR `film`.`length` IS NULL", 60);
        assertRendered(db.deleteFrom(F).where(F.id.in(1, 2)).where(F.title.ne("keep")).render(db.dialect()),
                "DELETE FROM `film` WHERE `film`.`film_id` IN (?, ?) AND `film`.`title` <> ?", 1, 2, "keep");
    }

    @Test
    void deleteAll() {
        assertRendered(db.deleteFrom(F).all().render(db.dialect()), "DELETE FROM `film`");
    }
}
