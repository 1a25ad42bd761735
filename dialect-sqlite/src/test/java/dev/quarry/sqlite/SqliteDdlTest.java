package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.DbEnum;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden SQLite DDL, and that it runs on SQLite and means what it says. */
class SqliteDdlTest {
    enum Rating implements DbEnum {
        G("G"), PG_13("PG-13"), NC_17("NC-17");

        private final String label;

        Rating(String label) { this.label = label; }

        @Override
        public String dbName() { return label; }
    }

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
        final Column<String> director = varchar("director", 50).defaultValue("O'Brien");
        final Column<BigDecimal> rate = decimal("rental_rate", 4, 2).defaultValue(new BigDecimal("4.99"));
        final Column<Short> length = smallint("length").nullable().check(c -> c.gt((short) 0));
        final Column<Rating> rating = enumeration("rating", Rating.class).defaultValue(Rating.G);
        final Column<Boolean> active = bool("active").defaultValue(true);
        final Column<Integer> languageId = integer("language_id")
                .references(Language.LANGUAGE.id, ReferenceAction.RESTRICT, ReferenceAction.CASCADE);
        final Column<Integer> originalLanguageId = integer("original_language_id").nullable()
                .references(Language.LANGUAGE.id, ReferenceAction.SET_NULL, ReferenceAction.NO_ACTION);
        final Column<LocalDateTime> releasedAt = timestamp("released_at").defaultValue(LocalDateTime.of(2006, 2, 15, 4, 57, 20));
        final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());
        { index(title); uniqueIndex(title, languageId); check("rate_not_negative", rate.ge(BigDecimal.ZERO)); }
        private Film() { super("film"); }
    }

    static final class FilmActor extends Table {
        static final FilmActor FILM_ACTOR = new FilmActor();
        final Column<Integer> actorId = integer("actor_id");
        final Column<Integer> filmId = integer("film_id").references(Film.FILM.id, ReferenceAction.CASCADE, ReferenceAction.NO_ACTION);
        { primaryKey(actorId, filmId); }
        private FilmActor() { super("film_actor"); }
    }

    static final class Store extends Table {
        static final Store STORE = new Store();
        final Column<Integer> id = integer("store_id").primaryKey();
        final Column<Integer> managerId = integer("manager_staff_id").references(() -> Staff.STAFF.id);
        private Store() { super("store"); }
    }

    static final class Staff extends Table {
        static final Staff STAFF = new Staff();
        final Column<Integer> id = integer("staff_id").primaryKey();
        final Column<Integer> storeId = integer("store_id").references(() -> Store.STORE.id);
        private Staff() { super("staff"); }
    }

    /** SQLite's catalogue, declared as a Quarry table to read it through the DSL. */
    static final class SqliteMaster extends Table {
        static final SqliteMaster MASTER = new SqliteMaster();
        final Column<String> type = text("type");
        final Column<String> name = text("name");
        private SqliteMaster() { super("sqlite_master"); }
    }

    static final class AutoIncrementOutsideKey extends Table {
        static final AutoIncrementOutsideKey INSTANCE = new AutoIncrementOutsideKey();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> seq = integer("seq").autoIncrement();
        private AutoIncrementOutsideKey() { super("auto_outside"); }
    }

    static final class Collated extends Table {
        static final Collated COLLATED = new Collated();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 20).collate("NOCASE").unique();
        final Column<String> plain = text("plain").nullable();
        private Collated() { super("collated"); }
    }

    static final class QuotedCollation extends Table {
        static final QuotedCollation INSTANCE = new QuotedCollation();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 20).collate("en-US");
        private QuotedCollation() { super("quoted_collation"); }
    }

    private static final Table[] ALL = {FilmActor.FILM_ACTOR, Film.FILM, Language.LANGUAGE, Store.STORE, Staff.STAFF};

    private Database db;

    @BeforeEach
    void open() {
        db = Database.connect("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> sql(List<Rendered> statements) {
        for (Rendered r : statements) assertThat(r.binds()).as("DDL has no bind values: %s", r.sql()).isEmpty();
        return statements.stream().map(Rendered::sql).toList();
    }

    private List<String> objects(String type) {
        SqliteMaster m = SqliteMaster.MASTER;
        return db.select(m.name).from(m).where(m.type.eq(type).and(m.name.startsWith("sqlite_").not())).orderBy(m.name)
                .fetch(r -> r.get(m.name));
    }

    /** A declared collation is written bare after the type and is SQLite's: NOCASE makes the UNIQUE key ignore ASCII case. */
    @Test
    void aDeclaredCollationIsTheColumnsAndMustBeAPlainName() {
        assertThat(sql(Ddl.createStatements(SqliteDialect.INSTANCE, List.of(Collated.COLLATED), false))).containsExactly(
                "CREATE TABLE \"collated\" (\"id\" INTEGER NOT NULL CONSTRAINT \"range:collated.id\" "
                        + "CHECK (\"id\" BETWEEN -2147483648 AND 2147483647), \"name\" VARCHAR(20) COLLATE NOCASE NOT NULL UNIQUE "
                        + "CONSTRAINT \"length:collated.name\" CHECK (length(\"name\") <= 20), \"plain\" TEXT, PRIMARY KEY (\"id\"))");
        Collated c = Collated.COLLATED;
        Ddl.create(db, c);
        db.insertInto(c, r -> r.set(c.id, 1).set(c.name, "Abc").set(c.plain, "Abc")).execute();
        assertThatThrownBy(() -> db.insertInto(c, r -> r.set(c.id, 2).set(c.name, "aBC")).execute())
                .isInstanceOf(dev.quarry.dsl.UniqueViolationException.class);
        assertThat(db.select(c.id).from(c).where(c.name.eq("ABC")).fetch()).hasSize(1);
        assertThat(db.select(c.id).from(c).where(c.plain.eq("ABC")).fetch()).isEmpty();
        // the literal text tests stay case-sensitive on SQLite whatever the column's collation
        assertThat(db.select(c.id).from(c).where(c.name.startsWith("Ab")).fetch()).hasSize(1);
        assertThat(db.select(c.id).from(c).where(c.name.startsWith("ab")).fetch()).isEmpty();
        assertThatThrownBy(() -> Ddl.createStatements(SqliteDialect.INSTANCE, List.of(QuotedCollation.INSTANCE), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column quoted_collation.name: collation name 'en-US' is not a plain name for sqlite "
                        + "(ASCII letters, digits and underscores)");
    }

    @Test
    void goldenCreateStatements() {
        assertThat(sql(Ddl.createStatements(SqliteDialect.INSTANCE, List.of(ALL), false))).containsExactly(
                // every column is held to its type's range or length by a named CHECK (SQLite keeps any value in any column)
                "CREATE TABLE \"language\" (\"language_id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"name\" VARCHAR(20) NOT NULL UNIQUE"
                        + " CONSTRAINT \"length:language.name\" CHECK (length(\"name\") <= 20))",
                "CREATE TABLE \"film\" (\"film_id\" INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "\"title\" VARCHAR(255) NOT NULL CONSTRAINT \"length:film.title\" CHECK (length(\"title\") <= 255), "
                        + "\"director\" VARCHAR(50) NOT NULL DEFAULT ('O''Brien') CONSTRAINT \"length:film.director\" CHECK (length(\"director\") <= 50), "
                        + "\"rental_rate\" DECIMAL(4, 2) NOT NULL DEFAULT (4.99)"
                        + " CONSTRAINT \"range:film.rental_rate\" CHECK (\"rental_rate\" > -99.995 AND \"rental_rate\" < 99.995), "
                        + "\"length\" SMALLINT CHECK (\"length\" > 0) CONSTRAINT \"range:film.length\" CHECK (\"length\" BETWEEN -32768 AND 32767), "
                        + "\"rating\" VARCHAR(5) NOT NULL DEFAULT ('G') CHECK (\"rating\" IN ('G', 'PG-13', 'NC-17')), "
                        + "\"active\" BOOLEAN NOT NULL DEFAULT (1), "
                        + "\"language_id\" INTEGER NOT NULL CONSTRAINT \"range:film.language_id\" CHECK (\"language_id\" BETWEEN -2147483648 AND 2147483647), "
                        + "\"original_language_id\" INTEGER CONSTRAINT \"range:film.original_language_id\" CHECK (\"original_language_id\" BETWEEN -2147483648 AND 2147483647), "
                        + "\"released_at\" TIMESTAMP NOT NULL DEFAULT ('2006-02-15 04:57:20'), "
                        + "\"last_update\" TIMESTAMP NOT NULL DEFAULT (CURRENT_TIMESTAMP), "
                        + "CONSTRAINT \"rate_not_negative\" CHECK (\"rental_rate\" >= 0), "
                        + "CONSTRAINT \"fk_film_language_id\" FOREIGN KEY (\"language_id\") REFERENCES \"language\" (\"language_id\") "
                        + "ON DELETE RESTRICT ON UPDATE CASCADE, "
                        + "CONSTRAINT \"fk_film_original_language_id\" FOREIGN KEY (\"original_language_id\") "
                        + "REFERENCES \"language\" (\"language_id\") ON DELETE SET NULL)",
                "CREATE INDEX \"idx_film_title\" ON \"film\" (\"title\")",
                "CREATE UNIQUE INDEX \"uq_film_title_language_id\" ON \"film\" (\"title\", \"language_id\")",
                "CREATE TABLE \"film_actor\" (\"actor_id\" INTEGER NOT NULL CONSTRAINT \"range:film_actor.actor_id\" CHECK (\"actor_id\" BETWEEN -2147483648 AND 2147483647), \"film_id\" INTEGER NOT NULL CONSTRAINT \"range:film_actor.film_id\" CHECK (\"film_id\" BETWEEN -2147483648 AND 2147483647), "
                        + "PRIMARY KEY (\"actor_id\", \"film_id\"), "
                        + "CONSTRAINT \"fk_film_actor_film_id\" FOREIGN KEY (\"film_id\") REFERENCES \"film\" (\"film_id\") ON DELETE CASCADE)",
                // the cycle store <-> staff is declared inline: SQLite checks references only when rows change
                "CREATE TABLE \"store\" (\"store_id\" INTEGER NOT NULL CONSTRAINT \"range:store.store_id\" CHECK (\"store_id\" BETWEEN -2147483648 AND 2147483647), \"manager_staff_id\" INTEGER NOT NULL CONSTRAINT \"range:store.manager_staff_id\" CHECK (\"manager_staff_id\" BETWEEN -2147483648 AND 2147483647), "
                        + "PRIMARY KEY (\"store_id\"), "
                        + "CONSTRAINT \"fk_store_manager_staff_id\" FOREIGN KEY (\"manager_staff_id\") REFERENCES \"staff\" (\"staff_id\"))",
                "CREATE TABLE \"staff\" (\"staff_id\" INTEGER NOT NULL CONSTRAINT \"range:staff.staff_id\" CHECK (\"staff_id\" BETWEEN -2147483648 AND 2147483647), \"store_id\" INTEGER NOT NULL CONSTRAINT \"range:staff.store_id\" CHECK (\"store_id\" BETWEEN -2147483648 AND 2147483647), "
                        + "PRIMARY KEY (\"staff_id\"), "
                        + "CONSTRAINT \"fk_staff_store_id\" FOREIGN KEY (\"store_id\") REFERENCES \"store\" (\"store_id\"))");
    }

    @Test
    void goldenIfNotExistsAndDropInReverseOrder() {
        assertThat(sql(Ddl.createStatements(SqliteDialect.INSTANCE, List.of(Language.LANGUAGE, Film.FILM), true)))
                .hasSize(4)
                .allSatisfy(s -> assertThat(s).containsPattern("^CREATE (TABLE|INDEX|UNIQUE INDEX) IF NOT EXISTS \""));
        assertThat(sql(Ddl.dropStatements(SqliteDialect.INSTANCE, List.of(ALL), true))).containsExactly(
                "DROP TABLE IF EXISTS \"staff\"", "DROP TABLE IF EXISTS \"store\"", "DROP TABLE IF EXISTS \"film_actor\"",
                "DROP TABLE IF EXISTS \"film\"", "DROP TABLE IF EXISTS \"language\"");
        assertThat(sql(Ddl.dropStatements(SqliteDialect.INSTANCE, List.of(Language.LANGUAGE), false)))
                .containsExactly("DROP TABLE \"language\"");
    }

    @Test
    void autoIncrementOutsideTheSingleColumnKeyIsNotSupported() {
        assertThatThrownBy(() -> Ddl.createStatements(SqliteDialect.INSTANCE, List.of(AutoIncrementOutsideKey.INSTANCE), false))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The sqlite dialect does not support auto-increment on column auto_outside.seq, "
                        + "which is not the table's single-column primary key");
    }

    @Test
    void theDdlRunsOnSqliteAndDropsAgain() {
        Ddl.create(db, ALL);
        Ddl.create(db, ALL); // IF NOT EXISTS: a second run changes nothing
        assertThat(objects("table")).containsExactly("film", "film_actor", "language", "staff", "store");
        assertThat(objects("index")).containsExactly("idx_film_title", "uq_film_title_language_id");
        Ddl.drop(db, ALL);
        assertThat(objects("table")).isEmpty();
        assertThat(objects("index")).isEmpty();
    }

    @Test
    void defaultsChecksAndEnumLabelsTakeEffect() {
        Ddl.create(db, ALL);
        Language l = Language.LANGUAGE;
        Film f = Film.FILM;
        int en = db.insertInto(l, r -> r.set(l.name, "English")).executeAndGetKey(l.id);
        int id = db.insertInto(f, r -> r.set(f.title, "Alien").set(f.languageId, en)).executeAndGetKey(f.id);
        Row row = db.select(f.director, f.rate, f.rating, f.active, f.releasedAt, f.lastUpdate).from(f).where(f.id.eq(id)).fetchOne();
        assertThat(row.get(f.director)).isEqualTo("O'Brien");
        assertThat(row.get(f.rate)).isEqualByComparingTo("4.99");
        assertThat(row.get(f.rating)).isEqualTo(Rating.G);
        assertThat(row.get(f.active)).isTrue();
        assertThat(row.get(f.releasedAt)).isEqualTo(LocalDateTime.of(2006, 2, 15, 4, 57, 20));
        assertThat(row.get(f.lastUpdate)).isNotNull();
        db.update(f).set(f.rating, Rating.PG_13).where(f.id.eq(id)).execute();
        assertThat(db.select(f.rating).from(f).where(f.id.eq(id)).fetchValue(f.rating)).isEqualTo(Rating.PG_13);
    }

    @Test
    void foreignKeyActionsTakeEffect() {
        Ddl.create(db, ALL);
        Language l = Language.LANGUAGE;
        Film f = Film.FILM;
        FilmActor fa = FilmActor.FILM_ACTOR;
        int en = db.insertInto(l, r -> r.set(l.name, "English")).executeAndGetKey(l.id);
        int fr = db.insertInto(l, r -> r.set(l.name, "French")).executeAndGetKey(l.id);
        int film = db.insertInto(f, r -> r.set(f.title, "Alien").set(f.languageId, en).set(f.originalLanguageId, fr))
                .executeAndGetKey(f.id);
        db.insertInto(fa, List.of(1, 2), (r, actor) -> r.set(fa.actorId, actor).set(fa.filmId, film)).execute();

        // ON DELETE SET NULL
        assertThat(db.deleteFrom(l).where(l.id.eq(fr)).execute()).isEqualTo(1);
        assertThat(db.select(f.originalLanguageId).from(f).fetchValue(f.originalLanguageId)).isNull();
        // ON DELETE RESTRICT
        assertThatThrownBy(() -> db.deleteFrom(l).where(l.id.eq(en)).execute())
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23503");
                    assertThat(e.sql()).isEqualTo("DELETE FROM \"language\" WHERE \"language\".\"language_id\" = ?");
                });
        assertThat(db.select(count()).from(l).fetchValue(count())).isEqualTo(1L);
        // ON UPDATE CASCADE
        db.update(l).set(l.id, 40).where(l.id.eq(en)).execute();
        assertThat(db.select(f.languageId).from(f).fetchValue(f.languageId)).isEqualTo(40);
        // ON DELETE CASCADE
        assertThat(db.select(count()).from(fa).fetchValue(count())).isEqualTo(2L);
        db.deleteFrom(f).all().execute();
        assertThat(db.select(count()).from(fa).fetchValue(count())).isEqualTo(0L);
    }

    @Test
    void tablesInACycleAreFilledWithDeferredChecks() {
        Ddl.create(db, ALL);
        Store s = Store.STORE;
        Staff st = Staff.STAFF;
        db.runInTransaction(tx -> {
            tx.deferForeignKeyChecks();
            tx.insertInto(s, r -> r.set(s.id, 1).set(s.managerId, 10)).execute();
            tx.insertInto(st, r -> r.set(st.id, 10).set(st.storeId, 1)).execute();
        });
        assertThat(db.select(s.managerId).from(s).fetchValue(s.managerId)).isEqualTo(10);
        assertThatThrownBy(() -> db.insertInto(s, r -> r.set(s.id, 2).set(s.managerId, 99)).execute())
                .isInstanceOf(ForeignKeyViolationException.class);
        Ddl.drop(db, ALL);
        assertThat(objects("table")).isEmpty();
    }

    @Test
    void autoIncrementFollowsExplicitKeysSoRestartingIdentitiesIsANoOp() {
        Ddl.create(db, ALL);
        Language l = Language.LANGUAGE;
        assertThat(Ddl.restartIdentityStatement(db.dialect(), l.id, 10)).isEmpty();
        db.insertInto(l, List.of(5, 9), (r, id) -> r.set(l.id, id).set(l.name, "explicit " + id)).execute();
        Ddl.restartIdentities(db, ALL);
        int next = db.insertInto(l, r -> r.set(l.name, "generated")).executeAndGetKey(l.id);
        assertThat(next).isEqualTo(10);
    }
}
