package dev.quarry.mysql;

import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
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
 * Golden SQL and binds of what streaming and batching send on MariaDB ({@link MysqlDialect#MARIADB}) and
 * MySQL 8 ({@link MysqlDialect#MYSQL_8}), rendered without a connection: the one-row statement and per-row
 * binds of a JDBC batch ({@link Insert#renderBatch}), the form {@code execute()} chooses
 * ({@link Insert#executionForm}: a JDBC batch, sent with the bulk protocol, on MariaDB; multi-row VALUES on
 * MySQL, which has no bulk command), the statements {@code executeAndGetKeys} sends (VALUES ... RETURNING
 * on MariaDB; plain VALUES read through JDBC's generated keys on MySQL), and the generated million-row
 * query of the streaming suites.
 */
class MysqlGoldenStreamingBatchTest {
    private static final Book B = Book.BOOK;
    private static final MysqlDialect MARIADB = MysqlDialect.MARIADB;
    private static final MysqlDialect MYSQL_8 = MysqlDialect.MYSQL_8;
    private static final String ONE_ROW = "INSERT INTO `qk_book` (`title`, `price`, `author_id`) VALUES (?, ?, ?)";
    private static final String THREE_ROWS = "INSERT INTO `qk_book` (`title`, `price`, `author_id`) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)";
    private static final Object[] THREE_ROWS_BINDS = {"T1", new BigDecimal("1.50"), 7, "T2", new BigDecimal("2.50"), null, "T3", new BigDecimal("3.50"), 7};

    private static void assertRendered(Rendered r, String expectedSql, Object... expectedBinds) {
        assertThat(r.sql()).isEqualTo(expectedSql);
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
    void aBatchIsTheOneRowInsertWithEachRowsBindsOnBoth() {
        for (MysqlDialect d : List.of(MARIADB, MYSQL_8)) {
            List<Rendered> batch = threeBooks().renderBatch(d);
            assertThat(batch).hasSize(3);
            assertRendered(batch.get(0), ONE_ROW, "T1", new BigDecimal("1.50"), 7);
            assertRendered(batch.get(1), ONE_ROW, "T2", new BigDecimal("2.50"), null);
            assertRendered(batch.get(2), ONE_ROW, "T3", new BigDecimal("3.50"), 7);
        }
    }

    @Test
    void executeSendsABatchOnMariaDbAndMultiRowValuesOnMysql() {
        assertThat(MARIADB.insertBatching(B)).isEqualTo(InsertBatching.JDBC_BATCH);
        assertThat(threeBooks().executionForm(MARIADB)).isEqualTo(InsertBatching.JDBC_BATCH);
        assertThat(withExpression().executionForm(MARIADB)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(threeBooks().onConflict(B.bookId).doNothing().executionForm(MARIADB)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(Dsl.insertInto(B, r -> r.set(B.title, "one")).executionForm(MARIADB)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(MysqlDialect.of("MariaDB", "10.11.19-MariaDB").insertBatching(B)).isEqualTo(InsertBatching.JDBC_BATCH);

        assertThat(MYSQL_8.insertBatching(B)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(MysqlDialect.of("MySQL", "8.0.36").insertBatching(B)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThat(threeBooks().executionForm(MYSQL_8)).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        List<Rendered> chunks = threeBooks().renderChunks(MYSQL_8);
        assertThat(chunks).hasSize(1);
        assertRendered(chunks.get(0), THREE_ROWS, THREE_ROWS_BINDS);
    }

    @Test
    void whatCannotBeBatchedIsRefusedWithTheReason() {
        assertThatThrownBy(() -> withExpression().renderBatch(MARIADB)).isInstanceOf(IllegalStateException.class)
                .hasMessage("INSERT INTO qk_book cannot be sent as a JDBC batch: row 1 sets column qk_book.title to an expression, not a value");
        assertThatThrownBy(() -> threeBooks().onConflict(B.bookId).doNothing().renderBatch(MARIADB)).isInstanceOf(IllegalStateException.class)
                .hasMessage("INSERT INTO qk_book cannot be sent as a JDBC batch: it has an ON CONFLICT / ON DUPLICATE KEY clause");
    }

    @Test
    void keysComeFromReturningOnMariaDbAndFromGeneratedKeysOnMysql() {
        assertThat(MARIADB.supportsInsertReturning()).isTrue();
        List<Rendered> chunks = threeBooks().returning(B.bookId).renderChunks(MARIADB);
        assertThat(chunks).hasSize(1);
        assertRendered(chunks.get(0), THREE_ROWS + " RETURNING `book_id`", THREE_ROWS_BINDS);

        assertThat(MYSQL_8.supportsInsertReturning()).isFalse();
        assertThatThrownBy(() -> threeBooks().returning(B.bookId).renderChunks(MYSQL_8)).isInstanceOf(UnsupportedDialectFeatureException.class);
        assertRendered(threeBooks().renderChunks(MYSQL_8).get(0), THREE_ROWS, THREE_ROWS_BINDS);
    }

    @Test
    void theGeneratedRowsOfTheStreamingSuites() {
        // the same on both; MariaDB stops a recursion after max_recursive_iterations (1,000) rounds, hence the square
        for (MysqlDialect d : List.of(MARIADB, MYSQL_8)) {
            assertRendered(GeneratedRows.square(1_000).render(d),
                    "WITH RECURSIVE `n`(`i`) AS (SELECT ? UNION ALL SELECT (`n`.`i` + ?) FROM `n` WHERE `n`.`i` < ?) "
                            + "SELECT (((`a`.`i` - ?) * ?) + `b`.`i`) AS `id`, CONCAT(?, CAST((((`a`.`i` - ?) * ?) + `b`.`i`) AS CHAR(20))) AS `label` "
                            + "FROM `n` AS `a` CROSS JOIN `n` AS `b`",
                    1, 1, 1_000, 1, 1_000, "row ", 1, 1_000);
        }
    }
}
