package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Rendered;
import dev.quarry.postgres.PgTables.Doc;
import dev.quarry.testkit.KitTables.Author;
import dev.quarry.testkit.KitTables.Book;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;
import java.util.List;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden PostgreSQL SQL and binds. SELECTs are rendered detached; INSERT, UPDATE and DELETE are made by
 * a session, so the class connects to the test server (rendering itself uses no connection). In the
 * expected SQL a backtick stands for a double quote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresGoldenSqlTest {
    private static final Author A = Author.AUTHOR;
    private static final Book B = Book.BOOK;
    private static final Doc D = Doc.DOC;
    private static final PostgresDialect PG = PostgresDialect.INSTANCE;

    private Database db;

    @BeforeAll
    void open() {
        db = PgServer.open("quarry_pg_golden");
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql.replace('`', '"'));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    @Test
    void selectWithJoinGroupingNullOrderingAndPaging() {
        var total = sum(B.price).as("total");
        assertRendered(Dsl.select(A.name, total).from(A).leftJoin(B).on(B.authorId.eq(A.authorId))
                        .where(A.name.startsWith("50%_!\\").and(A.born.isNotNull()))
                        .groupBy(A.name).having(count().gt(1L))
                        .orderBy(total.desc().nullsLast(), A.name.asc())
                        .limit(10).offset(20).render(PG),
                "SELECT `qk_author`.`name`, SUM(`qk_book`.`price`) AS `total` FROM `qk_author` "
                        + "LEFT JOIN `qk_book` ON `qk_book`.`author_id` = `qk_author`.`author_id` "
                        + "WHERE `qk_author`.`name` LIKE ? AND `qk_author`.`born` IS NOT NULL "
                        + "GROUP BY `qk_author`.`name` HAVING COUNT(*) > ? "
                        + "ORDER BY `total` DESC NULLS LAST, `qk_author`.`name` ASC LIMIT ? OFFSET ?",
                "50\\%\\_!\\\\%", 1L, 10L, 20L);
        assertRendered(Dsl.select(Dsl.currentTimestamp()).render(PG), "SELECT LOCALTIMESTAMP");
        assertRendered(Dsl.select(A.name).from(A).where(A.name.in(List.of())).offset(5).render(PG),
                "SELECT `qk_author`.`name` FROM `qk_author` WHERE 1 = 0 OFFSET ?", 5L);
    }

    @Test
    void inListsLongerThan1024ValuesAreOneArrayParameter() {
        List<Integer> padded = java.util.stream.IntStream.rangeClosed(1, 1024).boxed().toList();
        Rendered r = Dsl.select(B.title).from(B).where(B.bookId.in(padded)).render(PG);
        assertThat(r.sql()).startsWith("SELECT \"qk_book\".\"title\" FROM \"qk_book\" WHERE \"qk_book\".\"book_id\" IN (?, ?, ")
                .endsWith(", ?)");
        assertThat(r.binds()).hasSize(1024);

        List<Integer> many = java.util.stream.IntStream.rangeClosed(1, 1025).boxed().toList();
        assertRendered(Dsl.select(B.title).from(B).where(B.bookId.in(many)).render(PG),
                "SELECT `qk_book`.`title` FROM `qk_book` WHERE `qk_book`.`book_id` = ANY(?)", many);
        assertRendered(Dsl.select(B.title).from(B).where(B.bookId.notIn(many).and(B.title.in(List.of("a", "b", "c")))).render(PG),
                "SELECT `qk_book`.`title` FROM `qk_book` WHERE `qk_book`.`book_id` <> ALL(?) AND `qk_book`.`title` IN (?, ?, ?)",
                many, "a", "b", "c");
        assertThat(Dsl.select(B.title).from(B).where(B.bookId.in(many)).render(PG).bindTypes())
                .containsExactly(dev.quarry.dsl.DataType.array(dev.quarry.dsl.DataType.integer()));
        // a condition as the operand is parenthesized, as in the IN form
        List<Boolean> flags = java.util.Collections.nCopies(2000, true);
        assertRendered(Dsl.select(B.title).from(B).where(B.title.eq("t").in(flags)).render(PG),
                "SELECT `qk_book`.`title` FROM `qk_book` WHERE (`qk_book`.`title` = ?) = ANY(?)", "t", flags);
        // the compiled-SQL cache keeps one shape for every length
        dev.quarry.dsl.RenderCache cache = new dev.quarry.dsl.RenderCache(10);
        List<Integer> more = java.util.stream.IntStream.rangeClosed(1, 5000).boxed().toList();
        assertRendered(cache.render(Dsl.select(B.title).from(B).where(B.bookId.in(many)), PG),
                "SELECT `qk_book`.`title` FROM `qk_book` WHERE `qk_book`.`book_id` = ANY(?)", many);
        assertRendered(cache.render(Dsl.select(B.title).from(B).where(B.bookId.in(more)), PG),
                "SELECT `qk_book`.`title` FROM `qk_book` WHERE `qk_book`.`book_id` = ANY(?)", more);
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void insertReadsGeneratedKeysWithReturning() {
        var insert = db.insertInto(A, List.of("x", "y"), (r, n) -> r.set(A.name, n));
        assertRendered(insert.render(PG), "INSERT INTO `qk_author` (`name`) VALUES (?), (?)", "x", "y");
        assertRendered(insert.returning(A.authorId).render(PG),
                "INSERT INTO `qk_author` (`name`) VALUES (?), (?) RETURNING `author_id`", "x", "y");
    }

    @Test
    void upserts() {
        assertRendered(db.insertInto(A, r -> r.set(A.name, "n").set(A.born, 1)).onConflict(A.name).doNothing().render(PG),
                "INSERT INTO `qk_author` (`name`, `born`) VALUES (?, ?) ON CONFLICT (`name`) DO NOTHING", "n", 1);
        assertRendered(db.insertInto(A, r -> r.set(A.name, "n").set(A.born, 1)).onConflict(A.name)
                        .doUpdate(set -> set.set(A.born, Dsl.excluded(A.born))).returning(A.authorId).render(PG),
                "INSERT INTO `qk_author` (`name`, `born`) VALUES (?, ?) ON CONFLICT (`name`) "
                        + "DO UPDATE SET `born` = EXCLUDED.`born` RETURNING `author_id`", "n", 1);
    }

    @Test
    void updateAndDeleteWithReturningAndNativeValues() {
        List<Integer> ints = Arrays.asList(1, null);
        assertRendered(db.update(D).set(D.ints, ints).set(D.jb, "{}").where(D.id.eq(3)).returning(D.id).render(PG),
                "UPDATE `qp_doc` SET `ints` = ?, `jb` = ? WHERE `qp_doc`.`id` = ? RETURNING `id`", ints, "{}", 3);
        assertRendered(db.deleteFrom(B).where(B.title.eq("t")).returning(B.bookId, B.title).render(PG),
                "DELETE FROM `qk_book` WHERE `qk_book`.`title` = ? RETURNING `book_id`, `title`", "t");
    }
}
