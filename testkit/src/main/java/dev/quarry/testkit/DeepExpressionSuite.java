package dev.quarry.testkit;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.StatementTooLargeException;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import dev.quarry.testkit.KitTables.Author;
import dev.quarry.testkit.KitTables.Book;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deep and huge statements, run by every dialect module on its real database: expressions nested past
 * {@link SqlBuilder#MAX_DEPTH} fail with a {@link StatementTooLargeException} that names the limit (never a
 * {@link StackOverflowError}, also on a thread with a small stack), statements at the limit run and give
 * the right result, an IN list longer than the dialect's bind limit is either one array parameter
 * (PostgreSQL) or refused before anything is sent with a message that says what to do instead, and no
 * statement with more bind parameters than the dialect allows is ever sent.
 */
public abstract class DeepExpressionSuite extends KitSuite {
    private static final Book B = Book.BOOK;
    private static final Author A = Author.AUTHOR;
    private static final int LIMIT = SqlBuilder.MAX_DEPTH;

    /**
     * The stack of the small-stack threads: 248 KiB, a little under 256 KiB so that glibc never hands the
     * thread a cached stack of another thread's default 1 MiB (it reuses a cached stack up to four times
     * the size asked for).
     */
    private static final long SMALL_STACK = 248 * 1024;

    /** @return the bind parameter limit the dialect under test must report (SQLite 32,766; PostgreSQL, MariaDB 65,535) */
    protected abstract int expectedMaxBindParameters();

    /** @return whether an IN list longer than 1,024 values is sent as one array parameter ({@code = ANY(?)}, PostgreSQL) */
    protected abstract boolean longInListsAreOneArray();

    // ---- nesting depth ----

    /** {@code book_id + 1 + 1 ...}, each plus() one level deeper; at the top of the select list, n + 1 levels with the column. */
    private static Field<Integer> nestedPlus(int n) {
        Field<Integer> f = B.bookId;
        for (int i = 0; i < n; i++) f = f.plus(1);
        return f;
    }

    /** {@code NOT (NOT (... (condition)))}; in WHERE, the comparison's operands are n + 2 levels deep. */
    private static Condition nestedNot(Condition c, int n) {
        for (int i = 0; i < n; i++) c = c.not();
        return c;
    }

    /** The condition of {@link #alternatingAndOr} and the same logic in Java. */
    private record AndOr(Condition condition, IntPredicate predicate) {}

    /**
     * {@code ((id = a OR id = b) AND id <> c) OR id = d ...}: n steps, alternately OR and AND, each one level
     * deeper than the one before (AND of AND is flattened, AND of OR is not).
     */
    private static AndOr alternatingAndOr(int n, List<Integer> ids) {
        int first = ids.get(0);
        Condition c = B.bookId.eq(first);
        IntPredicate p = id -> id == first;
        for (int i = 0; i < n; i++) {
            int v = ids.get((i * 7 + 3) % ids.size());
            if (i % 2 == 0) {
                c = c.or(B.bookId.eq(v));
                p = p.or(id -> id == v);
            } else {
                c = c.and(B.bookId.ne(v));
                p = p.and(id -> id != v);
            }
        }
        return new AndOr(c, p);
    }

    private List<Integer> insertBooks(int n) {
        List<Integer> ids = db.insertInto(B, IntStream.rangeClosed(1, n).boxed().toList(), (r, i) -> r.set(B.title, "b" + i))
                .executeAndGetKeys(B.bookId);
        assertThat(ids).hasSize(n);
        return ids;
    }

    private static void assertTooDeep(Throwable thrown, String nodeType) {
        assertThat(thrown).isInstanceOf(StatementTooLargeException.class)
                .hasMessageContaining("The statement nests expressions more than " + LIMIT + " levels deep (Quarry's limit, "
                        + "SqlBuilder.MAX_DEPTH); level " + (LIMIT + 1) + " is a node of type " + nodeType + ", after the SQL \"")
                .hasMessageContaining("Nothing was sent. Build it flatter: join many conditions in one Dsl.and(...) or Dsl.or(...) call");
        StatementTooLargeException e = (StatementTooLargeException) thrown;
        assertThat(e.limit()).isEqualTo(StatementTooLargeException.Limit.NESTING_DEPTH);
        assertThat(e.maximum()).isEqualTo(LIMIT);
        assertThat(e.found()).isEqualTo(LIMIT + 1);
    }

