package dev.quarry.testkit;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.Cursor;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Record2;
import dev.quarry.dsl.Record3;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.testkit.KitTables.AllTypes;
import dev.quarry.testkit.KitTables.Author;
import dev.quarry.testkit.KitTables.Book;
import dev.quarry.testkit.KitTables.Rating;
import org.jooq.lambda.Seq;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Streaming (lazy cursors) and batching (inserts of many rows, generated keys), run by every dialect
 * module on its real database. Every cursor test checks that the pool's active connection count is back
 * to zero afterwards: after an early close, after reading to the end without closing, and after an
 * exception while reading, in the loop body, in a mapping function or in a stream pipeline. The
 * batching tests check rows and keys read back in row order, also across several statements, and that
 * a many-row insert on a {@code Database} is all-or-nothing.
 *
 * <p>The million-row, constant-memory check runs apart from this suite, in a JVM of its own with a
 * 64 MB heap ({@link StreamingMemorySuite}).
 */
public abstract class StreamingBatchSuite extends KitSuite {
    private static final Book B = Book.BOOK;
    private static final Author A = Author.AUTHOR;
    private static final AllTypes T = AllTypes.ALL_TYPES;

    /**
     * @return the form in which {@code Insert.execute()} is expected to send many rows on this database into
     *         the suite's tables with an identity / auto-increment key
     */
    protected abstract InsertBatching expectedBatching();

    /**
     * @return the form for a table whose key the rows give ({@link Tag}); the same as {@link #expectedBatching()}
     *         unless the dialect chooses by table (SQLite: a batch where there is no AUTOINCREMENT column)
     */
    protected InsertBatching expectedBatchingWithExplicitKeys() {
        return expectedBatching();
    }

    /** A table whose key is given by the rows (no identity, no AUTOINCREMENT), created by this suite for each test. */
    public static final class Tag extends Table {
        /** The singleton. */
        public static final Tag TAG = new Tag();
        /** The key, given by each row. */
        public final Column<Integer> tagId = integer("tag_id").primaryKey();
        /** A label. */
        public final Column<String> label = varchar("label", 40);
        /** A nullable weight. */
        public final Column<BigDecimal> weight = decimal("weight", 8, 2).nullable();

        private Tag() { super("qk_tag"); }
    }

    private static final Tag TAG = Tag.TAG;

    @BeforeEach
    final void createTag() {
        Ddl.drop(db, TAG);
        Ddl.create(db, TAG);
    }

    @AfterEach
    final void dropTag() {
        Ddl.drop(db, TAG);
    }

