package dev.quarry.testkit;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.TooManyRowsException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.schema.Table;
import dev.quarry.testkit.KitTables.AllTypes;
import dev.quarry.testkit.KitTables.Author;
import dev.quarry.testkit.KitTables.Book;
import dev.quarry.testkit.KitTables.Rating;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.countDistinct;
import static dev.quarry.dsl.Dsl.max;
import static dev.quarry.dsl.Dsl.min;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour suite every dialect module runs against its real database: a dialect module's test
 * extends this class and supplies {@link #openDatabase()}. Each test creates the suite's tables
 * ({@link KitTables}) and drops them afterwards, so the suite can run again on the same server.
 */
public abstract class BehaviourSuite extends KitSuite {
    private static final AllTypes T = AllTypes.ALL_TYPES;
    private static final Author A = Author.AUTHOR;
    private static final Book B = Book.BOOK;



    /**
     * The SQLState the database under test reports for an integrity constraint violation whose
     * SQL-standard SQLState is given (SQL:2016 section 24.1: 23505 unique, 23503 foreign key). Default:
     * the standard one, which PostgreSQL reports and SQLite's dialect supplies. MySQL and MariaDB report
     * the class value 23000 for every integrity constraint violation (their error codes 1062 and 1452),
     * so their suites override this; the exception type still tells the violations apart.
     *
     * @param standardSqlState the SQL-standard SQLState
     * @return the SQLState this database reports for it
     */
    protected String expectedSqlState(String standardSqlState) {
        return standardSqlState;
    }





    private long rows(Table table) {
        return db.select(count()).from(table).fetchValue(count());
    }

    private int author(String name, Integer born) {
        return db.insertInto(A, r -> r.set(A.name, name).set(A.born, born)).executeAndGetKey(A.authorId);
    }

    // ---- types ---------------------------------------------------------------------------------

    @Test
    void everyTypeRoundTripsExactly() {
        byte[] bytes = {0, 1, (byte) 0x80, (byte) 0xff, 42};
        UUID uuid = UUID.fromString("2f1c7c9e-8a8b-4f4e-9a55-0d1b7f3a9c10");
        LocalDateTime ts = LocalDateTime.of(2005, 5, 24, 22, 53, 30, 123_456_000);
        OffsetDateTime tstz = OffsetDateTime.of(2006, 2, 15, 4, 34, 33, 500_000_000, ZoneOffset.ofHours(2));
        int id = db.insertInto(T, r -> r
                .set(T.anInt, Integer.MIN_VALUE)
                .set(T.aBigint, Long.MAX_VALUE)
                .set(T.aSmallint, Short.MIN_VALUE)
                .set(T.aVarchar, "It's \"quoted\" – ünïcödé ☃")
                .set(T.aChar, "abc")
                .set(T.aText, "x".repeat(10_000))
                .set(T.aBool, false)
                .set(T.aDecimal, new BigDecimal("-1234567890.12"))
                .set(T.aReal, 1.5f)
                .set(T.aDouble, 0.1 + 0.2)
                .set(T.aDate, LocalDate.of(1999, 12, 31))
                .set(T.aTimestamp, ts)
                .set(T.aTimestamptz, tstz)
                .set(T.aUuid, uuid)
                .set(T.aBlob, bytes)
                .set(T.anEnum, Rating.PG13)).executeAndGetKey(T.id);

        Row row = db.select(T.anInt, T.aBigint, T.aSmallint, T.aVarchar, T.aChar, T.aText, T.aBool, T.aDecimal, T.aReal,
                T.aDouble, T.aDate, T.aTimestamp, T.aTimestamptz, T.aUuid, T.aBlob, T.anEnum).from(T).where(T.id.eq(id)).fetchOne();

        assertThat(row.get(T.anInt)).isEqualTo(Integer.MIN_VALUE);
        assertThat(row.get(T.aBigint)).isEqualTo(Long.MAX_VALUE);
        assertThat(row.get(T.aSmallint)).isEqualTo(Short.MIN_VALUE);
        assertThat(row.get(T.aVarchar)).isEqualTo("It's \"quoted\" – ünïcödé ☃");
        assertThat(row.get(T.aChar)).isEqualTo("abc");
        assertThat(row.get(T.aText)).hasSize(10_000);
        assertThat(row.get(T.aBool)).isFalse();
        assertThat(row.get(T.aDecimal)).isEqualTo(new BigDecimal("-1234567890.12"));
        assertThat(row.get(T.aReal)).isEqualTo(1.5f);
        assertThat(row.get(T.aDouble)).isEqualTo(0.1 + 0.2);
        assertThat(row.get(T.aDate)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(row.get(T.aTimestamp)).isEqualTo(ts);
        assertThat(row.get(T.aTimestamptz).toInstant()).isEqualTo(tstz.toInstant());
        assertThat(row.get(T.aUuid)).isEqualTo(uuid);
        assertThat(row.get(T.aBlob)).containsExactly(bytes);
        assertThat(row.get(T.anEnum)).isEqualTo(Rating.PG13);
    }

    @Test
    void nullsOfEveryTypeReadAsNullNeverAsDefaults() {
        int id = db.insertInto(T, r -> r.setNull(T.anInt)).executeAndGetKey(T.id);
        Row row = db.select(T.anInt, T.aBigint, T.aSmallint, T.aVarchar, T.aBool, T.aDecimal, T.aReal, T.aDouble,
                T.aDate, T.aTimestamp, T.aTimestamptz, T.aUuid, T.aBlob, T.anEnum).from(T).where(T.id.eq(id)).fetchOne();
        for (int i = 0; i < row.size(); i++) {
            assertThat(row.get(i)).as("column %s", row.fields().get(i).name()).isNull();
        }
    }

    @Test
    void timestampsAndDatesCompareAndSortAsTime() {
        LocalDateTime base = LocalDateTime.of(2005, 5, 24, 22, 53, 30);
        List<LocalDateTime> values = List.of(base.plusNanos(500_000_000), base, base.plusSeconds(1), base.minusDays(400));
        db.insertInto(T, values, (r, v) -> r.set(T.aTimestamp, v).set(T.aDate, v.toLocalDate())).execute();
        List<LocalDateTime> sorted = db.select(T.aTimestamp).from(T).orderBy(T.aTimestamp.asc()).fetch(r -> r.get(T.aTimestamp));
        assertThat(sorted).containsExactly(base.minusDays(400), base, base.plusNanos(500_000_000), base.plusSeconds(1));
        long after = db.select(count()).from(T).where(T.aTimestamp.gt(base)).fetchValue(count());
        assertThat(after).isEqualTo(2);
        long onDay = db.select(count()).from(T).where(T.aDate.eq(base.toLocalDate())).fetchValue(count());
        assertThat(onDay).isEqualTo(3);
    }

    @Test
    void decimalSumIsExactAndComparisonsAreNumeric() {
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) amounts.add(new BigDecimal("0.01").add(new BigDecimal(i % 7)).add(new BigDecimal("2.98")));
        BigDecimal expected = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        db.insertInto(T, amounts, (r, d) -> r.set(T.aDecimal, d)).execute();

        assertThat(db.select(sum(T.aDecimal)).from(T).fetchValue(sum(T.aDecimal))).isEqualTo(expected);
        assertThat(db.select(max(T.aDecimal)).from(T).fetchValue(max(T.aDecimal))).isEqualTo(new BigDecimal("8.99"));
        assertThat(db.select(min(T.aDecimal)).from(T).fetchValue(min(T.aDecimal))).isEqualTo(new BigDecimal("2.99"));
        long aboveTen = db.select(count()).from(T).where(T.aDecimal.gt(new BigDecimal("10.00"))).fetchValue(count());
        assertThat(aboveTen).isZero();
        long atLeast = db.select(count()).from(T).where(T.aDecimal.ge(new BigDecimal("8.99"))).fetchValue(count());
        assertThat(atLeast).isEqualTo(amounts.stream().filter(d -> d.compareTo(new BigDecimal("8.99")) >= 0).count());
        BigDecimal average = db.select(avg(T.aDecimal)).from(T).fetchValue(avg(T.aDecimal));
        assertThat(average.doubleValue()).isCloseTo(expected.doubleValue() / 2_000, org.assertj.core.data.Offset.offset(1e-9));
    }

    // ---- queries -------------------------------------------------------------------------------

    @Test
    void leftJoinedColumnsReadNullNotZeroOrFalse() {
        int tolkien = author("Tolkien", 1892);
        db.insertInto(B, List.of("The Hobbit", "Anonymous"), (r, t) -> r.set(B.title, t).set(B.authorId, t.equals("Anonymous") ? null : tolkien)).execute();
        var rows = db.select(B.title, A.authorId, A.born, A.active).from(B).leftJoin(A).on(B.authorId.eq(A.authorId))
                .orderBy(B.title.asc()).fetch();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(B.title)).isEqualTo("Anonymous");
        assertThat(rows.get(0).get(A.authorId)).isNull();
        assertThat(rows.get(0).get(A.born)).isNull();
        assertThat(rows.get(0).get(A.active)).isNull();
        assertThat(rows.get(1).get(A.born)).isEqualTo(1892);
        assertThat(rows.get(1).get(A.active)).isTrue();
    }

    record BookView(String title, Integer born) {}

    @Test
    void typedRowsAndConstructorMappingKeepLeftJoinNullsVisible() {
        int tolkien = author("Tolkien", 1892);
        db.insertInto(B, List.of("The Hobbit", "Anonymous"), (r, t) -> r.set(B.title, t)
                .set(B.authorId, t.equals("Anonymous") ? (Integer) null : (Integer) tolkien)).execute();
        var query = db.select(B.title, A.born).from(B).leftJoin(A).on(B.authorId.eq(A.authorId)).orderBy(B.title.asc());
        dev.quarry.dsl.Record2<String, Integer> first = query.fetch().get(0);
        String title = first.value1();
        Integer born = first.value2();
        assertThat(title).isEqualTo("Anonymous");
        assertThat(born).isNull();
        assertThat(first.optional(A.born)).isEmpty();
        assertThat(query.fetch(dev.quarry.dsl.Dsl.mapping(BookView::new)))
                .containsExactly(new BookView("Anonymous", null), new BookView("The Hobbit", 1892));
        Object tuple = query.fetch().get(1).toTuple();
        assertThat(tuple).isEqualTo(org.jooq.lambda.tuple.Tuple.tuple("The Hobbit", 1892));
    }

    record AuthorStats(String name, long books, BigDecimal totalPrice, Integer born) {}

    @Test
    void groupByHavingOrderByAliasIntoRecords() {
        int a = author("Austen", 1775);
        int b = author("Borges", 1899);
        author("Calvino", null);
        db.insertInto(B, List.of(1, 2, 3), (r, i) -> r.set(B.title, "A" + i).set(B.authorId, a).set(B.price, new BigDecimal("10.10"))).execute();
        db.insertInto(B, List.of(1), (r, i) -> r.set(B.title, "B" + i).set(B.authorId, b)).execute();

        var books = count(B.bookId).as("books");
        var total = sum(B.price).as("total_price");
        List<AuthorStats> stats = db.select(A.name, books, total, A.born)
                .from(A).join(B).on(B.authorId.eq(A.authorId))
                .groupBy(A.name, A.born)
                .having(count(B.bookId).ge(1L))
                .orderBy(total.desc())
                .fetchInto(AuthorStats.class);
        assertThat(stats).containsExactly(
                new AuthorStats("Austen", 3, new BigDecimal("30.30"), 1775),
                new AuthorStats("Borges", 1, new BigDecimal("9.99"), 1899));
    }

    @Test
    void nullOrderingIsExplicitWhenAsked() {
        author("A", 1900);
        author("B", null);
        author("C", 1800);
        List<String> first = db.select(A.name).from(A).orderBy(A.born.asc().nullsFirst()).fetch(r -> r.get(A.name));
        List<String> last = db.select(A.name).from(A).orderBy(A.born.desc().nullsLast()).fetch(r -> r.get(A.name));
        assertThat(first).containsExactly("B", "C", "A");
        assertThat(last).containsExactly("A", "C", "B");
    }

    @Test
    void conditionsSelectTheRightRows() {
        for (String n : List.of("50% off", "50 cents", "a_b", "axb", "plain")) author(n, n.length());
        assertThat(names(A.name.startsWith("50%"))).containsExactly("50% off");
        assertThat(names(A.name.contains("_"))).containsExactly("a_b");
        assertThat(names(A.name.like("a_b"))).containsExactly("a_b", "axb");
        assertThat(names(A.name.endsWith("off"))).containsExactly("50% off");
        assertThat(names(A.name.in(List.of()))).isEmpty();
        assertThat(names(A.name.notIn(List.of()))).hasSize(5);
        assertThat(names(A.name.in("plain", "axb"))).containsExactly("axb", "plain");
        assertThat(names(A.born.between(3, 5).and(A.name.ne("axb")))).containsExactly("a_b", "plain");
        assertThat(names(A.name.eq("plain").or(A.name.eq("axb")).not())).containsExactly("50 cents", "50% off", "a_b");
        long distinctLengths = db.select(countDistinct(A.born)).from(A).fetchValue(countDistinct(A.born));
        assertThat(distinctLengths).isEqualTo(4);
    }

    private List<String> names(dev.quarry.dsl.Condition c) {
        return db.select(A.name).from(A).where(c).orderBy(A.name.asc()).fetch(r -> r.get(A.name));
    }

    @Test
    void limitAndOffsetPage() {
        for (int i = 1; i <= 7; i++) author("n" + i, i);
        assertThat(db.select(A.born).from(A).orderBy(A.born.asc()).limit(3).offset(2).fetch(r -> r.get(A.born))).containsExactly(3, 4, 5);
        assertThat(db.select(A.born).from(A).orderBy(A.born.asc()).offset(5).fetch(r -> r.get(A.born))).containsExactly(6, 7);
        assertThat(db.select(A.born).from(A).limit(0).fetch()).isEmpty();
        assertThat(db.selectDistinct(A.active).from(A).fetch()).hasSize(1);
    }

    @Test
    void fetchOneAndOptionalCheckTheRowCount() {
        author("only", 1);
        assertThat(db.select(A.name).from(A).fetchOptional()).isPresent();
        assertThat(db.select(A.name).from(A).where(A.name.eq("none")).fetchOptional()).isEmpty();
        author("second", 2);
        assertThatThrownBy(() -> db.select(A.name).from(A).fetchOptional()).isInstanceOf(TooManyRowsException.class)
                .hasMessageContaining("2 rows");
    }

    // ---- writes --------------------------------------------------------------------------------

    @Test
    void generatedKeysComeBackInRowOrder() {
        int first = author("first", null);
        List<Integer> keys = db.insertInto(A, List.of("x", "y", "z"), (r, n) -> r.set(A.name, n)).executeAndGetKeys(A.authorId);
        assertThat(keys).containsExactly(first + 1, first + 2, first + 3);
        assertThat(db.select(A.name).from(A).where(A.authorId.eq(keys.get(2))).fetchValue(A.name)).isEqualTo("z");
    }

    @Test
    void manyRowsAreSplitUnderTheBindLimitAndAllArrive() {
        int n = db.dialect().maxBindParameters() / 3 + 1_000;
        List<Integer> items = IntStream.range(0, n).boxed().toList();
        var insert = db.insertInto(T, items, (r, i) -> r.set(T.anInt, i).set(T.aBigint, (long) i).set(T.aVarchar, "v" + i));
        assertThat(insert.renderChunks(db.dialect())).hasSizeGreaterThan(1);
        int inserted = db.transaction(tx -> tx.insertInto(T, items, (r, i) -> r.set(T.anInt, i).set(T.aBigint, (long) i)
                .set(T.aVarchar, "v" + i)).execute());
        assertThat(inserted).isEqualTo(n);
        assertThat(rows(T)).isEqualTo(n);
        assertThat(db.select(sum(T.aBigint)).from(T).fetchValue(sum(T.aBigint))).isEqualTo(BigDecimal.valueOf((long) n * (n - 1) / 2));
    }

    @Test
    void updateAndDeleteReportTheirCounts() {
        for (int i = 1; i <= 5; i++) author("n" + i, i);
        assertThat(db.update(A).set(A.active, false).where(A.born.le(2)).execute()).isEqualTo(2);
        assertThat(db.update(A).set(A.born, A.authorId).all().execute()).isEqualTo(5);
        assertThat(db.select(count()).from(A).where(A.active.eq(false)).fetchValue(count())).isEqualTo(2);
        assertThat(db.deleteFrom(A).where(A.active.eq(false)).execute()).isEqualTo(2);
        assertThat(db.deleteFrom(A).all().execute()).isEqualTo(3);
        assertThat(rows(A)).isZero();
    }

    // ---- transactions and errors ---------------------------------------------------------------

    @Test
    void transactionCommitsAndReturnsTheResult() {
        int id = db.transaction(tx -> {
            int a = tx.insertInto(A, r -> r.set(A.name, "in tx")).executeAndGetKey(A.authorId);
            tx.insertInto(B, r -> r.set(B.title, "t").set(B.authorId, a)).execute();
            return a;
        });
        assertThat(db.select(B.title).from(B).where(B.authorId.eq(id)).fetchValue(B.title)).isEqualTo("t");
    }

    @Test
    void anyExceptionRollsTheWholeTransactionBack() {
        author("before", null);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.insertInto(A, r -> r.set(A.name, "inside")).execute();
            tx.update(A).set(A.born, 1).all().execute();
            throw boom;
        })).isSameAs(boom);
        assertThat(rows(A)).isEqualTo(1);
        assertThat(db.select(A.born).from(A).fetchValue(A.born)).isNull();
    }

    @Test
    void aTransactionCannotBeUsedAfterItEnded() {
        dev.quarry.dsl.Transaction[] leaked = new dev.quarry.dsl.Transaction[1];
        db.runInTransaction(tx -> leaked[0] = tx);
        assertThatThrownBy(() -> leaked[0].select(A.name).from(A).fetch()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction has ended");
    }

    @Test
    void constraintViolationsAreTranslatedAndChangeNothing() {
        author("unique", null);
        assertThatThrownBy(() -> db.insertInto(A, List.of("new one", "unique"), (r, n) -> r.set(A.name, n)).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(expectedSqlState("23505"));
                    assertThat(e.sql()).startsWith("INSERT INTO");
                });
        assertThat(rows(A)).isEqualTo(1);
        assertThatThrownBy(() -> db.insertInto(B, r -> r.set(B.title, "orphan").set(B.authorId, 999_999)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> assertThat(e.sqlState()).isEqualTo(expectedSqlState("23503")));
        assertThat(rows(B)).isZero();
    }

    @Test
    void failingStatementInsideATransactionRollsBackEarlierOnes() {
        author("unique", null);
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.insertInto(A, r -> r.set(A.name, "first")).execute();
            tx.insertInto(A, r -> r.set(A.name, "unique")).execute();
        })).isInstanceOf(UniqueViolationException.class);
        assertThat(db.select(A.name).from(A).fetch(r -> r.get(A.name))).containsExactly("unique");
    }

    @Test
    void defaultsApplyWhenAColumnIsLeftOut() {
        int a = author("d", null);
        db.insertInto(B, r -> r.set(B.title, "default price")).execute();
        assertThat(db.select(A.active).from(A).where(A.authorId.eq(a)).fetchValue(A.active)).isTrue();
        assertThat(db.select(B.price).from(B).fetchValue(B.price)).isEqualTo(new BigDecimal("9.99"));
    }
}
