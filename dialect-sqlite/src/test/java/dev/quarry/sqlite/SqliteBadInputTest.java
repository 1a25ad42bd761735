package dev.quarry.sqlite;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dialects;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.IntegrityConstraintViolationException;
import dev.quarry.dsl.NoDataFoundException;
import dev.quarry.dsl.NotNullViolationException;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.TooManyRowsException;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrong input, against a real in-memory SQLite database: programmer errors fail before anything is
 * sent, with a message naming table and column; what the database refuses arrives as the matching
 * {@link DataAccessException} subclass with SQL and SQLState; and in every case the data is unchanged.
 */
class SqliteBadInputTest {
    enum Status { ACTIVE, RETIRED }

    static final class Language extends Table {
        static final Language LANGUAGE = new Language();
        final Column<Integer> id = integer("language_id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 20).unique();
        private Language() { super("language"); }
    }

    static final class Film extends Table {
        static final Film FILM = new Film();
        final Column<Integer> id = integer("film_id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 255);
        final Column<Integer> length = integer("length").nullable().check(c -> c.gt(0));
        final Column<Integer> languageId = integer("language_id").references(Language.LANGUAGE.id);
        final Column<Status> status = enumeration("status", Status.class).defaultValue(Status.ACTIVE);
        private Film() { super("film"); }
    }

    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;

    private Database db;

    @BeforeEach
    void setUp() {
        db = Database.connect("jdbc:sqlite::memory:");
        Ddl.create(db, F, L);
        db.insertInto(L, List.of("English", "French"), (r, name) -> r.set(L.name, name)).execute();
        db.insertInto(F, r -> r.set(F.title, "Alien").set(F.length, 117).set(F.languageId, 1)).execute();
        db.insertInto(F, r -> r.set(F.title, "Brazil").set(F.length, 142).set(F.languageId, 1)).execute();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long rows(Table t) {
        return db.select(count()).from(t).fetchValue(count());
    }

    /** Every film as title/length/language/status, in key order. */
    private List<String> films() {
        return db.select(F.title, F.length, F.languageId, F.status).from(F).orderBy(F.id)
                .fetch(r -> r.get(F.title) + "/" + r.get(F.length) + "/" + r.get(F.languageId) + "/" + r.get(F.status));
    }

    private static final List<String> FILMS = List.of("Alien/117/1/ACTIVE", "Brazil/142/1/ACTIVE");

    private List<String> languages() {
        return db.select(L.id, L.name).from(L).orderBy(L.id).fetch(r -> r.get(L.id) + "/" + r.get(L.name));
    }

    private static final List<String> LANGUAGES = List.of("1/English", "2/French");

    private void assertUnchanged() {
        assertThat(films()).isEqualTo(FILMS);
        assertThat(languages()).isEqualTo(LANGUAGES);
    }

    // ---- INSERT and UPDATE values ------------------------------------------------------------------

    @Test
    void nullForANotNullColumnInInsert() {
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.title, (String) null).set(F.languageId, 1)).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO film: column film.title is NOT NULL but the value is null");
        assertThatThrownBy(() -> db.insertInto(F, Arrays.asList("C", null), (r, t) -> r.set(F.title, t).set(F.languageId, 1)).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO film: column film.title is NOT NULL but the value is null");
        assertThat(rows(F)).isEqualTo(2);
        assertUnchanged();
    }

    @Test
    void nullForANotNullColumnInUpdate() {
        assertThatThrownBy(() -> db.update(F).set(F.title, (String) null).where(F.id.eq(1)).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPDATE film: column film.title is NOT NULL but the value is null");
        assertUnchanged();
    }

    @Test
    void aNotNullColumnWithoutDefaultLeftOut() {
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.languageId, 1)).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO film does not set column film.title, which is NOT NULL and has no default");
        // the auto-increment key and the column with a default may be left out
        assertThat(db.insertInto(F, r -> r.set(F.title, "C").set(F.languageId, 1)).render(db.dialect()).sql())
                .isEqualTo("INSERT INTO \"film\" (\"title\", \"language_id\") VALUES (?, ?)");
        assertUnchanged();
    }

    @Test
    void rowsThatSetDifferentColumns() {
        assertThatThrownBy(() -> db.insertInto(F, List.of(1, 2), (r, i) -> {
            r.set(F.title, "T" + i).set(F.languageId, 1);
            if (i == 2) r.set(F.length, 90);
        }).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO film: row 2 sets columns [title, language_id, length] but row 1 sets [title, language_id];"
                        + " all rows must set the same columns");
        assertUnchanged();
    }