    /** @return the connections of the database under test that are handed out now, as its HikariCP pool counts them */
    protected final int activeConnections() {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    private long rowsIn(Table table) {
        return db.select(count()).from(table).fetchValue(count());
    }

    /** Inserts books "B00001" .. with prices 0.01 .. and no author, and returns their titles in order. */
    private List<String> books(int n) {
        List<Integer> items = IntStream.rangeClosed(1, n).boxed().toList();
        db.insertInto(B, items, (r, i) -> r.set(B.title, title(i)).set(B.price, price(i))).execute();
        return items.stream().map(StreamingBatchSuite::title).toList();
    }

    private static String title(int i) {
        return String.format("B%05d", i);
    }

    private static BigDecimal price(int i) {
        return BigDecimal.valueOf(i % 10_000, 2);
    }

    private Select<Record2<Integer, String>> booksInOrder() {
        return db.select(B.bookId, B.title).from(B).orderBy(B.bookId.asc());
    }

    // ---- streaming ---------------------------------------------------------------------------------

    @Test
    void cursorReadsEveryRowInOrderAndReleasesAtTheEnd() {
        List<String> titles = books(500);
        assertThat(activeConnections()).isZero();
        Cursor<Record2<Integer, String>> cursor = booksInOrder().fetchLazy(7);
        assertThat(activeConnections()).as("the open cursor holds a connection").isEqualTo(1);
        List<String> read = new ArrayList<>();
        int previousId = 0;
        for (Record2<Integer, String> row : cursor) {
            assertThat(row.value1()).isGreaterThan(previousId);
            previousId = row.value1();
            read.add(row.value2());
        }
        assertThat(read).isEqualTo(titles);
        assertThat(cursor.isClosed()).as("reading the last row closes the cursor").isTrue();
        assertThat(activeConnections()).isZero();
        cursor.close();
        assertThat(activeConnections()).isZero();
    }

    @Test
    void earlyCloseReleasesTheConnection() {
        books(300);
        try (Cursor<Record2<Integer, String>> cursor = booksInOrder().fetchLazy(10)) {
            assertThat(cursor.fetchNext(3)).extracting(Record2::value2).containsExactly("B00001", "B00002", "B00003");
            assertThat(activeConnections()).isEqualTo(1);
        }
        assertThat(activeConnections()).isZero();
        // the connection went back usable: auto-commit on, writable
        db.insertInto(B, r -> r.set(B.title, "after")).execute();
        assertThat(rowsIn(B)).isEqualTo(301);
    }

    @Test
    void earlyCloseOfALargeGeneratedResult() {
        try (Cursor<Record2<Integer, String>> cursor = GeneratedRows.square(db, 200).fetchLazy(50)) {
            List<Record2<Integer, String>> first = cursor.fetchNext(10);
            assertThat(first).hasSize(10);
            for (Record2<Integer, String> row : first) assertThat(row.value2()).isEqualTo("row " + row.value1());
        }
        assertThat(activeConnections()).isZero();
    }

    @Test
    void generatedRowsAreTypedAndComplete() {
        long sum = 0;
        int rows = 0;
        try (Cursor<Record2<Integer, String>> cursor = GeneratedRows.square(db, 100).fetchLazy()) {
            for (Record2<Integer, String> row : cursor) {
                Integer id = row.value1();
                String label = row.value2();
                assertThat(label).isEqualTo("row " + id);
                sum += id;
                rows++;
            }
        }
        assertThat(rows).isEqualTo(10_000);
        assertThat(sum).isEqualTo(10_000L * 10_001 / 2);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void exceptionInTheLoopBodyReleasesThroughTryWithResources() {
        books(50);
        assertThatThrownBy(() -> {
            try (Cursor<Record2<Integer, String>> cursor = booksInOrder().fetchLazy(5)) {
                for (Record2<Integer, String> row : cursor) {
                    if (row.value2().equals("B00012")) throw new IllegalStateException("stop at " + row.value2());
                }
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("stop at B00012");
        assertThat(activeConnections()).isZero();
    }

    @Test
    void exceptionInAMappingFunctionClosesTheCursor() {
        books(50);
        Cursor<String> titles = booksInOrder().fetchLazy(5).map(r -> {
            if (r.value2().equals("B00020")) throw new IllegalArgumentException("bad row " + r.value2());
            return r.value2();
        });
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (String t : titles) seen.add(t);
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("bad row B00020");
        assertThat(seen).hasSize(19);
        assertThat(titles.isClosed()).isTrue();
        assertThat(activeConnections()).isZero();
    }

    @Test
    void exceptionInAStreamPipelineOrForEachClosesTheCursor() {
        books(50);
        Stream<Record2<Integer, String>> stream = booksInOrder().fetchLazy(5).stream();
        assertThatThrownBy(() -> stream.map(r -> {
            if (r.value2().equals("B00033")) throw new ArithmeticException("in the pipeline");
            return r.value2();
        }).toList()).isInstanceOf(ArithmeticException.class);
        assertThat(activeConnections()).isZero();

        Cursor<Record2<Integer, String>> cursor = booksInOrder().fetchLazy(5);
        assertThatThrownBy(() -> cursor.forEach(r -> {
            if (r.value1() > 3) throw new UnsupportedOperationException("in forEach");
        })).isInstanceOf(UnsupportedOperationException.class);
        assertThat(cursor.isClosed()).isTrue();
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aQueryThatFailsToStartHoldsNothing() {
        // the database refuses at once: a column that does not exist
        Select<Record2<String, Integer>> bad = db.select(B.title, Dsl.sql(dev.quarry.dsl.DataType.integer(), "no_such_column")).from(B);
        assertThatThrownBy(bad::fetchLazy).isInstanceOf(DataAccessException.class);
        assertThat(activeConnections()).isZero();
        assertThatThrownBy(() -> booksInOrder().fetchLazy(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThat(activeConnections()).isZero();
    }

    @Test
    void streamAndSeqCloseTheCursorWhenClosed() {
        List<String> titles = books(40);
        try (Stream<String> s = booksInOrder().fetchLazy(4).stream().map(Record2::value2)) {
            assertThat(s.limit(5).toList()).isEqualTo(titles.subList(0, 5));
        }
        assertThat(activeConnections()).isZero();

        try (Seq<Record2<Integer, String>> seq = booksInOrder().fetchLazy(4).seq()) {
            assertThat(seq.skip(10).limit(3).map(Record2::value2).toList()).isEqualTo(titles.subList(10, 13));
        }
        assertThat(activeConnections()).isZero();

        // read to the end without closing: released all the same
        assertThat(booksInOrder().fetchLazy(4).seq().map(Record2::value2).toList()).isEqualTo(titles);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void mappedCursorsAreTypedAndShareOneResult() {
        List<String> titles = books(30);
        record BookView(int id, String title) {}
        try (Cursor<Record2<Integer, String>> rows = booksInOrder().fetchLazy(8)) {
            Cursor<BookView> views = rows.map(r -> r.into(BookView::new));
            List<BookView> all = views.seq().toList();
            assertThat(all).extracting(BookView::title).isEqualTo(titles);
            assertThatThrownBy(rows::iterator).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another cursor");
        }
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aCursorIsIteratedOnce() {
        books(5);
        try (Cursor<Record2<Integer, String>> cursor = booksInOrder().fetchLazy()) {
            Iterator<Record2<Integer, String>> it = cursor.iterator();
            assertThat(it.next().value2()).isEqualTo("B00001");
            assertThatThrownBy(cursor::stream).isInstanceOf(IllegalStateException.class).hasMessageContaining("already iterated");
            assertThat(cursor.fetchNext(2)).extracting(Record2::value2).containsExactly("B00002", "B00003");
            assertThat(it.next().value2()).isEqualTo("B00004");
        }
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aClosedCursorHasNoMoreRows() {
        books(5);
        Cursor<Record2<Integer, String>> cursor = booksInOrder().fetchLazy();
        Iterator<Record2<Integer, String>> it = cursor.iterator();
        assertThat(it.hasNext()).isTrue();
        cursor.close();
        assertThat(it.hasNext()).isFalse();
        assertThat(cursor.fetchNext(3)).isEmpty();
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aCursorInATransactionUsesItsConnectionAndSeesItsWrites() {
        books(20);
        AtomicReference<Cursor<Record2<Integer, String>>> leftOpen = new AtomicReference<>();
        List<String> seen = db.transaction(tx -> {
            tx.insertInto(B, r -> r.set(B.title, "uncommitted")).execute();
            List<String> out = new ArrayList<>();
            try (Cursor<Record2<Integer, String>> cursor = tx.select(B.bookId, B.title).from(B).orderBy(B.bookId.asc()).fetchLazy(3)) {
                for (Record2<Integer, String> row : cursor) {
                    out.add(row.value2());
                    assertThat(activeConnections()).as("only the transaction's connection").isEqualTo(1);
                }
            }
            // one left open when the block ends
            Cursor<Record2<Integer, String>> open = tx.select(B.bookId, B.title).from(B).orderBy(B.bookId.asc()).fetchLazy(1);
            open.fetchNext(1);
            leftOpen.set(open);
            return out;
        });
        assertThat(seen).hasSize(21).endsWith("uncommitted");
        assertThat(activeConnections()).isZero();
        Cursor<Record2<Integer, String>> stale = leftOpen.get();
        // the transaction's end closed the cursor: reading on fails the same way on every database
        assertThat(stale.isClosed()).isTrue();
        assertThatThrownBy(() -> stale.fetchNext(100)).isInstanceOfSatisfying(DataAccessException.class,
                e -> assertThat(e.sqlState()).isEqualTo("24000"));
        stale.close();
        assertThat(activeConnections()).isZero();
        assertThat(rowsIn(B)).isEqualTo(21);
    }

    @Test
    void detachedSelectRunsLazilyInASession() {
        List<String> titles = books(12);
        Select<Record1<String>> detached = Dsl.select(B.title).from(B).orderBy(B.bookId.asc());
        try (Cursor<String> cursor = db.fetchLazy(detached, 5).map(Record1::value1)) {
            assertThat(cursor.seq().toList()).isEqualTo(titles);
        }
        assertThat(activeConnections()).isZero();
    }

    // ---- batching ----------------------------------------------------------------------------------

    @Test
    void manyRowsAreInsertedInTheDialectsForm() {
        int authorId = db.insertInto(A, r -> r.set(A.name, "Ann")).executeAndGetKey(A.authorId);
        List<Integer> items = IntStream.rangeClosed(1, 2_500).boxed().toList();
        Insert insert = db.insertInto(B, items, (r, i) -> r.set(B.title, title(i)).set(B.price, price(i))
                .set(B.authorId, i % 3 == 0 ? null : authorId));
        assertThat(insert.executionForm(db.dialect())).isEqualTo(expectedBatching());
        assertThat(insert.execute()).isEqualTo(2_500);
        assertThat(activeConnections()).isZero();

        List<Record3<String, BigDecimal, Integer>> rows = db.select(B.title, B.price, B.authorId).from(B).orderBy(B.bookId.asc()).fetch();
        assertThat(rows).hasSize(2_500);
        for (int i = 1; i <= 2_500; i++) {
            Record3<String, BigDecimal, Integer> row = rows.get(i - 1);
            assertThat(row.value1()).isEqualTo(title(i));
            assertThat(row.value2()).isEqualByComparingTo(price(i));
            assertThat(row.value3()).isEqualTo(i % 3 == 0 ? null : authorId);
        }
    }

    @Test
    void rowsWithExplicitKeysAreInsertedInTheDialectsForm() {
        List<Integer> items = IntStream.rangeClosed(1, 2_500).boxed().toList();
        Insert insert = db.insertInto(TAG, items, (r, i) -> r.set(TAG.tagId, i * 2).set(TAG.label, title(i))
                .set(TAG.weight, i % 4 == 0 ? null : price(i)));
        assertThat(insert.executionForm(db.dialect())).isEqualTo(expectedBatchingWithExplicitKeys());
        assertThat(insert.execute()).isEqualTo(2_500);
        assertThat(activeConnections()).isZero();
        List<Record3<Integer, String, BigDecimal>> rows = db.select(TAG.tagId, TAG.label, TAG.weight).from(TAG).orderBy(TAG.tagId.asc()).fetch();
        assertThat(rows).hasSize(2_500);
        for (int i = 1; i <= 2_500; i++) {
            Record3<Integer, String, BigDecimal> row = rows.get(i - 1);
            assertThat(row.value1()).isEqualTo(i * 2);
            assertThat(row.value2()).isEqualTo(title(i));
            if (i % 4 == 0) assertThat(row.value3()).isNull();
            else assertThat(row.value3()).isEqualByComparingTo(price(i));
        }
    }

    @Test
    void aDuplicateKeyLateInTheBatchLeavesNoRow() {
        List<Integer> items = IntStream.rangeClosed(1, 1_000).boxed().toList();
        Insert insert = db.insertInto(TAG, items, (r, i) -> r.set(TAG.tagId, i == 900 ? 3 : i).set(TAG.label, title(i)));
        assertThat(insert.executionForm(db.dialect())).isEqualTo(expectedBatchingWithExplicitKeys());
        assertThatThrownBy(insert::execute).isInstanceOf(UniqueViolationException.class);
        assertThat(activeConnections()).isZero();
        assertThat(rowsIn(TAG)).isZero();
    }

    @Test
    void aBatchBindsEveryTypeAndNulls() {
        UUID uuid = UUID.fromString("2f1c7c9e-8a8b-4f4e-9a55-0d1b7f3a9c10");
        List<Integer> items = IntStream.rangeClosed(1, 6).boxed().toList();
        Insert insert = db.insertInto(T, items, (r, i) -> {
            boolean nulls = i % 2 == 0;
            r.set(T.anInt, nulls ? null : i)
                    .set(T.aBigint, nulls ? null : 10_000_000_000L + i)
                    .set(T.aVarchar, nulls ? null : "v" + i)
                    .set(T.aBool, nulls ? null : i % 3 == 0)
                    .set(T.aDecimal, nulls ? null : new BigDecimal(i + ".25"))
                    .set(T.aDouble, nulls ? null : i / 4.0)
                    .set(T.aDate, nulls ? null : LocalDate.of(2020, 1, i))
                    .set(T.aTimestamp, nulls ? null : LocalDateTime.of(2020, 1, i, 10, 30, 15))
                    .set(T.aUuid, nulls ? null : uuid)
                    .set(T.aBlob, nulls ? null : new byte[] {(byte) (int) i, (byte) 0xff})
                    .set(T.anEnum, nulls ? null : Rating.NC17);
        });
        assertThat(insert.executionForm(db.dialect())).isEqualTo(expectedBatching());
        assertThat(insert.execute()).isEqualTo(6);
        List<Row> rows = db.select(T.anInt, T.aBigint, T.aVarchar, T.aBool, T.aDecimal, T.aDouble, T.aDate, T.aTimestamp,
                T.aUuid, T.aBlob, T.anEnum).from(T).orderBy(T.id.asc()).fetch();
        assertThat(rows).hasSize(6);
        for (int i = 1; i <= 6; i++) {
            Row row = rows.get(i - 1);
            if (i % 2 == 0) {
                for (int c = 0; c < row.size(); c++) assertThat(row.get(c)).as("row %d column %d", i, c).isNull();
                continue;
            }
            assertThat(row.get(T.anInt)).isEqualTo(i);
            assertThat(row.get(T.aBigint)).isEqualTo(10_000_000_000L + i);
            assertThat(row.get(T.aVarchar)).isEqualTo("v" + i);
            assertThat(row.get(T.aBool)).isEqualTo(i % 3 == 0);
            assertThat(row.get(T.aDecimal)).isEqualByComparingTo(new BigDecimal(i + ".25"));
            assertThat(row.get(T.aDouble)).isEqualTo(i / 4.0);
            assertThat(row.get(T.aDate)).isEqualTo(LocalDate.of(2020, 1, i));
            assertThat(row.get(T.aTimestamp)).isEqualTo(LocalDateTime.of(2020, 1, i, 10, 30, 15));
            assertThat(row.get(T.aUuid)).isEqualTo(uuid);
            assertThat(row.get(T.aBlob)).containsExactly(new byte[] {(byte) i, (byte) 0xff});
            assertThat(row.get(T.anEnum)).isEqualTo(Rating.NC17);
        }
    }

    private void assertKeysInRowOrder(List<Integer> keys, int n) {
        assertThat(keys).hasSize(n).doesNotContainNull();
        for (int i = 1; i < n; i++) assertThat(keys.get(i)).as("key %d after key %d", i + 1, i).isGreaterThan(keys.get(i - 1));
        Map<Integer, String> titleById = db.select(B.bookId, B.title).from(B).fetch().stream()
                .collect(Collectors.toMap(Record2::value1, Record2::value2));
        assertThat(titleById).hasSize(n);
        for (int i = 0; i < n; i++) assertThat(titleById.get(keys.get(i))).as("the row of key %d", i + 1).isEqualTo(title(i + 1));
    }

    @Test
    void generatedKeysComeBackInRowOrder() {
        List<Integer> items = IntStream.rangeClosed(1, 3_000).boxed().toList();
        List<Integer> keys = db.insertInto(B, items, (r, i) -> r.set(B.title, title(i)).set(B.price, price(i)))
                .executeAndGetKeys(B.bookId);
        assertKeysInRowOrder(keys, 3_000);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void generatedKeysComeBackInRowOrderAcrossStatements() {
        // three bind values per row: more rows than one statement can carry
        int n = db.dialect().maxBindParameters() / 3 + 50;
        List<Integer> items = IntStream.rangeClosed(1, n).boxed().toList();
        Insert insert = db.insertInto(B, items, (r, i) -> r.set(B.title, title(i)).set(B.price, price(i)).setNull(B.authorId));
        assertThat(insert.renderChunks(db.dialect())).hasSizeGreaterThanOrEqualTo(2);
        assertKeysInRowOrder(insert.executeAndGetKeys(B.bookId), n);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aManyRowInsertIsAllOrNothing() {
        // two bind values per row; the duplicate name comes in the last row, past the first VALUES statement
        int n = db.dialect().maxBindParameters() / 2 + 10;
        List<Integer> items = IntStream.rangeClosed(1, n).boxed().toList();
        Insert insert = db.insertInto(A, items, (r, i) -> r.set(A.name, i == n ? "A1" : "A" + i).set(A.born, i));
        assertThat(insert.renderChunks(db.dialect())).hasSizeGreaterThanOrEqualTo(2);
        assertThatThrownBy(insert::execute).isInstanceOf(UniqueViolationException.class);
        assertThat(activeConnections()).isZero();
        assertThat(rowsIn(A)).as("no row of the failed insert stays").isZero();

        assertThatThrownBy(() -> insert.executeAndGetKeys(A.authorId)).isInstanceOf(UniqueViolationException.class);
        assertThat(activeConnections()).isZero();
        assertThat(rowsIn(A)).isZero();
    }

    @Test
    void aForeignKeyViolationInABatchIsTranslatedAndRolledBack() {
        List<Integer> items = IntStream.rangeClosed(1, 400).boxed().toList();
        Insert insert = db.insertInto(B, items, (r, i) -> r.set(B.title, title(i)).set(B.authorId, i == 300 ? 999 : null));
        assertThat(insert.executionForm(db.dialect())).isEqualTo(expectedBatching());
        assertThatThrownBy(insert::execute).isInstanceOf(ForeignKeyViolationException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sql()).contains("INSERT INTO"));
        assertThat(activeConnections()).isZero();
        assertThat(rowsIn(B)).isZero();
    }

    @Test
    void rowsWithExpressionsOrAConflictClauseUseMultiRowValues() {
        List<Integer> items = IntStream.rangeClosed(1, 5).boxed().toList();
        Insert withExpression = db.insertInto(B, items, (r, i) -> {
            r.set(B.title, title(i));
            if (i == 3) r.set(B.price, Dsl.value(new BigDecimal("1.00")).plus(new BigDecimal("0.50")));
            else r.set(B.price, price(i));
        });
        assertThat(withExpression.executionForm(db.dialect())).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        assertThatThrownBy(() -> withExpression.renderBatch(db.dialect())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 3 sets column qk_book.price to an expression");
        assertThat(withExpression.execute()).isEqualTo(5);
        assertThat(db.select(B.price).from(B).where(B.title.eq(title(3))).fetchValue(B.price)).isEqualByComparingTo("1.50");

        db.insertInto(A, r -> r.set(A.name, "A2")).execute();
        Insert upsert = db.insertInto(A, List.of("A1", "A2", "A3"), (r, name) -> r.set(A.name, name)).onConflict(A.name).doNothing();
        assertThat(upsert.executionForm(db.dialect())).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        upsert.execute();
        assertThat(db.select(A.name).from(A).orderBy(A.name.asc()).fetch(Record1::value1)).containsExactly("A1", "A2", "A3");
        assertThat(activeConnections()).isZero();
    }

    @Test
    void aBatchInATransactionUsesItsConnectionAndRollsBackWithIt() {
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            List<Integer> items = IntStream.rangeClosed(1, 1_000).boxed().toList();
            Insert insert = tx.insertInto(B, items, (r, i) -> r.set(B.title, title(i)));
            assertThat(insert.executionForm(tx.dialect())).isEqualTo(expectedBatching());
            assertThat(insert.execute()).isEqualTo(1_000);
            assertThat(activeConnections()).isEqualTo(1);
            assertThat(tx.select(count()).from(B).fetchValue(count())).isEqualTo(1_000L);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(activeConnections()).isZero();
        assertThat(rowsIn(B)).isZero();
    }

    @Test
    void oneRowAndTheRenderedBatchAgree() {
        Insert one = db.insertInto(B, r -> r.set(B.title, "only"));
        assertThat(one.executionForm(db.dialect())).isEqualTo(InsertBatching.MULTI_ROW_VALUES);
        List<Integer> items = List.of(1, 2, 3);
        Insert three = db.insertInto(B, items, (r, i) -> r.set(B.title, title(i)).set(B.price, price(i)));
        List<dev.quarry.dsl.Rendered> batch = three.renderBatch(db.dialect());
        assertThat(batch).hasSize(3);
        assertThat(batch).extracting(dev.quarry.dsl.Rendered::sql).containsOnly(batch.get(0).sql());
        assertThat(batch.get(2).binds()).containsExactly(title(3), price(3));
        assertThat(three.execute()).isEqualTo(3);
        assertThat(db.select(B.title).from(B).orderBy(B.bookId.asc()).fetch(Record1::value1))
                .containsExactly(title(1), title(2), title(3));
    }
}
