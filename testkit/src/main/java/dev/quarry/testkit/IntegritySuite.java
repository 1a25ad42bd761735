package dev.quarry.testkit;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Writes that must be all or nothing, and failures that must not tell secrets, on a real database, run
 * by every dialect module: a many-row {@code INSERT ... RETURNING} that needs several statements commits
 * nothing when its last row fails; the exceptions of a database that declares sensitive columns
 * ({@code Database.Builder.sensitiveColumns}) hold none of the values the server quoted (a duplicate key,
 * a failing row), in their message, their cause chain and anything suppressed, while a database without
 * such columns shows them (where the server quotes values at all).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegritySuite {
    /** Rows of many-row inserts. */
    public static final class Bulk extends Table {
        /** The singleton. */
        public static final Bulk BULK = new Bulk();
        /** Key, given by the test. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** A short text. */
        public final Column<String> name = varchar("name", 20);

        private Bulk() { super("qi_bulk"); }
    }

    /** A table with a secret column. */
    public static final class Secret extends Table {
        /** The singleton. */
        public static final Secret SECRET = new Secret();
        /** Key, given by the test. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** The secret, unique. */
        public final Column<String> token = varchar("token", 64).unique();
        /** A name, not null. */
        public final Column<String> name = varchar("name", 40);

        private Secret() { super("qi_secret"); }
    }

    /** A table whose name and column names are reserved words or need quoting on every database. */
    public static final class Odd extends Table {
        /** The singleton. */
        public static final Odd ODD = new Odd();
        /** A reserved word as key. */
        public final Column<Integer> select = integer("select").primaryKey();
        /** A reserved word. */
        public final Column<String> from = varchar("from", 40);
        /** A double quote inside the name. */
        public final Column<String> quoted = varchar("a\"b", 40).nullable();
        /** A backtick inside the name. */
        public final Column<String> backtick = varchar("a`b", 40).nullable();
        /** A space and a dash inside the name. */
        public final Column<Integer> spaced = integer("with space-and-dash").nullable();
        /** Letters outside ASCII. */
        public final Column<Integer> accented = integer("ünïcödé").nullable();

        private Odd() { super("order"); }

        { uniqueIndex(from); }
    }

    private static final Bulk B = Bulk.BULK;
    private static final Secret S = Secret.SECRET;
    private static final String SECRET_PART = "S3CR3T";

    /** The suite's database, without sensitive columns. */
    protected Database db;
    /** The same database, declaring {@code qi_secret.token} sensitive. */
    protected Database guarded;

    /** @return a new builder of the suite's own database on every call */
    protected abstract Database.Builder builder();

    /**
     * @return whether the server repeats values in its messages (PostgreSQL's {@code Key (...)=(...)},
     *         MariaDB's {@code Duplicate entry '...'}); SQLite names only the constraint
     */
    protected abstract boolean serverQuotesValues();

    @BeforeAll
    final void openAll() {
        db = builder().build();
        guarded = builder().sensitiveColumns(S.token).build();
        Ddl.drop(db, B, S);
    }

    @AfterAll
    final void closeAll() {
        if (db != null) db.close();
        if (guarded != null) guarded.close();
    }

    @BeforeEach
    final void create() {
        Ddl.create(db, B, S);
        db.insertInto(B, r -> r.set(B.id, 0).set(B.name, "sentinel")).execute();
        db.insertInto(S, r -> r.set(S.id, 1).set(S.token, "tok-" + SECRET_PART + "-1234").set(S.name, "first")).execute();
    }

    @AfterEach
    final void drop() {
        Ddl.drop(db, B, S);
    }

    // ---- atomic many-row INSERT ... RETURNING ------------------------------------------------------

    @Test
    void aManyRowInsertReturningInSeveralStatementsIsAtomic() {
        List<Integer> ids = IntStream.rangeClosed(1, 70_000).map(i -> i == 70_000 ? 1 : i).boxed().toList();
        var insert = db.insertInto(B, ids, (r, id) -> r.set(B.id, id).set(B.name, "n" + id)).returning(B.id);
        assertThat(insert.renderChunks(db.dialect())).as("the insert needs several statements").hasSizeGreaterThan(1);
        Throwable thrown = catchThrowable(insert::fetch);
        assertThat(thrown).isInstanceOf(UniqueViolationException.class);
        assertThat(db.select(count()).from(B).fetchOne().value1()).as("rows committed").isEqualTo(1);
        assertThat(db.select(B.name).from(B).where(B.id.eq(0)).fetchOne().value1()).isEqualTo("sentinel");
    }

    @Test
    void aManyRowInsertReturningInSeveralStatementsReturnsEveryRowInOrder() {
        List<Integer> ids = IntStream.rangeClosed(1, 70_000).boxed().toList();
        List<Row> rows = db.insertInto(B, ids, (r, id) -> r.set(B.id, id).set(B.name, "n" + id)).returning(B.id).fetch();
        assertThat(rows).extracting(r -> r.get(B.id)).isEqualTo(ids);
        assertThat(db.select(count()).from(B).fetchOne().value1()).isEqualTo(70_001);
    }

    @Test
    void aManyRowInsertReturningInATransactionRollsBackWithIt() {
        List<Integer> ids = IntStream.rangeClosed(1, 70_000).map(i -> i == 70_000 ? 1 : i).boxed().toList();
        Throwable thrown = catchThrowable(() -> db.runInTransaction(tx ->
                tx.insertInto(B, ids, (r, id) -> r.set(B.id, id).set(B.name, "n" + id)).returning(B.id).fetch()));
        assertThat(thrown).isInstanceOf(UniqueViolationException.class);
        assertThat(db.select(count()).from(B).fetchOne().value1()).isEqualTo(1);
    }

    // ---- reserved and odd identifiers ----------------------------------------------------------------

    @Test
    void reservedWordsAndOddCharactersInNamesWork() {
        Odd o = Odd.ODD;
        Ddl.drop(db, o);
        Ddl.create(db, o);
        try {
            db.insertInto(o, List.of(1, 2, 3), (r, i) -> r.set(o.select, i).set(o.from, "f" + i).set(o.quoted, "q\"" + i)
                    .set(o.backtick, "b`" + i).set(o.spaced, i * 10).set(o.accented, -i)).execute();
            db.insertInto(o, r -> r.set(o.select, 4).set(o.from, "f1").set(o.spaced, 0)).onConflict(o.from)
                    .doUpdate(u -> u.set(o.spaced, 99)).execute();
            assertThat(db.update(o).set(o.quoted, "changed").where(o.accented.eq(-2)).execute()).isEqualTo(1);
            assertThat(db.deleteFrom(o).where(o.backtick.eq("b`3")).execute()).isEqualTo(1);
            assertThat(db.select(o.select, o.from, o.quoted, o.backtick, o.spaced, o.accented).from(o)
                    .where(o.from.startsWith("f")).orderBy(o.spaced.desc()).fetch(r -> r.value1() + "|" + r.value2() + "|"
                            + r.value3() + "|" + r.value4() + "|" + r.value5() + "|" + r.value6()))
                    .containsExactly("1|f1|q\"1|b`1|99|-1", "2|f2|changed|b`2|20|-2");
        } finally {
            Ddl.drop(db, o);
        }
    }

    // ---- secrets ---------------------------------------------------------------------------------------

    @Test
    void aDuplicateSecretIsNotInTheException() {
        Throwable shown = catchThrowable(() -> db.insertInto(S, r -> r.set(S.id, 2).set(S.token, "tok-" + SECRET_PART + "-1234")
                .set(S.name, "second")).execute());
        assertThat(shown).isInstanceOf(UniqueViolationException.class);
        if (serverQuotesValues()) assertThat(everything(shown)).as("without sensitive columns the server's text stays").contains(SECRET_PART);

        Throwable hidden = catchThrowable(() -> guarded.insertInto(S, r -> r.set(S.id, 2).set(S.token, "tok-" + SECRET_PART + "-1234")
                .set(S.name, "second")).execute());
        assertThat(hidden).isInstanceOfSatisfying(UniqueViolationException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(((DataAccessException) shown).sqlState());
            assertThat(e.sql()).startsWith("INSERT INTO");
        });
        assertThat(everything(hidden)).doesNotContain(SECRET_PART);
        if (serverQuotesValues()) assertThat(hidden.getMessage()).contains("***");
        assertThat(hidden.getCause()).isInstanceOf(SQLException.class);
    }

    @Test
    void aFailingRowWithASecretIsNotInTheException() {
        Throwable hidden = catchThrowable(() -> guarded.insertInto(S, r -> r.set(S.id, 3).set(S.token, "tok-" + SECRET_PART + "-5678")
                .setNull(S.name)).execute());
        assertThat(hidden).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qi_secret.name");
        Throwable server = catchThrowable(() -> guarded.update(S).set(S.token, "tok-" + SECRET_PART + "-5678")
                .set(S.name, dev.quarry.dsl.Dsl.sql(dev.quarry.dsl.DataType.varchar(40), "NULL")).where(S.id.eq(1)).execute());
        assertThat(server).isInstanceOf(NotNullViolationException.class);
        assertThat(everything(server)).doesNotContain(SECRET_PART);
    }

    @Test
    void aDuplicateSecretInABatchIsNotInTheException() {
        List<Integer> ids = List.of(10, 11, 12);
        Throwable hidden = catchThrowable(() -> guarded.insertInto(S, ids, (r, id) -> r.set(S.id, id)
                .set(S.token, id == 12 ? "tok-" + SECRET_PART + "-1234" : "tok-" + id).set(S.name, "n")).execute());
        assertThat(hidden).isInstanceOf(UniqueViolationException.class);
        assertThat(everything(hidden)).doesNotContain(SECRET_PART);
        assertThat(db.select(count()).from(S).fetchOne().value1()).isEqualTo(1);
    }

    /**
     * Everything a log line or a stack trace would show of an exception: its {@code toString()} and
     * those of its causes, suppressed exceptions and chained SQL exceptions, recursively.
     */
    protected static String everything(Throwable t) {
        StringBuilder out = new StringBuilder();
        collect(t, out, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return out.toString();
    }

    private static void collect(Throwable t, StringBuilder out, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) return;
        out.append(t).append('\n');
        collect(t.getCause(), out, seen);
        for (Throwable s : t.getSuppressed()) collect(s, out, seen);
        if (t instanceof SQLException e) collect(e.getNextException(), out, seen);
    }
}
