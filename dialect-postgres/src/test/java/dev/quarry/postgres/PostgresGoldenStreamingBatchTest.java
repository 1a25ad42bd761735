package dev.quarry.postgres;

import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.GeneratedRows;
import dev.quarry.testkit.KitTables.Book;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden SQL and binds of what streaming and batching send on PostgreSQL, rendered without a connection: the
 * one-row statement and per-row binds of a JDBC batch ({@link Insert#renderBatch}), the form
 * {@code execute()} chooses ({@link Insert#executionForm}: a JDBC batch, which pgjdbc rewrites into
 * multi-row INSERTs with {@code reWriteBatchedInserts} and which the JMH measurements found faster on
 * PostgreSQL), the multi-row VALUES ... RETURNING that {@code executeAndGetKeys} sends, and
 * the generated million-row query of the streaming suites. In the expected SQL a backtick stands for a
 * double quote.
 */
class PostgresGoldenStreamingBatchTest {
    private static final Book B = Book.BOOK;
    private static final Dialect D = PostgresDialect.INSTANCE;

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
    void executeSendsAJdbcBatchOfPlainValuesOnly() {
        assertThat(D.insertBatching(B)).isEqualTo(InsertBatching.JDBC_BATCH);
        assertThat(threeBooks().executionForm(D)).isEqualTo(InsertBatching.JDBC_BATCH);
        assertThat(withExpression().executionForm(D)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(threeBooks().onConflict(B.bookId).doNothing().executionForm(D)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(Dsl.insertInto(B, r -> r.set(B.title, "one")).executionForm(D)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        // the fallback form
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
                        + "SELECT (((`a`.`i` - ?) * ?) + `b`.`i`) AS `id`, (? || CAST((((`a`.`i` - ?) * ?) + `b`.`i`) AS VARCHAR(20))) AS `label` "
                        + "FROM `n` AS `a` CROSS JOIN `n` AS `b`",
                1, 1, 1_000, 1, 1_000, "row ", 1, 1_000);
    }
}
