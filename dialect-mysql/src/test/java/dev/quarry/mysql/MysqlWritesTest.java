package dev.quarry.mysql;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.excluded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generated keys, upsert and RETURNING on the real server, read back. Each test runs with the dialect
 * the server gets ({@link Mode#SERVER}: MariaDB's SQL on MariaDB) and, where the SQL differs, with the
 * SQL rendered for MySQL 8 ({@link Mode#MYSQL_8_SQL}), which MariaDB also runs.
 */
class MysqlWritesTest {
    enum Mode { SERVER, MYSQL_8_SQL }

    static final class Author extends Table {
        static final Author AUTHOR = new Author();
        final Column<Integer> id = integer("author_id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 50).unique();
        final Column<Integer> born = integer("born").nullable().check(c -> c.gt(0));
        final Column<String> code = varchar("code", 10).nullable().unique();
        private Author() { super("my_w_author"); }
    }

    static final class Book extends Table {
        static final Book BOOK = new Book();
        final Column<Integer> id = integer("book_id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 100);
        final Column<Integer> authorId = integer("author_id").nullable().references(Author.AUTHOR.id);
        private Book() { super("my_w_book"); }
    }

    private static final Author A = Author.AUTHOR;
    private static final Book B = Book.BOOK;

    private Database db;

    private Database open(Mode mode) {
        String url = MyDatabases.url();
        db = mode == Mode.SERVER ? Database.connect(url) : Database.builder(url).dialect(MysqlDialect.MYSQL_8.pinned()).build();
        Ddl.drop(db, B, A);
        Ddl.create(db, A, B);
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            Ddl.drop(db, B, A);
            db.close();
        }
    }

    private List<String> authors() {
        return db.select(A.name, A.born, A.code).from(A).orderBy(A.name).fetch(r -> r.get(A.name) + "/" + r.get(A.born) + "/" + r.get(A.code));
    }

    private int author(String name, Integer born) {
        return db.insertInto(A, r -> r.set(A.name, name).set(A.born, born)).executeAndGetKey(A.id);
    }

    // ---- generated keys ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void generatedKeysComeBackInRowOrderAndAnExplicitIdAdvancesTheCounter(Mode mode) {
        open(mode);
        int first = author("first", null);
        List<Integer> keys = db.insertInto(A, List.of("x", "y", "z"), (r, n) -> r.set(A.name, n)).executeAndGetKeys(A.id);
        assertThat(keys).containsExactly(first + 1, first + 2, first + 3);
        assertThat(db.select(A.name).from(A).where(A.id.eq(keys.get(2))).fetchValue(A.name)).isEqualTo("z");

        db.insertInto(A, r -> r.set(A.id, 100).set(A.name, "explicit")).execute();
        assertThat(author("after", null)).isEqualTo(101);
    }

    // ---- upsert --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void doNothingKeepsTheExistingRowAndInsertsTheOthers(Mode mode) {
        open(mode);
        author("Austen", 1775);
        int count = db.insertInto(A, List.of("Austen", "Borges"), (r, n) -> r.set(A.name, n).set(A.born, n.equals("Austen") ? 1800 : 1899))
                .onConflict(A.name).doNothing().execute();
        // found rows: the inserted row counts 1 and so does the conflicting one, set to its own values
        assertThat(count).isEqualTo(2);
        assertThat(authors()).containsExactly("Austen/1775/null", "Borges/1899/null");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void doNothingStillFailsOnAForeignKeyViolationUnlikeInsertIgnore(Mode mode) {
        open(mode);
        assertThatThrownBy(() -> db.insertInto(B, r -> r.set(B.title, "orphan").set(B.authorId, 999)).onConflict(B.id).doNothing().execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo("INSERT INTO `my_w_book` (`title`, `author_id`) VALUES (?, ?) "
                            + "ON DUPLICATE KEY UPDATE `book_id` = `book_id`");
                });
        assertThat(db.select(count()).from(B).fetchValue(count())).isZero();
    }

    @Test
    void doNothingStillFailsOnACheckViolation() {
        open(Mode.SERVER);
        assertThatThrownBy(() -> db.insertInto(A, r -> r.set(A.name, "negative").set(A.born, -1)).onConflict(A.name).doNothing().execute())
                .isInstanceOf(CheckViolationException.class);
        assertThat(authors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void doUpdateSetsTheProposedValuesOnConflictAndInsertsTheRest(Mode mode) {
        open(mode);
        author("Austen", 1775);
        int count = db.insertInto(A, List.of("Austen", "Calvino"), (r, n) -> r.set(A.name, n).set(A.born, n.equals("Austen") ? 1817 : 1923)
                        .set(A.code, n.substring(0, 2)))
                .onConflict(A.name).doUpdate(set -> set.set(A.born, excluded(A.born)).set(A.code, "upd")).execute();
        // an updated row counts 2, an inserted row 1 (MySQL manual, INSERT ... ON DUPLICATE KEY UPDATE)
        assertThat(count).isEqualTo(3);
        assertThat(authors()).containsExactly("Austen/1817/upd", "Calvino/1923/Ca");
        // a plain column is the existing row's value
        db.insertInto(A, r -> r.set(A.name, "Calvino").set(A.born, 1)).onConflict(A.name).doUpdate(set -> set.set(A.code, A.name)).execute();
        assertThat(authors()).containsExactly("Austen/1817/upd", "Calvino/1923/Calvino");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aConflictOnAnyUniqueKeyTriggersTheUpdateNotOnlyOnTheNamedColumns(Mode mode) {
        open(mode);
        db.insertInto(A, r -> r.set(A.name, "Austen").set(A.code, "X")).execute();
        db.insertInto(A, r -> r.set(A.name, "Someone else").set(A.code, "X").set(A.born, 1900))
                .onConflict(A.name).doUpdate(set -> set.set(A.born, excluded(A.born))).execute();
        // PostgreSQL would raise a unique violation on code; MySQL updates the row whose code conflicts
        assertThat(authors()).containsExactly("Austen/1900/X");
    }

    // ---- RETURNING -------------------------------------------------------------------------------------

    private void requireReturning() {
        Assumptions.assumeTrue(db.dialect().supportsInsertReturning(),
                "the server has no INSERT ... RETURNING (MySQL, or MariaDB before 10.5): " + db.dialect());
    }

    @Test
    void insertReturningReadsTheInsertedRowsInRowOrder() {
        open(Mode.SERVER);
        requireReturning();
        var rows = db.insertInto(A, List.of("a", "b", "c"), (r, n) -> r.set(A.name, n).set(A.born, n.charAt(0) - 'a' + 1))
                .returning(A.id, A.name, A.born).fetch();
        assertThat(rows).extracting(r -> r.get(A.name) + "/" + r.get(A.born)).containsExactly("a/1", "b/2", "c/3");
        List<Integer> ids = rows.stream().map(r -> r.get(A.id)).toList();
        assertThat(db.select(A.id).from(A).orderBy(A.id).fetch(r -> r.get(A.id))).isEqualTo(ids);
    }

    @Test
    void upsertReturningReadsUpdatedAndInsertedRowsAndDoNothingAlsoTheExistingOne() {
        open(Mode.SERVER);
        requireReturning();
        author("Austen", 1775);
        var updated = db.insertInto(A, List.of("Austen", "Borges"), (r, n) -> r.set(A.name, n).set(A.born, n.length() * 100))
                .onConflict(A.name).doUpdate(set -> set.set(A.born, excluded(A.born))).returning(A.name, A.born).fetch();
        assertThat(updated).extracting(r -> r.get(A.name) + "/" + r.get(A.born)).containsExactly("Austen/600", "Borges/600");
        // unlike PostgreSQL's DO NOTHING, the conflicting row is returned too, with its existing values
        var kept = db.insertInto(A, List.of("Austen", "Calvino"), (r, n) -> r.set(A.name, n).set(A.born, 1))
                .onConflict(A.name).doNothing().returning(A.name, A.born).fetch();
        assertThat(kept).extracting(r -> r.get(A.name) + "/" + r.get(A.born)).containsExactly("Austen/600", "Calvino/1");
        assertThat(authors()).containsExactly("Austen/600/null", "Borges/600/null", "Calvino/1/null");
    }

    @Test
    void deleteReturningReadsTheRowsAsTheyWereAndTheyAreGone() {
        open(Mode.SERVER);
        int austen = author("Austen", 1775);
        author("Borges", 1899);
        var gone = db.deleteFrom(A).where(A.born.lt(1800)).returning(A.id, A.name, A.born).fetch();
        assertThat(gone).singleElement().satisfies(r -> {
            assertThat(r.get(A.id)).isEqualTo(austen);
            assertThat(r.get(A.name)).isEqualTo("Austen");
            assertThat(r.get(A.born)).isEqualTo(1775);
        });
        assertThat(authors()).containsExactly("Borges/1899/null");
    }

    @Test
    void updateReturningFailsBeforeAnythingIsSent() {
        open(Mode.SERVER);
        author("Austen", 1775);
        assertThatThrownBy(() -> db.update(A).set(A.born, 1).all().returning(A.id).fetch())
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessageStartingWith("The " + db.dialect().name() + " dialect does not support UPDATE ... RETURNING");
        assertThatThrownBy(() -> db.update(A).set(A.born, 1).all().returning(A.id).execute())
                .isInstanceOf(UnsupportedDialectFeatureException.class);
        assertThat(authors()).containsExactly("Austen/1775/null");
    }

    @Test
    void withMysqlSqlEveryReturningFailsBeforeAnythingIsSent() {
        open(Mode.MYSQL_8_SQL);
        author("Austen", 1775);
        assertThatThrownBy(() -> db.insertInto(A, r -> r.set(A.name, "Borges")).returning(A.id).fetch())
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The mysql dialect does not support INSERT ... RETURNING (MySQL has no RETURNING clause)");
        assertThatThrownBy(() -> db.deleteFrom(A).all().returning(A.id).fetch())
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The mysql dialect does not support DELETE ... RETURNING (MySQL has no RETURNING clause)");
        assertThat(authors()).containsExactly("Austen/1775/null");
    }
}
