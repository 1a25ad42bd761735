package dev.quarry.testkit;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Text compares by code point on every dialect, whatever the database's own default collation: equality,
 * UNIQUE keys and upserts see trailing spaces and case; ORDER BY sorts by code point (not UTF-16 code
 * units, not a language's rules); {@code startsWith}, {@code endsWith} and {@code contains} are literal,
 * case-sensitive and exact for values of a mebibyte; and a column declared with {@code collate(name)}
 * gets the database's named collation. Two bind values compare by the database's rules for values that
 * are not columns (hooks say which). Each dialect module runs
 * it on its real database, created with a default collation that differs from code-point order where the
 * database has one (a PostgreSQL database with an ICU {@code en-US} collation, a MariaDB database whose
 * default is {@code utf8mb4_unicode_ci}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CollationSuite {
    /** Words with a UNIQUE key. */
    public static final class Words extends Table {
        /** The singleton. */
        public static final Words WORDS = new Words();
        /** The key. */
        public final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        /** A unique word. */
        public final Column<String> word = varchar("word", 100).unique();
        /** A note the upserts change. */
        public final Column<String> note = text("note").nullable();

        private Words() { super("qc_word"); }
    }

    /** Long texts. */
    public static final class Docs extends Table {
        /** The singleton. */
        public static final Docs DOCS = new Docs();
        /** The key. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** The text, up to a few MiB. */
        public final Column<String> body = text("body");
        /** A short copy in a fixed-length-free VARCHAR. */
        public final Column<String> title = varchar("title", 200).nullable();

        private Docs() { super("qc_doc"); }
    }

    /** Two columns, one of them with a declared collation. */
    public static final class Named extends Table {
        /** The key. */
        public final Column<Integer> id;
        /** Quarry's code-point order. */
        public final Column<String> plain;
        /** The declared collation. */
        public final Column<String> named;

        /** @param collation the collation of {@link #named} */
        public Named(String collation) {
            super("qc_named");
            id = integer("id").primaryKey();
            plain = varchar("plain", 50);
            named = varchar("named", 50).collate(collation);
        }
    }

    private static final Words W = Words.WORDS;
    private static final Docs D = Docs.DOCS;

    /** Words in code point order (which is not UTF-16 order: U+FB00 sorts before U+1F600 here, after it in a Java String compare). */
    static final List<String> CODE_POINT_ORDER = List.of(
            "", "\t", " ", " a", "A", "AB", "Apple", "B", "USA", "United Kingdom", "Z", "Zebra", "a", "a ", "a  ", "ab",
            "apple", "b", "united kingdom", "usa", "z", "zebra", "\u00c4", "\u00df", "\u00e4", "\u00e9clair", "\u0130",
            "\u03a9", "\u4e2d\u6587", "\uE000", "\ufb00", "\uff21", "\uD835\uDC00", "\uD83D\uDE00", "\uD841\uDF0E");

    /** The database under test. */
    protected Database db;
    private Named named;

    /**
     * Opens the database under test, once per class.
     *
     * @return an open database; the suite closes it after the last test
     */
    protected abstract Database openDatabase();

    /**
     * @return the name of a collation of this database under which {@code "United Kingdom"} sorts before
     *         {@code "USA"} (a language's rules or a case-insensitive one), for {@code Column.collate}
     */
    protected abstract String linguisticCollation();

    /**
     * @return whether {@code like(pattern)} ignores the case of ASCII letters on this database (SQLite's LIKE
     *         does; PostgreSQL's and MySQL's on Quarry's binary collations do not)
     */
    protected boolean likeIgnoresAsciiCase() { return false; }

    /**
     * @return whether two bind values (not columns) are equal only when their code points are: true on
     *         SQLite and PostgreSQL (a deterministic collation is byte equality); false on MariaDB, where a
     *         parameter of a server-side prepared statement (Quarry's default) takes the default collation
     *         of utf8mb4, {@code utf8mb4_general_ci}, whatever the connection's collation
     */
    protected boolean bindValuesEqualByCodePoint() { return true; }

    /**
     * @return whether two bind values sort by code point: PostgreSQL sorts them by the database's default
     *         collation (code-point order only in a database created with C or C.UTF-8), MariaDB by
     *         {@code utf8mb4_general_ci} (see {@link #bindValuesEqualByCodePoint()})
     */
    protected boolean bindValuesSortByCodePoint() { return bindValuesEqualByCodePoint(); }

    /** Runs after the database is closed: a subclass drops a database it created. */
    protected void afterClose() {
        // nothing by default
    }

    @BeforeAll
    final void open() {
        db = openDatabase();
        named = new Named(linguisticCollation());
        Ddl.drop(db, W, D, named);
    }

    @AfterAll
    final void close() {
        try {
            if (db != null) db.close();
        } finally {
            afterClose();
        }
    }

    @BeforeEach
    final void create() {
        Ddl.create(db, W, D, named);
    }

    @AfterEach
    final void drop() {
        Ddl.drop(db, W, D, named);
    }

    private void insertWords(List<String> words) {
        db.insertInto(W, words, (r, w) -> r.set(W.word, w)).execute();
    }

    private List<String> words(Condition where) {
        return db.select(W.word).from(W).where(where).orderBy(W.id.asc()).fetch(r -> r.get(W.word));
    }

    @Test
    void trailingSpacesCountInEqualityUniqueKeysAndUpserts() {
        insertWords(List.of("ABC", "ABC ", "x", "x ", "x\t"));
        assertThat(words(W.word.eq("x"))).containsExactly("x");
        assertThat(words(W.word.eq("x "))).containsExactly("x ");
        assertThat(words(W.word.eq("ABC"))).containsExactly("ABC");
        assertThat(words(W.word.ne("ABC").and(W.word.startsWith("ABC")))).containsExactly("ABC ");

        db.insertInto(W, r -> r.set(W.word, "ABC  ").set(W.note, "upserted"))
                .onConflict(W.word).doUpdate(set -> set.set(W.note, Dsl.excluded(W.note))).execute();
        assertThat(db.select(W.word, W.note).from(W).orderBy(W.id.asc()).fetch(r -> r.get(W.word) + "|" + r.get(W.note)))
                .containsExactly("ABC|null", "ABC |null", "x|null", "x |null", "x\t|null", "ABC  |upserted");

        db.insertInto(W, r -> r.set(W.word, "ABC ").set(W.note, "again"))
                .onConflict(W.word).doUpdate(set -> set.set(W.note, Dsl.excluded(W.note))).execute();
        assertThat(words(W.note.eq("again"))).containsExactly("ABC ");
        assertThatThrownBy(() -> insertWords(List.of("x "))).isInstanceOf(UniqueViolationException.class);
    }

    @Test
    void caseAndCompositionCountInEqualityAndUniqueKeys() {
        List<String> distinct = List.of("abc", "ABC", "Abc", "\u00e9", "e\u0301", "\u00c9", "stra\u00dfe", "STRASSE", "\u212b", "\u00c5",
                "\u0130", "i", "I");
        insertWords(distinct);
        for (String w : distinct) assertThat(words(W.word.eq(w))).as("eq(%s)", w).containsExactly(w);
        assertThatThrownBy(() -> insertWords(List.of("abc"))).isInstanceOf(UniqueViolationException.class);
    }

    @Test
    void orderByIsCodePointOrderWhateverTheDatabaseDefault() {
        List<String> shuffled = new ArrayList<>(CODE_POINT_ORDER);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        insertWords(shuffled);
        db.insertInto(D, IntStream.range(0, shuffled.size()).boxed().toList(),
                (r, i) -> r.set(D.id, i).set(D.body, shuffled.get(i)).set(D.title, shuffled.get(i))).execute();
        List<String> sorted = new ArrayList<>(CODE_POINT_ORDER);
        sorted.sort(CODE_POINTS);
        assertThat(sorted).as("the suite's own list").containsExactlyElementsOf(CODE_POINT_ORDER);
        assertThat(sorted.indexOf("USA")).isLessThan(sorted.indexOf("United Kingdom"));

        assertThat(db.select(W.word).from(W).orderBy(W.word.asc()).fetch(r -> r.get(W.word))).containsExactlyElementsOf(sorted);
        assertThat(db.select(D.body).from(D).orderBy(D.body.asc()).fetch(r -> r.get(D.body))).containsExactlyElementsOf(sorted);
        List<String> reversed = new ArrayList<>(sorted);
        java.util.Collections.reverse(reversed);
        assertThat(db.select(D.title).from(D).orderBy(D.title.desc()).fetch(r -> r.get(D.title))).containsExactlyElementsOf(reversed);
        assertThat(db.select(W.word).from(W).where(W.word.lt("a")).orderBy(W.word.asc()).fetch(r -> r.get(W.word)))
                .containsExactlyElementsOf(sorted.subList(0, sorted.indexOf("a")));
        var extremes = db.select(Dsl.min(W.word), Dsl.max(W.word)).from(W).fetchOne();
        assertThat(List.of(extremes.value1(), extremes.value2())).containsExactly("", "\uD841\uDF0E");
    }

    /** Code point order; Java's {@code String.compareTo} is UTF-16 code unit order, which differs above U+FFFF. */
    static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    @Test
    void textTestsAreLiteralCaseSensitiveAndByCodePoint() {
        List<String> values = List.of("Apple", "apple", "APPLE pie", "pineapple", "50% off", "50 % off", "5000 off", "a_b", "axb", "a!b",
                "x!y", "!%_", "\u00c4pfel", "\u00e4pfel", "e\u0301t\u00e9", "\u00e9t\u00e9", "\uD83D\uDE00 smile", "\ufb00", "ff",
                "tail ", "tail", "Tail", "", "\u03a3\u03c3\u03c2", "\u0130stanbul", "istanbul", "back\\slash", "quote'd");
        insertWords(values);
        List<String> texts = List.of("", "a", "A", "app", "App", "APP", "ple", "PLE", "50%", "50!%", "%", "_", "a_b", "a%b", "!", "!!", "!%_",
                "\\", "'", "\u00e4", "\u00c4", "e\u0301", "\u00e9", "\uD83D\uDE00", "\uD83D\uDE00 ", "\ufb00", "f", "tail", "tail ", " ",
                "\u03c3", "\u03a3", "i", "\u0130", "pie", "PIE", "off", "pineapple!", "apple");
        check(texts, "startsWith", W.word::startsWith, String::startsWith);
        check(texts, "endsWith", W.word::endsWith, String::endsWith);
        check(texts, "contains", W.word::contains, String::contains);
        // the empty text matches every value, NULL matches nothing
        assertThat(db.select(W.id).from(W).where(W.note.startsWith("")).fetch()).isEmpty();
        assertThat(db.select(W.id).from(W).where(W.note.contains("").not()).fetch()).isEmpty();
        assertThat(db.select(W.id).from(W).where(W.word.endsWith("").not()).fetch()).isEmpty();
    }

    private void check(List<String> texts, String helper, Function<String, Condition> condition, BiPredicate<String, String> java) {
        List<String> all = db.select(W.word).from(W).orderBy(W.id.asc()).fetch(r -> r.get(W.word));
        for (String t : texts) {
            List<String> expected = all.stream().filter(v -> java.test(v, t)).toList();
            assertThat(words(condition.apply(t))).as("%s(%s)", helper, HostileStringSuite.describe(t)).containsExactlyElementsOf(expected);
            List<String> negated = all.stream().filter(v -> !java.test(v, t)).toList();
            assertThat(words(condition.apply(t).not())).as("not %s(%s)", helper, HostileStringSuite.describe(t))
                    .containsExactlyElementsOf(negated);
        }
    }

    /**
     * Values and texts of up to 1 MiB (SQLite's LIKE refuses patterns over 50,000 bytes), with near misses
     * that differ in the case of one letter in the middle.
     */
    @Test
    void textTestsWorkOnAMebibyte() {
        String mib = mebibyte();
        int middle = mib.length() / 2;
        while (!Character.isLowerCase(mib.charAt(middle)) || mib.charAt(middle) > 'z') middle++;
        String nearMiss = mib.substring(0, middle) + Character.toUpperCase(mib.charAt(middle)) + mib.substring(middle + 1);
        List<String> bodies = List.of(mib, nearMiss, mib + "%", "_" + mib, "short");
        db.insertInto(D, IntStream.range(0, bodies.size()).boxed().toList(), (r, i) -> r.set(D.id, i).set(D.body, bodies.get(i))).execute();
        List<String> texts = List.of(mib, nearMiss, mib.substring(0, 600_000), nearMiss.substring(0, 600_000), mib.substring(400_000),
                nearMiss.substring(400_000), mib.substring(300_000, 700_000), mib.substring(100, 60_100), "x".repeat(60_000),
                "%" + mib.substring(0, 60_000), mib + "%", "short", "SHORT", "");
        for (String t : texts) {
            assertThat(ids(D.body.startsWith(t))).as("startsWith of %s", t.length()).containsExactlyElementsOf(expectedIds(bodies, t, String::startsWith));
            assertThat(ids(D.body.endsWith(t))).as("endsWith of %s", t.length()).containsExactlyElementsOf(expectedIds(bodies, t, String::endsWith));
            assertThat(ids(D.body.contains(t))).as("contains of %s", t.length()).containsExactlyElementsOf(expectedIds(bodies, t, String::contains));
        }
        assertThat(db.select(D.body).from(D).where(D.id.eq(1)).fetchValue(D.body)).isEqualTo(nearMiss);
    }

    /**
     * 1 Mi characters of lower-case ASCII letters, digits, blanks and a few two- and three-byte characters,
     * the same every run; no surrogate pairs, so that any cut of it is a valid text.
     */
    static String mebibyte() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        StringBuilder s = new StringBuilder(1 << 20);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \u00e9\u0416\u4e2d";
        int[] points = alphabet.codePoints().toArray();
        while (s.length() < (1 << 20)) s.appendCodePoint(points[random.nextInt(points.length)]);
        return s.toString();
    }

    private List<Integer> ids(Condition where) {
        return db.select(D.id).from(D).where(where).orderBy(D.id.asc()).fetch(r -> r.get(D.id));
    }

    private static List<Integer> expectedIds(List<String> bodies, String text, BiPredicate<String, String> java) {
        return IntStream.range(0, bodies.size()).filter(i -> java.test(bodies.get(i), text)).boxed().toList();
    }

    /** Values that are not columns compare by the database's rules for them (see the two hooks). */
    @Test
    void twoBindValues() {
        insertWords(List.of("one"));
        assertThat(words(Dsl.value("a").eq(Dsl.value("a")))).containsExactly("one");
        if (bindValuesEqualByCodePoint()) {
            assertThat(words(Dsl.value("a").eq(Dsl.value("A")))).isEmpty();
            assertThat(words(Dsl.value("x ").eq(Dsl.value("x")))).isEmpty();
            assertThat(words(Dsl.value("\u00e9").eq(Dsl.value("e\u0301")))).isEmpty();
        }
        if (bindValuesSortByCodePoint()) {
            assertThat(words(Dsl.value("B").lt(Dsl.value("a")))).containsExactly("one");
            assertThat(words(Dsl.value("\ufb00").lt(Dsl.value("\uD83D\uDE00")))).containsExactly("one");
        }
    }

    @Test
    void aDeclaredCollationIsTheDatabases() {
        assertThat(named.named.collation()).contains(linguisticCollation());
        assertThat(named.plain.collation()).isEmpty();
        db.insertInto(named, List.of("USA", "United Kingdom"), (r, s) -> r.set(named.id, s.length()).set(named.plain, s).set(named.named, s))
                .execute();
        assertThat(db.select(named.plain).from(named).orderBy(named.plain.asc()).fetch(r -> r.get(named.plain)))
                .containsExactly("USA", "United Kingdom");
        assertThat(db.select(named.named).from(named).orderBy(named.named.asc()).fetch(r -> r.get(named.named)))
                .containsExactly("United Kingdom", "USA");
    }

    @Test
    void likeKeepsTheDatabasesCaseRule() {
        insertWords(List.of("Apple", "apple", "\u00c4pfel", "\u00e4pfel"));
        assertThat(words(W.word.like("app%"))).containsExactlyElementsOf(likeIgnoresAsciiCase() ? List.of("Apple", "apple") : List.of("apple"));
        assertThat(words(W.word.like("\u00e4p%"))).containsExactly("\u00e4pfel");
        assertThat(words(W.word.like("_pple"))).containsExactly("Apple", "apple");
        assertThat(words(W.word.startsWith("app"))).containsExactly("apple");
    }
}