    @Test
    void anInsertNeedsAtLeastOneRow() {
        assertThatThrownBy(() -> db.insertInto(L, List.<String>of(), (r, n) -> r.set(L.name, n)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO language needs at least one row");
    }

    @Test
    void aColumnOfAnotherTableInInsertOrUpdate() {
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.title, "C").set(F.languageId, 1).set(L.name, "x")).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO film: column language.name is not a column of table film");
        assertThatThrownBy(() -> db.update(F).set(L.name, "x").where(F.id.eq(1)).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPDATE film: column language.name is not a column of table film");
        assertUnchanged();
    }

    @Test
    void aColumnSetTwice() {
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.title, "C").set(F.title, "D")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO film: column film.title is set twice");
        assertThatThrownBy(() -> db.update(F).set(F.title, "C").set(F.title, "D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPDATE film: column film.title is set twice");
        assertUnchanged();
    }

    // ---- columns of tables that are not in the query -----------------------------------------------

    @Test
    void aColumnOfATableThatIsNotInTheSelect() {
        assertThatThrownBy(() -> db.select(F.title).from(L).fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column film.title belongs to table film, which is not in this query (tables in scope: language)");
        assertThatThrownBy(() -> Dsl.select(F.title).from(F).where(L.name.eq("English")).render(db.dialect()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column language.name belongs to table language, which is not in this query (tables in scope: film)");
        assertThatThrownBy(() -> Dsl.select(F.title).from(F).orderBy(L.name).render(db.dialect()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Column language.name belongs to table language");
    }

    @Test
    void aColumnInASelectWithoutFrom() {
        assertThatThrownBy(() -> Dsl.select(F.title).render(db.dialect()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column film.title belongs to table film, which is not in this query (tables in scope: none)");
    }

    @Test
    void aColumnOfAnotherTableInTheWhereOfUpdateOrDelete() {
        assertThatThrownBy(() -> db.update(F).set(F.length, 1).where(L.name.eq("English")).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column language.name belongs to table language, which is not in this query (tables in scope: film)");
        assertThatThrownBy(() -> db.deleteFrom(F).where(L.id.eq(1)).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column language.language_id belongs to table language, which is not in this query (tables in scope: film)");
        assertUnchanged();
    }

    // ---- query shape -------------------------------------------------------------------------------

    @Test
    void negativeLimitOrOffset() {
        assertThatThrownBy(() -> db.select(F.title).from(F).limit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be 0 or more, was -1");
        assertThatThrownBy(() -> db.select(F.title).from(F).offset(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset must be 0 or more, was -5");
    }

    @Test
    void aNullGroupByFieldIsNamedByPosition() {
        assertThatThrownBy(() -> db.select(F.title).from(F).groupBy(F.title, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GROUP BY field 2 is null");
    }

    @Test
    void fromJoinAndSelectListMistakes() {
        assertThatThrownBy(() -> db.select(F.title).from(F).from(L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("FROM is already film; add language with join()");
        assertThatThrownBy(() -> db.select(F.title).join(L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("JOIN language before FROM: call from() first");
        assertThatThrownBy(() -> db.select(F.title).from(F).join(F))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table film is already in this query; joining a table to itself needs an aliased table");
        assertThatThrownBy(() -> db.select(F.title).from(F).leftJoin(L).on(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LEFT JOIN language ON null: a join needs a condition");
        assertThatThrownBy(() -> db.select())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SELECT needs at least one field");
        assertThatThrownBy(() -> db.select(F.title, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SELECT field 2 is null");
    }

    @Test
    void comparisonsWithNull() {
        assertThatThrownBy(() -> F.title.eq((String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eq(null) on column film.title: a comparison with NULL is never true; use isNull() or isNotNull()");
        assertThatThrownBy(() -> F.length.gt((Integer) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gt(null) on column film.length: a comparison with NULL is never true; use isNull() or isNotNull()");
        assertThatThrownBy(() -> F.length.between(null, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("between(null) on column film.length");
        assertThatThrownBy(() -> F.length.eq((dev.quarry.dsl.Field<Integer>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column film.length = null: the other field is null; use isNull() or isNotNull()");
        assertThatThrownBy(() -> F.title.like(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("like(null) on column film.title");
        assertThatThrownBy(() -> F.title.startsWith(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startsWith(null) on column film.title");
    }

    @Test
    void inWithANullElement() {
        assertThatThrownBy(() -> F.length.in(1, null, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in on column film.length got a null element; NULL never matches IN and makes NOT IN never true: use isNull()");
        assertThatThrownBy(() -> F.title.notIn(Arrays.asList("A", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("notIn on column film.title got a null element");
        assertThatThrownBy(() -> F.title.in((List<String>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in(null) on column film.title");
    }

    // ---- UPDATE and DELETE need WHERE or all() -----------------------------------------------------

    @Test
    void updateWithoutWhereOrAll() {
        assertThatThrownBy(() -> db.update(F).set(F.length, 1).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("UPDATE film has no WHERE condition; call all() to update every row");
        assertThatThrownBy(() -> db.update(F).set(F.length, 1).render(db.dialect()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("UPDATE film has no WHERE condition; call all() to update every row");
        assertThatThrownBy(() -> db.update(F).where(F.id.eq(1)).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("UPDATE film sets no column");
        assertUnchanged();
        assertThat(db.update(F).set(F.length, 1).all().execute()).isEqualTo(2);
        assertThat(films()).containsExactly("Alien/1/1/ACTIVE", "Brazil/1/1/ACTIVE");
    }

    @Test
    void deleteWithoutWhereOrAll() {
        assertThatThrownBy(() -> db.deleteFrom(F).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DELETE FROM film has no WHERE condition; call all() to delete every row");
        assertUnchanged();
        assertThat(db.deleteFrom(F).all().execute()).isEqualTo(2);
        assertThat(rows(F)).isZero();
    }

    // ---- reading -----------------------------------------------------------------------------------

    record TitleAndYear(String title, int year) {}

    record TitleAsNumber(Integer title) {}

    record TitleAndLength(String title, int length) {}

    record ByteLength(byte length) {}

    record Title(String title) {}

    static final class NotARecord {}

    @Test
    void fetchIntoARecordWithAComponentWithoutColumn() {
        assertThatThrownBy(() -> db.select(F.title, F.length).from(F).fetchInto(TitleAndYear.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record TitleAndYear component 'year' has no matching column in the select list [film.title, film.length]");
    }

    @Test
    void fetchIntoOtherMismatches() {
        assertThatThrownBy(() -> db.select(F.title, L.name.as("title")).from(F).join(L).on(F.languageId.eq(L.id)).fetchInto(Title.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record Title component 'title' matches two columns, film.title and title; give one of them an alias with as()");
        assertThatThrownBy(() -> db.select(F.title).from(F).fetchInto(TitleAsNumber.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record TitleAsNumber component 'title' (Integer) from column film.title (VARCHAR(255)): "
                        + "a java.lang.String cannot be converted to java.lang.Integer");
        assertThatThrownBy(() -> db.select(F.title).from(F).fetchInto(NotARecord.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(NotARecord.class.getName() + " is not a record; fetchInto fills records by component name");
        assertThatThrownBy(() -> db.select(F.length).from(F).fetchInto(ByteLength.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record ByteLength component 'length' (byte) from column film.length (INTEGER): the value 142 does not fit");
    }

    @Test
    void fetchIntoWithANullIntoAPrimitiveComponent() {
        db.insertInto(F, r -> r.set(F.title, "Casablanca").set(F.length, (Integer) null).set(F.languageId, 2)).execute();
        assertThat(db.select(F.title, F.length).from(F).where(F.length.isNotNull()).fetchInto(TitleAndLength.class))
                .containsExactly(new TitleAndLength("Alien", 117), new TitleAndLength("Brazil", 142));
        assertThatThrownBy(() -> db.select(F.title, F.length).from(F).fetchInto(TitleAndLength.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record TitleAndLength component 'length' (int) from column film.length (INTEGER): "
                        + "the value is NULL but the component is primitive; use Integer");
    }

    @Test
    void fetchOneWithNoRow() {
        var query = db.select(F.title).from(F).where(F.length.gt(1000));
        assertThatThrownBy(query::fetchOne)
                .isInstanceOfSatisfying(NoDataFoundException.class, e -> {
                    assertThat(e).hasMessage("fetchOne() found no row");
                    assertThat(e.sql()).isEqualTo("SELECT \"film\".\"title\" FROM \"film\" WHERE \"film\".\"length\" > ?");
                });
        assertThatThrownBy(() -> query.fetchValue(F.title)).isInstanceOf(NoDataFoundException.class);
        assertThat(query.fetchOptional()).isEmpty();
    }

    @Test
    void fetchOneWithTwoRows() {
        var query = db.select(F.title).from(F);
        assertThatThrownBy(query::fetchOne)
                .isInstanceOfSatisfying(TooManyRowsException.class, e -> {
                    assertThat(e).hasMessage("fetchOne() found 2 rows, expected exactly one");
                    assertThat(e.sql()).isEqualTo("SELECT \"film\".\"title\" FROM \"film\"");
                });
        assertThatThrownBy(query::fetchOptional)
                .isInstanceOf(TooManyRowsException.class)
                .hasMessage("fetchOptional() found 2 rows, expected at most one");
    }

    @Test
    void aDetachedSelectCannotFetchByItself() {
        var detached = Dsl.select(F.title).from(F).orderBy(F.id);
        assertThatThrownBy(detached::fetch)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("this SELECT is not attached to a database");
        assertThat(db.fetch(detached)).extracting(r -> r.get(F.title)).containsExactly("Alien", "Brazil");
    }

    // ---- generated keys ----------------------------------------------------------------------------

    @Test
    void executeAndGetKeyOnAMultiRowInsert() {
        assertThatThrownBy(() -> db.insertInto(L, List.of("German", "Greek"), (r, n) -> r.set(L.name, n)).executeAndGetKey(L.id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("INSERT INTO language inserts 2 rows; use executeAndGetKeys");
        assertThatThrownBy(() -> db.insertInto(L, r -> r.set(L.name, "German")).executeAndGetKey(F.id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generated key column film.film_id is not a column of table language");
        assertUnchanged();
        assertThat(db.insertInto(L, List.of("German", "Greek"), (r, n) -> r.set(L.name, n)).executeAndGetKeys(L.id))
                .containsExactly(3, 4);
    }

    // ---- violations reported by the database -------------------------------------------------------

    @Test
    void uniqueViolation() {
        String sql = "INSERT INTO \"language\" (\"name\") VALUES (?)";
        assertThatThrownBy(() -> db.insertInto(L, r -> r.set(L.name, "English")).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sql()).isEqualTo(sql);
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e).hasMessageContaining("UNIQUE constraint failed: language.name").hasMessageContaining(sql);
                });
        assertUnchanged();
    }

    @Test
    void primaryKeyViolation() {
        assertThatThrownBy(() -> db.insertInto(L, r -> r.set(L.id, 1).set(L.name, "Klingon")).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e).hasMessageContaining("language.language_id");
                });
        assertUnchanged();
    }

    @Test
    void aUniqueViolationInOneRowOfAMultiRowInsertInsertsNone() {
        assertThatThrownBy(() -> db.insertInto(L, List.of("German", "Greek", "French"), (r, n) -> r.set(L.name, n)).execute())
                .isInstanceOf(UniqueViolationException.class);
        assertThat(rows(L)).isEqualTo(2);
        assertUnchanged();
    }

    @Test
    void uniqueViolationInUpdate() {
        assertThatThrownBy(() -> db.update(L).set(L.name, "English").where(L.id.eq(2)).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e.sql()).isEqualTo("UPDATE \"language\" SET \"name\" = ? WHERE \"language\".\"language_id\" = ?");
                });
        assertUnchanged();
    }

    @Test
    void foreignKeyViolationOnInsertUpdateAndDelete() {
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.title, "C").set(F.languageId, 999)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23503");
                    assertThat(e.sql()).isEqualTo("INSERT INTO \"film\" (\"title\", \"language_id\") VALUES (?, ?)");
                    assertThat(e).hasMessageContaining("FOREIGN KEY constraint failed");
                });
        assertThatThrownBy(() -> db.update(F).set(F.languageId, 999).where(F.id.eq(1)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> assertThat(e.sqlState()).isEqualTo("23503"));
        assertThatThrownBy(() -> db.deleteFrom(L).where(L.id.eq(1)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23503");
                    assertThat(e.sql()).isEqualTo("DELETE FROM \"language\" WHERE \"language\".\"language_id\" = ?");
                });
        assertThat(rows(F)).isEqualTo(2);
        assertUnchanged();
    }

    @Test
    void nullBindExpressionForNotNullColumnIsRefusedBeforeSending() {
        assertThatThrownBy(() -> db.update(F).set(F.title, Dsl.value(null, DataType.varchar(255))).where(F.id.eq(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPDATE film: column film.title is NOT NULL but the value is null");
        assertThatThrownBy(() -> db.insertInto(F, r -> r.set(F.title, Dsl.value(null, DataType.varchar(255))).set(F.languageId, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO film: column film.title is NOT NULL but the value is null");
        assertUnchanged();
    }

    @Test
    void notNullViolationFromTheDatabase() {
        // Quarry refuses a null for a NOT NULL column before sending; a hand-written statement reaches the database
        String sql = "UPDATE \"film\" SET \"title\" = ? WHERE \"film\".\"film_id\" = ?";
        Rendered raw = new Rendered(sql, java.util.Arrays.asList(null, 1), List.of(DataType.varchar(255), DataType.integer()));
        assertThatThrownBy(() -> db.execute(raw))
                .isInstanceOfSatisfying(NotNullViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23502");
                    assertThat(e.sql()).isEqualTo(sql);
                    assertThat(e).hasMessageContaining("NOT NULL constraint failed: film.title");
                });
        assertUnchanged();
    }

    @Test
    void checkViolationOfAColumnCheck() {
        assertThatThrownBy(() -> db.update(F).set(F.length, 0).where(F.id.eq(1)).execute())
                .isInstanceOfSatisfying(CheckViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23514");
                    assertThat(e).hasMessageContaining("CHECK constraint failed");
                });
        assertUnchanged();
    }

    @Test
    void checkViolationOfTheEnumCheck() {
        // the DSL binds only labels of the enum, so the raw path is the only way to store another one
        Rendered raw = new Rendered("UPDATE \"film\" SET \"status\" = ? WHERE \"film_id\" = ?", List.of("DELETED", 1),
                List.of(DataType.text(), DataType.integer()));
        assertThatThrownBy(() -> db.execute(raw))
                .isInstanceOfSatisfying(CheckViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23514");
                    assertThat(e.sql()).isEqualTo(raw.sql());
                });
        assertUnchanged();
    }

    @Test
    void everyConstraintViolationIsAnIntegrityConstraintViolation() {
        assertThatThrownBy(() -> db.insertInto(L, r -> r.set(L.name, "French")).execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .isInstanceOf(DataAccessException.class);
    }

    // ---- transactions ------------------------------------------------------------------------------

    @Test
    void aFailingTransactionChangesNothing() {
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.insertInto(L, r -> r.set(L.name, "German")).execute();
            tx.update(F).set(F.length, 5).all().execute();
            tx.insertInto(L, r -> r.set(L.name, "English")).execute();
        })).isInstanceOf(UniqueViolationException.class);
        assertUnchanged();
    }

    @Test
    void aTransactionCannotBeUsedAfterItsBlock() {
        AtomicReference<Transaction> leaked = new AtomicReference<>();
        db.runInTransaction(leaked::set);
        assertThatThrownBy(() -> leaked.get().select(F.title).from(F).fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this transaction has ended; start a new one with db.transaction(...)");
        assertThatThrownBy(() -> leaked.get().deferForeignKeyChecks())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this transaction has ended");
    }

    // ---- values a column cannot hold (the shared BadInputSuite runs the table of cases) -------------

    static final class Event extends Table {
        static final Event EVENT = new Event();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<LocalDate> day = date("day").nullable();
        final Column<LocalDateTime> at = timestamp("at").nullable();
        final Column<String> note = text("note").nullable();
        private Event() { super("event"); }
    }

    @Test
    void aComputedValueTheColumnCannotHoldFailsOnTheRangeCheckNamingTheColumn() {
        assertThatThrownBy(() -> db.update(F).set(F.length, F.length.plus(Integer.MAX_VALUE)).all().execute())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22003");
                    assertThat(e.sql()).isEqualTo("UPDATE \"film\" SET \"length\" = (\"film\".\"length\" + ?)");
                    assertThat(e).hasMessageStartingWith("column film.length: a value out of the range of the column's type (")
                            .hasMessageContaining("CHECK constraint failed: range:film.length");
                });
        assertThatThrownBy(() -> db.update(L).set(L.name, L.name.concat("x".repeat(19))).where(L.id.eq(1)).execute())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22001");
                    assertThat(e).hasMessageStartingWith("column language.name: a string longer than the column's length (");
                });
        assertUnchanged();
    }

    @Test
    void aUserCheckNamedLikeAValueCheckIsStillACheckViolation() {
        // the value checks are column constraints named "range:" or "length:" and the table.column; a table check keeps its class
        assertThatThrownBy(() -> db.update(F).set(F.length, -1).where(F.id.eq(1)).execute())
                .isInstanceOf(CheckViolationException.class).isNotInstanceOf(DataException.class);
        assertUnchanged();
    }

    @Test
    void storedTextThatIsNoDateFailsWhenReadInsteadOfMovingToAnotherDay() {
        Event e = Event.EVENT;
        Ddl.create(db, e);
        db.insertInto(e, List.of(1, 2, 3, 4), (r, id) -> r.set(e.id, id)).execute();
        // what another program may have written: SQLite keeps any text in a DATE column
        db.execute(new Rendered("UPDATE \"event\" SET \"day\" = '2023-02-30', \"note\" = '2023-02-30' WHERE \"id\" = 1", List.of(), List.of()));
        db.execute(new Rendered("UPDATE \"event\" SET \"day\" = 'soon', \"note\" = 'soon' WHERE \"id\" = 2", List.of(), List.of()));
        db.execute(new Rendered("UPDATE \"event\" SET \"at\" = '2023-02-28 24:00:00', \"note\" = '2024-02-29' WHERE \"id\" = 3", List.of(), List.of()));
        assertThatThrownBy(() -> db.select(e.day).from(e).where(e.id.eq(1)).fetch())
                .isInstanceOfSatisfying(DataException.class, x -> assertThat(x.sqlState()).isEqualTo("22008"))
                .hasMessageStartingWith("column event.day (DATE): the database returned a date YYYY-MM-DD that does not exist");
        assertThatThrownBy(() -> db.select(e.day).from(e).where(e.id.eq(2)).fetch())
                .isInstanceOfSatisfying(DataException.class, x -> assertThat(x.sqlState()).isEqualTo("22007"));
        assertThatThrownBy(() -> db.select(e.at).from(e).where(e.id.eq(3)).fetch())
                .isInstanceOfSatisfying(DataException.class, x -> assertThat(x.sqlState()).isEqualTo("22008"));
        // SQLite's date('2023-02-30') is 2023-03-02; the cast keeps the text, and reading it fails as PostgreSQL's cast does
        assertThatThrownBy(() -> db.select(e.note.cast(DataType.date())).from(e).where(e.id.eq(1)).fetch())
                .isInstanceOfSatisfying(DataException.class, x -> assertThat(x.sqlState()).isEqualTo("22008"))
                .hasMessageStartingWith("result column 1 (note, DATE): the database returned a date YYYY-MM-DD that does not exist");
        assertThatThrownBy(() -> db.select(e.note.cast(DataType.timestamp())).from(e).where(e.id.eq(2)).fetch())
                .isInstanceOfSatisfying(DataException.class, x -> assertThat(x.sqlState()).isEqualTo("22007"));
        assertThat(db.select(e.note.cast(DataType.date()), e.note.cast(DataType.timestamp())).from(e).where(e.id.in(3, 4)).orderBy(e.id)
                .fetch(r -> r.value1() + "/" + r.value2())).containsExactly("2024-02-29/2024-02-29T00:00", "null/null");
    }

    @Test
    void aTableWithoutTheChecksStillNeverReadsAWrappedValue() {
        // a table created by hand, without the range checks Quarry's DDL declares, holding what SQLite made of an overflow
        db.execute(new Rendered("CREATE TABLE \"event\" (\"id\" INTEGER PRIMARY KEY, \"day\" DATE, \"at\" TIMESTAMP, \"note\" TEXT)", List.of(), List.of()));
        db.execute(new Rendered("INSERT INTO \"event\" (\"id\", \"note\") VALUES (9223372036854775807, 'x')", List.of(), List.of()));
        Event e = Event.EVENT;
        assertThatThrownBy(() -> db.select(e.id).from(e).fetch())
                .isInstanceOfSatisfying(DataException.class, x -> assertThat(x.sqlState()).isEqualTo("22003"))
                .hasMessageStartingWith("column event.id (INTEGER): the database returned a value outside the INTEGER range");
        // SQLite turns the integer overflow into a REAL, which JDBC's getLong would clamp to the largest long
        assertThatThrownBy(() -> db.select(Dsl.sql(DataType.bigint(), "{0} + 1", e.id)).from(e).fetch())
                .isInstanceOfSatisfying(DataException.class, x -> assertThat(x.sqlState()).isEqualTo("22003"));
    }

    // ---- dialect lookup ----------------------------------------------------------------------------

    @Test
    void anUnknownUrlListsTheDialectsFound() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:nosuchdb:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(dialects found: sqlite)");
        assertThatThrownBy(() -> Database.connect("jdbc:nosuchdb:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialects found: sqlite");
        assertThat(Dialects.forUrl("jdbc:sqlite::memory:")).isInstanceOf(SqliteDialect.class);
    }
}
