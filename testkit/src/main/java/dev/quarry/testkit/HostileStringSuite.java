package dev.quarry.testkit;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Transaction;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every string of the hostile-string corpus ({@link HostileStrings}: the 600-odd strings of the corpus
 * file and generated values of 4 KiB to 1 MiB) is written and read back byte for byte through a many-row
 * insert, single inserts, updates and upserts (by key and by the text itself as a UNIQUE key); {@code eq}
 * finds exactly the row holding each string; and {@code startsWith}, {@code endsWith} and
 * {@code contains} return, for every string as the literal text, exactly the rows for which Java's
 * {@code String.startsWith}, {@code endsWith} and {@code contains} are true over the whole corpus, so that a
 * false positive fails as well as a miss. A sentinel table, whose name some of the strings try to drop, is
 * checked unchanged after every test. Each dialect module runs it on its real database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostileStringSuite {
    /** The longest text, in UTF-8 bytes, kept in the UNIQUE text key of {@link Keyed}. */
    static final int KEY_BYTES = 512;

    /** Every corpus string by id (its index): the many-row insert writes them, eq and the LIKE helpers read them. */
    public static final class Texts extends Table {
        /** The singleton. */
        public static final Texts TEXTS = new Texts();
        /** The string's index in the corpus. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** The string. */
        public final Column<String> v = text("v");

        private Texts() { super("qh_text"); }
    }

    /** Single inserts and updates. */
    public static final class Singles extends Table {
        /** The singleton. */
        public static final Singles SINGLES = new Singles();
        /** The key. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** A string of the corpus. */
        public final Column<String> v = text("v").nullable();

        private Singles() { super("qh_single"); }
    }

    /** Upserts by key. */
    public static final class Upserts extends Table {
        /** The singleton. */
        public static final Upserts UPSERTS = new Upserts();
        /** The conflict key. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** A string of the corpus. */
        public final Column<String> v = text("v");

        private Upserts() { super("qh_upsert"); }
    }

    /** The strings themselves as a UNIQUE key (those of at most {@value #KEY_BYTES} UTF-8 bytes). */
    public static final class Keyed extends Table {
        /** The singleton. */
        public static final Keyed KEYED = new Keyed();
        /** A surrogate key. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** The string as a unique key. */
        public final Column<String> k = varchar("k", KEY_BYTES).unique();
        /** How often the string was upserted. */
        public final Column<Integer> n = integer("n");

        private Keyed() { super("qh_key"); }
    }

    /** Rows that no statement of the suite may change. */
    public static final class Sentinel extends Table {
        /** The singleton. */
        public static final Sentinel SENTINEL = new Sentinel();
        /** The key. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** A name. */
        public final Column<String> name = varchar("name", 60);
        /** An amount. */
        public final Column<Integer> amount = integer("amount");

        private Sentinel() { super("qh_sentinel"); }
    }

    private static final Texts T = Texts.TEXTS;
    private static final Singles S = Singles.SINGLES;
    private static final Upserts U = Upserts.UPSERTS;
    private static final Keyed K = Keyed.KEYED;
    private static final Sentinel SENTINEL = Sentinel.SENTINEL;
    private static final Table[] TABLES = {T, S, U, K, SENTINEL};
    private static final List<String> SENTINEL_ROWS = List.of(
            "1|keep me|100", "2|'; DROP TABLE qh_sentinel; --|200", "3|qh_sentinel|300");

    /** The database under test, open for the whole class. */
    protected Database db;

    /** The corpus, then the generated long values; the index is the id. */
    private List<String> strings;

    /**
     * Opens the database under test. Called once per test class.
     *
     * @return an open database; the suite closes it after the last test
     */
    protected abstract Database openDatabase();

    @BeforeAll
    final void setUp() {
        strings = new ArrayList<>(HostileStrings.corpus());
        strings.addAll(HostileStrings.generated());
        assertThat(HostileStrings.corpus()).hasSizeGreaterThanOrEqualTo(500);
        assertThat(strings).doesNotHaveDuplicates();
        db = openDatabase();
        Ddl.drop(db, TABLES);
        Ddl.create(db, TABLES);
        db.insertInto(SENTINEL, SENTINEL_ROWS, (r, line) -> {
            String[] p = line.split("\\|");
            r.set(SENTINEL.id, Integer.parseInt(p[0])).set(SENTINEL.name, p[1]).set(SENTINEL.amount, Integer.parseInt(p[2]));
        }).execute();
        db.insertInto(T, ids(), (r, i) -> r.set(T.id, i).set(T.v, strings.get(i))).execute();
    }

    @AfterAll
    final void tearDown() {
        if (db == null) return;
        try {
            Ddl.drop(db, TABLES);
        } finally {
            db.close();
        }
    }

    @AfterEach
    final void sentinelIsUnchanged() {
        assertThat(db.select(SENTINEL.id, SENTINEL.name, SENTINEL.amount).from(SENTINEL).orderBy(SENTINEL.id.asc())
                .fetch(r -> r.get(SENTINEL.id) + "|" + r.get(SENTINEL.name) + "|" + r.get(SENTINEL.amount)))
                .containsExactlyElementsOf(SENTINEL_ROWS);
    }

    private List<Integer> ids() {
        return IntStream.range(0, strings.size()).boxed().toList();
    }

    @Test
    void aManyRowInsertKeepsEveryByte() {
        assertRows(T.id, T.v, expected(i -> strings.get(i)), "many-row insert");
    }

    @Test
    void singleInsertsAndUpdatesKeepEveryByte() {
        int n = strings.size();
        db.transaction(tx -> {
            for (int i = 0; i < n; i++) {
                int id = i;
                tx.insertInto(S, r -> r.set(S.id, id).set(S.v, strings.get(id))).execute();
            }
            return null;
        });
        assertRows(S.id, S.v, expected(i -> strings.get(i)), "single insert");
        db.transaction(tx -> {
            for (int i = 0; i < n; i++) {
                assertThat(tx.update(S).set(S.v, strings.get(n - 1 - i)).where(S.id.eq(i)).execute()).isEqualTo(1);
            }
            return null;
        });
        assertRows(S.id, S.v, expected(i -> strings.get(n - 1 - i)), "update");
    }

    @Test
    void upsertsInsertAndUpdateEveryByte() {
        int n = strings.size();
        upsertAll(i -> strings.get(i));
        assertRows(U.id, U.v, expected(i -> strings.get(i)), "upsert inserting");
        upsertAll(i -> strings.get((i + 1) % n));
        assertRows(U.id, U.v, expected(i -> strings.get((i + 1) % n)), "upsert updating");
    }

    private void upsertAll(java.util.function.IntFunction<String> value) {
        db.transaction(tx -> {
            for (int i = 0; i < strings.size(); i++) {
                int id = i;
                tx.insertInto(U, r -> r.set(U.id, id).set(U.v, value.apply(id)))
                        .onConflict(U.id).doUpdate(set -> set.set(U.v, Dsl.excluded(U.v))).execute();
            }
            return null;
        });
    }

    /**
     * Every short string is a UNIQUE key of its own: none is taken for another (trailing blanks, case,
     * composed and decomposed forms all differ), an upsert on the text updates exactly its own row, and
     * {@code eq} on the VARCHAR key finds exactly that row.
     */
    @Test
    void textKeysKeepEveryStringApart() {
        List<String> keys = strings.stream().filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= KEY_BYTES).toList();
        assertThat(keys).hasSizeGreaterThanOrEqualTo(500);
        db.insertInto(K, IntStream.range(0, keys.size()).boxed().toList(),
                (r, i) -> r.set(K.id, i).set(K.k, keys.get(i)).set(K.n, 0)).execute();
        db.transaction(tx -> {
            for (int i = 0; i < keys.size(); i++) {
                int id = i;
                tx.insertInto(K, r -> r.set(K.id, keys.size() + id).set(K.k, keys.get(id)).set(K.n, 1))
                        .onConflict(K.k).doUpdate(set -> set.set(K.n, Dsl.excluded(K.n))).execute();
            }
            return null;
        });
        Map<Integer, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) expected.put(i, keys.get(i));
        assertRows(K.id, K.k, expected, "upsert on a text key");
        assertThat(db.select(K.id).from(K).where(K.n.ne(1)).fetch(r -> r.get(K.id))).as("rows the upsert did not reach").isEmpty();
        db.transaction(tx -> {
            for (int i = 0; i < keys.size(); i++) {
                List<Integer> found = tx.select(K.id).from(K).where(K.k.eq(keys.get(i))).fetch(r -> r.get(K.id));
                if (!found.equals(List.of(i))) fail("eq(" + describe(keys.get(i)) + ") on the VARCHAR key found ids " + found + ", expected [" + i + "]");
            }
            return null;
        });
    }

    @Test
    void eqFindsExactlyTheRowHoldingEachString() {
        db.transaction(tx -> {
            for (int i = 0; i < strings.size(); i++) {
                List<Integer> found = tx.select(T.id).from(T).where(T.v.eq(strings.get(i))).fetch(r -> r.get(T.id));
                if (!found.equals(List.of(i))) fail("eq(" + describe(strings.get(i)) + ") found ids " + found + ", expected [" + i + "]");
            }
            return null;
        });
    }

    @Test
    void startsWithFindsWhatJavaFinds() {
        agreesWithJava("startsWith", Field::startsWith, String::startsWith);
    }

    @Test
    void endsWithFindsWhatJavaFinds() {
        agreesWithJava("endsWith", Field::endsWith, String::endsWith);
    }

    @Test
    void containsFindsWhatJavaFinds() {
        agreesWithJava("contains", Field::contains, String::contains);
    }

    /** For every string as the literal text: the ids the helper selects equal those Java's test accepts, over all rows. */
    private void agreesWithJava(String helper, BiFunction<Field<String>, String, Condition> condition, BiPredicate<String, String> java) {
        List<String> failures = new ArrayList<>();
        db.transaction(tx -> {
            for (String text : strings) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < strings.size(); i++) if (java.test(strings.get(i), text)) expected.add(i);
                List<Integer> found = select(tx, condition.apply(T.v, text));
                if (!found.equals(expected) && failures.size() < 10) {
                    failures.add(helper + "(" + describe(text) + ") found " + describeIds(found) + ", Java finds " + describeIds(expected));
                }
            }
            return null;
        });
        assertThat(failures).as("%s against Java's String.%s over %d strings", helper, helper, strings.size()).isEmpty();
    }

    private static List<Integer> select(Transaction tx, Condition condition) {
        return tx.select(T.id).from(T).where(condition).orderBy(T.id.asc()).fetch(r -> r.get(T.id));
    }

    private Map<Integer, String> expected(java.util.function.IntFunction<String> value) {
        Map<Integer, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < strings.size(); i++) expected.put(i, value.apply(i));
        return expected;
    }

    /** Reads every row of a table and compares each text with the expected one, byte for byte. */
    private void assertRows(Column<Integer> id, Column<String> text, Map<Integer, String> expected, String path) {
        Map<Integer, String> actual = new LinkedHashMap<>();
        for (var r : db.select(id, text).from(id.table()).orderBy(id.asc()).fetch()) actual.put(r.get(id), r.get(text));
        assertThat(actual.keySet()).as("ids after %s", path).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            String got = actual.get(e.getKey());
            if (!e.getValue().equals(got)) fail(path + " changed string " + e.getKey() + ": " + difference(e.getValue(), got));
        }
    }

    /** Where two texts first differ, as UTF-8 bytes in hex. */
    static String difference(String expected, String actual) {
        if (actual == null) return "wrote " + describe(expected) + ", read NULL";
        byte[] a = expected.getBytes(StandardCharsets.UTF_8);
        byte[] b = actual.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) i++;
        HexFormat hex = HexFormat.ofDelimiter(" ");
        return "wrote " + a.length + " bytes, read " + b.length + "; first difference at byte " + i + ": wrote ["
                + hex.formatHex(a, i, Math.min(a.length, i + 12)) + "], read [" + hex.formatHex(b, i, Math.min(b.length, i + 12))
                + "] in " + describe(expected);
    }

    /** A string for a message: escaped, and cut after 60 characters with its length. */
    static String describe(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().limit(60).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || cp == '"' || cp == '\\' || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.NON_SPACING_MARK || Character.isWhitespace(cp) && cp != ' ') {
                out.append(String.format("\\u{%X}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        out.append('"');
        int points = s.codePointCount(0, s.length());
        if (points > 60) out.append("…(").append(points).append(" code points)");
        return out.toString();
    }

    private static String describeIds(List<Integer> ids) {
        return ids.size() <= 12 ? ids.toString() : ids.subList(0, 12) + "…(" + ids.size() + " ids)";
    }
}