    private static Throwable thrownBy(Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception");
    }

    /** Runs work on a new thread with a {@link #SMALL_STACK} stack and returns its result, or rethrows what it threw. */
    private static <T> T onSmallStack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "quarry-small-stack", SMALL_STACK);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error err) throw err;
        return result.get();
    }

    @Test
    void fiveThousandNestedPlusFailWithTheLimitNamed() {
        List<Integer> ids = insertBooks(3);
        Select<Record1<Integer>> query = db.select(nestedPlus(5_000)).from(B).where(B.bookId.eq(ids.get(0)));
        assertTooDeep(thrownBy(query::fetch), "Arithmetic");
        assertTooDeep(thrownBy(() -> query.render(db.dialect())), "Arithmetic");
        assertThat(thrownBy(query::fetch).getMessage()).as("the SQL before the limit shows the nesting")
                .contains("((((((((((");
    }

    @Test
    void twentyThousandNestedNotFailWithTheLimitNamed() {
        insertBooks(3);
        Select<Record1<Integer>> query = db.select(B.bookId).from(B).where(nestedNot(B.bookId.le(2), 20_000));
        assertTooDeep(thrownBy(query::fetch), "Negation");
        assertTooDeep(thrownBy(() -> query.render(db.dialect())), "Negation");
        assertThat(thrownBy(query::fetch).getMessage()).contains("NOT (NOT (NOT (NOT (");
        // an UPDATE is refused before it runs: no row changes
        assertTooDeep(thrownBy(() -> db.update(B).set(B.title, "changed").where(nestedNot(B.bookId.le(2), 20_000)).execute()),
                "Negation");
        assertThat(db.select(count()).from(B).where(B.title.eq("changed")).fetchValue(count())).isZero();
    }

    @Test
    void tenThousandAlternatingAndOrFailWithTheLimitNamed() {
        List<Integer> ids = insertBooks(10);
        Select<Record1<Integer>> query = db.select(B.bookId).from(B).where(alternatingAndOr(10_000, ids).condition());
        assertTooDeep(thrownBy(query::fetch), "Junction");
        assertTooDeep(thrownBy(() -> query.render(db.dialect())), "Junction");
        assertTooDeep(thrownBy(() -> db.deleteFrom(B).where(alternatingAndOr(10_000, ids).condition()).execute()), "Junction");
        assertThat(db.select(count()).from(B).fetchValue(count())).as("nothing deleted").isEqualTo(10L);
    }

    @Test
    void theDeepShapesFailTheSameWayOnASmallStack() {
        List<Integer> ids = insertBooks(10);
        assertTooDeep(thrownBy(() -> onSmallStack(() -> db.select(nestedPlus(5_000)).from(B).fetch())), "Arithmetic");
        assertTooDeep(thrownBy(() -> onSmallStack(() -> db.select(B.bookId).from(B).where(nestedNot(B.bookId.le(2), 20_000)).fetch())),
                "Negation");
        assertTooDeep(thrownBy(() -> onSmallStack(() -> db.select(B.bookId).from(B).where(alternatingAndOr(10_000, ids).condition())
                .render(db.dialect()))), "Junction");
    }

    @Test
    void statementsAtTheLimitRunWithTheRightResult() {
        List<Integer> ids = insertBooks(10);
        int id = ids.get(4);
        // select list: the outermost plus is level 1, the column level LIMIT
        Field<Integer> plus = nestedPlus(LIMIT - 1);
        assertThat(db.select(plus).from(B).where(B.bookId.eq(id)).fetchValue(plus)).isEqualTo(id + LIMIT - 1);
        assertTooDeep(thrownBy(() -> db.select(nestedPlus(LIMIT)).from(B).fetch()), "Column");

        // WHERE: NOTs at levels 1 .. LIMIT - 2, the comparison at LIMIT - 1, its operands at LIMIT
        int evenNots = LIMIT - 2;
        assertThat(evenNots % 2).isZero();
        assertThat(db.select(B.bookId).from(B).where(nestedNot(B.bookId.le(ids.get(2)), evenNots)).orderBy(B.bookId.asc())
                .fetch().stream().map(Record1::value1).toList()).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(db.select(B.bookId).from(B).where(nestedNot(B.bookId.le(ids.get(2)), evenNots - 1)).orderBy(B.bookId.asc())
                .fetch().stream().map(Record1::value1).toList()).containsExactlyElementsOf(ids.subList(3, 10));
        assertThatThrownBy(() -> db.select(B.bookId).from(B).where(nestedNot(B.bookId.le(3), evenNots + 1)).fetch())
                .isInstanceOf(StatementTooLargeException.class);

        // alternating AND/OR: junctions at levels 1 .. LIMIT - 2, the first comparison at LIMIT - 1
        AndOr andOr = alternatingAndOr(LIMIT - 2, ids);
        List<Integer> expected = ids.stream().filter(i -> andOr.predicate().test(i)).toList();
        assertThat(expected).as("a result that shows the logic").isNotEmpty().hasSizeLessThan(ids.size());
        assertThat(db.select(B.bookId).from(B).where(andOr.condition()).orderBy(B.bookId.asc()).fetch()
                .stream().map(Record1::value1).toList()).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> db.select(B.bookId).from(B).where(alternatingAndOr(LIMIT - 1, ids).condition()).fetch())
                .isInstanceOf(StatementTooLargeException.class);
    }

    @Test
    void statementsAtTheLimitRunOnASmallStack() {
        List<Integer> ids = insertBooks(10);
        int id = ids.get(4);
        Field<Integer> plus = nestedPlus(LIMIT - 1);
        assertThat(onSmallStack(() -> db.select(plus).from(B).where(B.bookId.eq(id)).fetchValue(plus))).isEqualTo(id + LIMIT - 1);
        record Plus(int value) {}
        assertThat(onSmallStack(() -> db.select(plus).from(B).where(B.bookId.eq(id)).fetchInto(Plus.class)))
                .as("the fetchInto mapper cache hashes the select list").containsExactly(new Plus(id + LIMIT - 1));
        assertThat(onSmallStack(() -> db.select(B.bookId).from(B).where(nestedNot(B.bookId.le(ids.get(2)), LIMIT - 2)).fetch()))
                .hasSize(3);
        AndOr andOr = alternatingAndOr(LIMIT - 2, ids);
        assertThat(onSmallStack(() -> db.select(B.bookId).from(B).where(andOr.condition()).fetch()))
                .hasSize((int) ids.stream().filter(i -> andOr.predicate().test(i)).count());
    }

    /** A table whose CHECK condition nests 200 NOTs. */
    public static final class DeepCheck extends Table {
        /** The singleton. */
        public static final DeepCheck DEEP_CHECK = new DeepCheck();
        /** A value whose check is too deep to render. */
        public final Column<Integer> v = integer("v").check(c -> nestedNot(c.ge(0), 200));

        private DeepCheck() { super("qk_deep_check"); }
    }

    @Test
    void aTooDeepCheckConstraintFailsWhenItsDdlIsRendered() {
        assertTooDeep(thrownBy(() -> Ddl.create(db, DeepCheck.DEEP_CHECK)), "Negation");
        assertThatThrownBy(() -> db.select(count()).from(DeepCheck.DEEP_CHECK).fetch())
                .as("no table was created").isInstanceOf(DataAccessException.class);
    }

    // ---- IN lists and bind parameters ----

    @Test
    void theDialectReportsItsBindLimit() {
        assertThat(db.dialect().maxBindParameters()).isEqualTo(expectedMaxBindParameters());
    }

    private List<Integer> selectIds(Condition where) {
        return db.select(B.bookId).from(B).where(where).orderBy(B.bookId.asc()).fetch().stream().map(Record1::value1).toList();
    }

    @Test
    void anInListOfOneHundredThousandValues() {
        List<Integer> ids = insertBooks(2_000);
        int firstId = ids.get(0);
        // every other id from the first one on, far past the table's last id
        List<Integer> values = IntStream.range(0, 100_000).map(i -> firstId + 2 * i).boxed().toList();
        List<Integer> matching = ids.stream().filter(i -> (i - firstId) % 2 == 0).toList();
        List<Integer> others = ids.stream().filter(i -> (i - firstId) % 2 != 0).toList();
        assertThat(matching).hasSize(1_000);
        if (longInListsAreOneArray()) {
            assertThat(selectIds(B.bookId.in(values))).containsExactlyElementsOf(matching);
            assertThat(selectIds(B.bookId.notIn(values))).containsExactlyElementsOf(others);
            assertThat(db.update(B).set(B.title, "odd").where(B.bookId.notIn(values)).execute()).isEqualTo(1_000);
            return;
        }
        String dialect = db.dialect().name();
        String max = String.format(java.util.Locale.ROOT, "%,d", expectedMaxBindParameters());
        Throwable in = thrownBy(() -> selectIds(B.bookId.in(values)));
        assertThat(in).isInstanceOf(StatementTooLargeException.class).hasMessage("in(...) on column qk_book.book_id has 100,000 "
                + "values, more than the " + max + " bind parameters one " + dialect + " statement can carry "
                + "(Dialect.maxBindParameters()); nothing was sent. Put the values into a table (a temporary table will do) "
                + "and use in(select ...) instead, or run the query once per chunk of at most " + max + " values");
        assertThat(((StatementTooLargeException) in).limit()).isEqualTo(StatementTooLargeException.Limit.BIND_PARAMETERS);
        assertThat(((StatementTooLargeException) in).found()).isEqualTo(100_000);
        assertThat(((StatementTooLargeException) in).maximum()).isEqualTo(expectedMaxBindParameters());
        assertThatThrownBy(() -> db.update(B).set(B.title, "odd").where(B.bookId.notIn(values)).execute())
                .isInstanceOf(StatementTooLargeException.class).hasMessage("notIn(...) on column qk_book.book_id has 100,000 "
                        + "values, more than the " + max + " bind parameters one " + dialect + " statement can carry "
                        + "(Dialect.maxBindParameters()); nothing was sent. Put the values into a table (a temporary table will do) "
                        + "and use notIn(select ...) instead");
        assertThat(db.select(count()).from(B).where(B.title.eq("odd")).fetchValue(count())).as("nothing updated").isZero();
    }

    @Test
    void inListsBetweenThePaddedSizeAndTheBindLimitRunEverywhere() {
        List<Integer> ids = insertBooks(50);
        int firstId = ids.get(0);
        for (int size : new int[] {SqlBuilder.MAX_PADDED_IN_LIST + 1, 5_000, expectedMaxBindParameters()}) {
            // the table's ids 10 .. 19 (by position), and values that match nothing
            List<Integer> values = new ArrayList<>(size);
            for (int i = 0; i < 10; i++) values.add(ids.get(10 + i));
            for (int i = 10; i < size; i++) values.add(-i);
            assertThat(values).hasSize(size);
            assertThat(selectIds(B.bookId.in(values))).as("IN of %d values", size).containsExactlyElementsOf(ids.subList(10, 20));
            assertThat(selectIds(B.bookId.notIn(values))).as("NOT IN of %d values", size)
                    .hasSize(40).doesNotContainAnyElementsOf(ids.subList(10, 20)).startsWith(firstId);
        }
        List<Integer> oneMore = IntStream.rangeClosed(1, expectedMaxBindParameters() + 1).boxed().toList();
        if (longInListsAreOneArray()) {
            assertThat(selectIds(B.bookId.in(oneMore))).hasSize(50);
        } else {
            assertThatThrownBy(() -> selectIds(B.bookId.in(oneMore))).isInstanceOf(StatementTooLargeException.class)
                    .hasMessageContaining("has " + String.format(java.util.Locale.ROOT, "%,d", expectedMaxBindParameters() + 1) + " values");
        }
    }

    @Test
    void oneJunctionOfManyConditionsNestsOneLevelAndRunsEverywhere() {
        List<Integer> ids = insertBooks(20);
        // 5,000 conditions: SQLite nests a chain of n conditions n levels deep and refuses 1,000
        List<Condition> more = new ArrayList<>();
        for (int i = 1; i < 5_000; i++) more.add(B.bookId.eq(i % 5 == 0 ? ids.get(i % 20) : -i));
        Condition any = Dsl.or(B.bookId.eq(ids.get(0)), more.toArray(Condition[]::new));
        List<Integer> expected = IntStream.range(0, 20).filter(i -> i == 0 || i % 5 == 0).mapToObj(ids::get).toList();
        assertThat(selectIds(any)).containsExactlyElementsOf(expected);
        Condition loop = B.bookId.ne(-1);
        for (int i = 1; i < 5_000; i++) loop = loop.and(B.bookId.ne(i % 5 == 0 ? ids.get(i % 20) : -i));
        assertThat(selectIds(loop)).as("a loop of and() is flattened as well")
                .containsExactlyElementsOf(ids.stream().filter(i -> !expected.contains(i)).toList());
    }

    @Test
    void aStatementWithMoreBindParametersThanTheDialectAllowsIsNeverSent() {
        List<Integer> ids = insertBooks(5);
        int max = expectedMaxBindParameters();
        Condition[] conditions = IntStream.rangeClosed(1, max).mapToObj(i -> B.bookId.eq(-i)).toArray(Condition[]::new);
        // the SET value, the first comparison and max more: two bind parameters too many
        Throwable thrown = thrownBy(() -> db.update(B).set(B.title, "changed").where(Dsl.or(B.bookId.eq(ids.get(0)), conditions)).execute());
        // the statement's start; on SQLite the conditions are grouped in parenthesized halves
        assertThat(thrown).isInstanceOf(StatementTooLargeException.class).hasMessageStartingWith(String.format(java.util.Locale.ROOT,
                "The statement has %,d bind parameters, more than the %,d one %s statement can carry (Dialect.maxBindParameters()); "
                        + "nothing was sent. Split the work into several statements, or put the values into a table and select "
                        + "them from there. The statement begins: %s", max + 2, max, db.dialect().name(),
                db.update(B).set(B.title, "changed").all().render(db.dialect()).sql() + " WHERE ")).hasMessageEndingWith("...");
        assertThat(((StatementTooLargeException) thrown).limit()).isEqualTo(StatementTooLargeException.Limit.BIND_PARAMETERS);
        assertThat(((StatementTooLargeException) thrown).found()).isEqualTo(max + 2);
        assertThat(db.select(count()).from(B).where(B.title.eq("changed")).fetchValue(count())).as("nothing updated").isZero();
        // one parameter less runs
        Condition[] fewer = java.util.Arrays.copyOf(conditions, max - 2);
        assertThat(db.update(B).set(B.title, "changed").where(Dsl.or(B.bookId.eq(ids.get(0)), fewer)).execute()).isEqualTo(1);
    }

    @Test
    void manyRowInsertsCountTheUpdateClauseAgainstTheBindLimit() {
        int max = expectedMaxBindParameters();
        assertThat(max % 3).as("three columns fill a statement exactly").isZero();
        int rows = max / 3;
        // rows x 3 values fill one statement exactly; the ON CONFLICT update value is one more
        Insert upsert = db.insertInto(A, IntStream.range(0, rows).boxed().toList(),
                        (r, i) -> r.set(A.name, "a" + i).set(A.born, 1900 + i % 100).set(A.active, true))
                .onConflict(A.name).doUpdate(u -> u.set(A.born, 1800));
        List<Rendered> chunks = upsert.renderChunks(db.dialect());
        assertThat(chunks).hasSize(2);
        assertThat(chunks).allSatisfy(r -> assertThat(r.binds().size()).isLessThanOrEqualTo(max));
        assertThat(chunks.get(0).binds().size() + chunks.get(1).binds().size()).isEqualTo(rows * 3 + 2);
        upsert.execute();
        assertThat(db.select(count()).from(A).fetchValue(count())).isEqualTo((long) rows);
        assertThat(db.select(count()).from(A).where(A.born.eq(1800)).fetchValue(count())).isZero();
    }
}
