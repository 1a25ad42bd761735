package dev.quarry.postgres;

import dev.quarry.dsl.Cursor;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Record2;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.KitTables.Book;
import dev.quarry.testkit.StreamingBatchSuite;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared streaming and batching suite on a real PostgreSQL server: cursors read through a portal in a
 * read-only transaction of their own, many rows go as a JDBC batch that pgjdbc rewrites
 * ({@code reWriteBatchedInserts}); plus what only PostgreSQL shows: the cursor's transaction is read-only,
 * and an error the server raises in the middle of a result releases the connection.
 */
class PostgresStreamingBatchTest extends StreamingBatchSuite {
    private static final Book B = Book.BOOK;

    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_streambatch");
    }

    @Override
    protected InsertBatching expectedBatching() {
        return InsertBatching.JDBC_BATCH;
    }

    @Test
    void aCursorOnTheDatabaseRunsInAReadOnlyTransactionOfItsOwn() {
        var readOnly = Dsl.sql(DataType.text(), "current_setting('transaction_read_only')");
        try (Cursor<Record1<String>> cursor = db.select(readOnly).fetchLazy()) {
            assertThat(cursor.fetchNext(1)).extracting(Record1::value1).containsExactly("on");
        }
        assertThat(db.select(readOnly).fetchValue(readOnly)).isEqualTo("off");
        String inTransaction = db.transaction(tx -> {
            try (Cursor<Record1<String>> cursor = tx.select(readOnly).fetchLazy()) {
                return cursor.fetchNext(1).get(0).value1();
            }
        });
        assertThat(inTransaction).as("a cursor in a transaction uses it as it is").isEqualTo("off");
        assertThat(activeConnections()).isZero();
    }

    @Test
    void anErrorRaisedInTheMiddleOfTheResultReleasesTheConnection() {
        List<Integer> items = IntStream.rangeClosed(1, 600).boxed().toList();
        db.insertInto(B, items, (r, i) -> r.set(B.title, "t" + i)).execute();
        int first = db.select(Dsl.min(B.bookId)).from(B).fetchValue(Dsl.min(B.bookId));
        // no ORDER BY: the projection, and its division by zero at the 300th row, runs as rows are fetched
        var inverse = Dsl.sql(DataType.integer(), "1 / ({0} - " + (first + 299) + ")", B.bookId);
        Cursor<Record2<Integer, Integer>> cursor = db.select(B.bookId, inverse).from(B).fetchLazy(50);
        int[] read = {0};
        assertThatThrownBy(() -> cursor.forEach(r -> read[0]++)).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("22012"));
        assertThat(read[0]).as("rows read before the error").isBetween(1, 299);
        assertThat(cursor.isClosed()).isTrue();
        assertThat(activeConnections()).isZero();
    }
}
