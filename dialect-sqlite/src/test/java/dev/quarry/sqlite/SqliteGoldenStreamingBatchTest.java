package dev.quarry.sqlite;

import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.GeneratedRows;
import dev.quarry.testkit.KitTables.Book;
import dev.quarry.testkit.StreamingBatchSuite.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden SQL and binds of what streaming and batching send on SQLite, rendered without a connection: the
 * one-row statement and per-row binds of a JDBC batch ({@link Insert#renderBatch}), the form
 * {@code execute()} chooses ({@link Insert#executionForm}: multi-row VALUES into a table with an
 * AUTOINCREMENT column, a JDBC batch into any other, as the JMH measurements found faster), the multi-row VALUES ... RETURNING that {@code executeAndGetKeys} sends, and
 * the generated million-row query of the streaming suites. In the expected SQL a backtick stands for a
 * double quote.
 */
class SqliteGoldenStreamingBatchTest {
    private static final Book B = Book.BOOK;
    private static final Dialect D = SqliteDialect.INSTANCE;

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql.replace('`', '"'));
        assertThat(r.binds()).isEqualTo(Arrays.asList(expectedBinds));
        assertThat(r.bindTypes()).hasSameSizeAs(r.binds());
    }

    private static Insert threeBooks() {
        return Dsl.insertInto(B, List.of(1, 2, 3), (r, i) -> r.set(B.title, "T" + i)
                .set(B.price, new BigDecimal(i + ".50")).set(B.authorId, i == 2 ? null : 7));
    }

    private static Insert withExpression() {
        return Dsl.insertInto(B, List.of(1, 2), (r, i) -> r.set(B.title, Dsl.value("T").concat(String.valueOf(i))));
    }

    @Test
    void aBatchIsTheOneRowInsertWithEachRowsBinds() {
        List<Rendered> batch = threeBooks().renderBatch(D);
        String sql = "INSERT INTO `qk_book` (`title`, `price`, `author_id`) VALUES (?, ?, ?)";
        assertThat(batch).hasSize(3);
        assertRendered(batch.get(0), sql, "T1", new BigDecimal("1.50"), 7);
        assertRendered(batch.get(1), sql, "T2", new BigDecimal("2.50"), null);
        assertRendered(batch.get(2), sql, "T3", new BigDecimal("3.50"), 7);
    }

    @Test
    void aTableWithoutAutoincrementGetsAJdbcBatch() {
        Tag t = Tag.TAG;
        assertThat(D.insertBatching(t)).isEqualTo(InsertBatching.JDBC_BATCH);
        Insert tags = Dsl.insertInto(t, List.of(1, 2), (r, i) -> r.set(t.tagId, i).set(t.label, "L" + i));
        assertThat(tags.executionForm(D)).isEqualTo(InsertBatching.JDBC_BATCH);
        List<Rendered> batch = tags.renderBatch(D);
        assertRendered(batch.get(0), "INSERT INTO `qk_tag` (`tag_id`, `label`) VALUES (?, ?)", 1, "L1");
        assertRendered(batch.get(1), "INSERT INTO `qk_tag` (`tag_id`, `label`) VALUES (?, ?)", 2, "L2");
        assertThat(Dsl.insertInto(t, r -> r.set(t.tagId, 1).set(t.label, "one")).executionForm(D)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
    }

    @Test
    void executeSendsMultiRowValuesIntoATableWithAutoincrement() {
        assertThat(D.insertBatching(B)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(threeBooks().executionForm(D)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(Dsl.insertInto(B, r -> r.set(B.title, "one")).executionForm(D)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        List<Rendered> chunks = threeBooks().renderChunks(D);
        assertThat(chunks).hasSize(1);
        assertRendered(chunks.get(0), "INSERT INTO `qk_book` (`title`, `price`, `author_id`) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)",
                "T1", new BigDecimal("1.50"), 7, "T2", new BigDecimal("2.50"), null, "T3", new BigDecimal("3.50"), 7);
    }

    @Test
    void whatCannotBeBatchedIsRefusedWithTheReason() {
        assertThatThrownBy(() -> withExpression().renderBatch(D)).isInstanceOf(IllegalStateException.class)
                .hasMessage("INSERT INTO qk_book cannot be sent as a JDBC batch: row 1 sets column qk_book.title to an expression, not a value");
        assertThatThrownBy(() -> threeBooks().onConflict(B.bookId).doNothing().renderBatch(D)).isInstanceOf(IllegalStateException.class)
                .hasMessage("INSERT INTO qk_book cannot be sent as a JDBC batch: it has an ON CONFLICT / ON DUPLICATE KEY clause");
    }

    @Test
    void keysComeFromMultiRowValuesWithReturning() {
        List<Rendered> chunks = threeBooks().returning(B.bookId).renderChunks(D);
        assertThat(chunks).hasSize(1);
        assertRendered(chunks.get(0), "INSERT INTO `qk_book` (`title`, `price`, `author_id`) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?) RETURNING `book_id`",
                "T1", new BigDecimal("1.50"), 7, "T2", new BigDecimal("2.50"), null, "T3", new BigDecimal("3.50"), 7);
    }

    @Test
    void theGeneratedRowsOfTheStreamingSuites() {
        assertRendered(GeneratedRows.square(1_000).render(D),
                "WITH RECURSIVE `n`(`i`) AS (SELECT ? UNION ALL SELECT (`n`.`i` + ?) FROM `n` WHERE `n`.`i` < ?) "
                        + "SELECT (((`a`.`i` - ?) * ?) + `b`.`i`) AS `id`, (? || SUBSTR(CAST((((`a`.`i` - ?) * ?) + `b`.`i`) AS TEXT), 1, 20)) AS `label` "
                        + "FROM `n` AS `a` CROSS JOIN `n` AS `b`",
                1, 1, 1_000, 1, 1_000, "row ", 1, 1_000);
    }
}
