package dev.quarry.schema;

import dev.quarry.dsl.DbEnum;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Rendered;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden DDL of {@link DdlRenderer#STANDARD}, through a dialect that is not a {@link DdlDialect}. */
class StandardDdlTest {
    enum Rating implements DbEnum {
        G("G"), PG_13("PG-13"), R("R");

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
        final Column<String> description = text("description").nullable();
        final Column<String> director = varchar("director", 50).defaultValue("O'Brien");
        final Column<BigDecimal> rate = decimal("rental_rate", 4, 2).defaultValue(new BigDecimal("4.99"));
        final Column<Short> length = smallint("length").nullable().check(c -> c.gt((short) 0));
        final Column<Rating> rating = enumeration("rating", Rating.class).defaultValue(Rating.G);
        final Column<Boolean> active = bool("active").defaultValue(true);
        final Column<Integer> languageId = integer("language_id")
                .references(Language.LANGUAGE.id, ReferenceAction.RESTRICT, ReferenceAction.CASCADE);
        final Column<Integer> originalLanguageId = integer("original_language_id").nullable()
                .references(Language.LANGUAGE.id, ReferenceAction.SET_NULL, ReferenceAction.NO_ACTION);
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

    static final class Employee extends Table {
        static final Employee EMPLOYEE = new Employee();
        final Column<Long> id = bigint("employee_id").primaryKey();
        final Column<Long> managerId = bigint("manager_id").nullable().references(() -> Employee.EMPLOYEE.id);
        final Column<Long> badge = bigint("badge").autoIncrement();
        private Employee() { super("employee"); }
    }

    static final class Ticket extends Table {
        static final Ticket TICKET = new Ticket();
        final Column<Long> id = bigint("ticket_id").primaryKey().autoIncrement();
        final Column<Short> badge = smallint("badge").autoIncrement();
        private Ticket() { super("ticket"); }
    }

    static final class Defaults extends Table {
        static final Defaults DEFAULTS = new Defaults();
        final Column<LocalDate> day = date("day").defaultValue(LocalDate.of(2006, 2, 15));
        final Column<LocalDateTime> at = timestamp("at").defaultValue(LocalDateTime.of(2006, 2, 15, 4, 57, 20));
        final Column<UUID> uid = uuid("uid").defaultValue(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        final Column<byte[]> bytes = blob("bytes").defaultValue(new byte[] {1, (byte) 0xab});
        final Column<Double> ratio = doublePrecision("ratio").defaultValue(0.5);
        final Column<Long> big = bigint("big").defaultValue(10_000_000_000L);
        final Column<String> code = character("code", 2).defaultValue("x'");
        final Column<Boolean> off = bool("off").defaultValue(false);
        private Defaults() { super("defaults"); }
    }

    static final class Quoted extends Table {
        static final Quoted QUOTED = new Quoted();
        final Column<Integer> id = integer("i\"d").primaryKey();
        { index(id); }
        private Quoted() { super("we\"ird"); }
    }

    private static List<String> sql(List<Rendered> statements) {
        for (Rendered r : statements) {
            assertThat(r.binds()).as("DDL has no bind values: %s", r.sql()).isEmpty();
        }
        return statements.stream().map(Rendered::sql).toList();
    }

    private static List<String> create(boolean ifNotExists, Table... tables) {
        return sql(Ddl.createStatements(StandardTestDialect.INSTANCE, List.of(tables), ifNotExists));
    }

    private static List<String> drop(boolean ifExists, Table... tables) {
        return sql(Ddl.dropStatements(StandardTestDialect.INSTANCE, List.of(tables), ifExists));
    }

    static final class Collated extends Table {
        static final Collated COLLATED = new Collated();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 20).collate("de-DE-x-icu");
        final Column<String> odd = text("odd").nullable().collate("we\"ird");
        final Column<String> plain = character("plain", 2).nullable();
        private Collated() { super("collated"); }
    }

    /** The standard renderer writes a declared collation as a quoted identifier after the type, and none otherwise. */
    @Test
    void aDeclaredCollationIsAQuotedIdentifierAfterTheType() {
        assertThat(create(false, Collated.COLLATED)).containsExactly(
                "CREATE TABLE \"collated\" (\"id\" INTEGER NOT NULL, \"name\" VARCHAR(20) COLLATE \"de-DE-x-icu\" NOT NULL, "
                        + "\"odd\" TEXT COLLATE \"we\"\"ird\", \"plain\" CHAR(2), PRIMARY KEY (\"id\"))");
    }

    @Test
    void createInForeignKeyOrderWithIndexes() {
        assertThat(create(false, Film.FILM, Language.LANGUAGE)).containsExactly(
                "CREATE TABLE \"language\" (\"language_id\" INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "\"name\" VARCHAR(20) NOT NULL UNIQUE)",
                "CREATE TABLE \"film\" (\"film_id\" INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "\"title\" VARCHAR(255) NOT NULL, "
                        + "\"description\" TEXT, "
                        + "\"director\" VARCHAR(50) NOT NULL DEFAULT ('O''Brien'), "
                        + "\"rental_rate\" DECIMAL(4, 2) NOT NULL DEFAULT (4.99), "
                        + "\"length\" SMALLINT CHECK (\"length\" > 0), "
                        + "\"rating\" VARCHAR(5) NOT NULL DEFAULT ('G') CHECK (\"rating\" IN ('G', 'PG-13', 'R')), "
                        + "\"active\" BOOLEAN NOT NULL DEFAULT (TRUE), "
                        + "\"language_id\" INTEGER NOT NULL, "
                        + "\"original_language_id\" INTEGER, "
                        + "\"last_update\" TIMESTAMP NOT NULL DEFAULT (CURRENT_TIMESTAMP), "
                        + "CONSTRAINT \"rate_not_negative\" CHECK (\"rental_rate\" >= 0), "
                        + "CONSTRAINT \"fk_film_language_id\" FOREIGN KEY (\"language_id\") REFERENCES \"language\" (\"language_id\") "
                        + "ON DELETE RESTRICT ON UPDATE CASCADE, "
                        + "CONSTRAINT \"fk_film_original_language_id\" FOREIGN KEY (\"original_language_id\") "
                        + "REFERENCES \"language\" (\"language_id\") ON DELETE SET NULL)",
                "CREATE INDEX \"idx_film_title\" ON \"film\" (\"title\")",
                "CREATE UNIQUE INDEX \"uq_film_title_language_id\" ON \"film\" (\"title\", \"language_id\")");
    }

    @Test
    void ifNotExists() {
        assertThat(create(true, Language.LANGUAGE, Film.FILM))
                .hasSize(4)
                .allSatisfy(s -> assertThat(s).containsPattern("^CREATE (TABLE|INDEX|UNIQUE INDEX) IF NOT EXISTS \""));
    }

    @Test
    void compositePrimaryKeyIsATableConstraint() {
        assertThat(create(false, FilmActor.FILM_ACTOR)).containsExactly(
                "CREATE TABLE \"film_actor\" (\"actor_id\" INTEGER NOT NULL, \"film_id\" INTEGER NOT NULL, "
                        + "PRIMARY KEY (\"actor_id\", \"film_id\"), "
                        + "CONSTRAINT \"fk_film_actor_film_id\" FOREIGN KEY (\"film_id\") REFERENCES \"film\" (\"film_id\") "
                        + "ON DELETE CASCADE)");
    }

    @Test
    void aCycleIsClosedWithAlterTable() {
        assertThat(create(false, Store.STORE, Staff.STAFF)).containsExactly(
                "CREATE TABLE \"store\" (\"store_id\" INTEGER NOT NULL, \"manager_staff_id\" INTEGER NOT NULL, "
                        + "PRIMARY KEY (\"store_id\"))",
                "CREATE TABLE \"staff\" (\"staff_id\" INTEGER NOT NULL, \"store_id\" INTEGER NOT NULL, "
                        + "PRIMARY KEY (\"staff_id\"), "
                        + "CONSTRAINT \"fk_staff_store_id\" FOREIGN KEY (\"store_id\") REFERENCES \"store\" (\"store_id\"))",
                "ALTER TABLE \"store\" ADD CONSTRAINT \"fk_store_manager_staff_id\" FOREIGN KEY (\"manager_staff_id\") "
                        + "REFERENCES \"staff\" (\"staff_id\")");
    }

    @Test
    void selfReferenceAndIdentityOutsideThePrimaryKey() {
        assertThat(create(false, Employee.EMPLOYEE)).containsExactly(
                "CREATE TABLE \"employee\" (\"employee_id\" BIGINT NOT NULL, \"manager_id\" BIGINT, "
                        + "\"badge\" BIGINT GENERATED BY DEFAULT AS IDENTITY, "
                        + "PRIMARY KEY (\"employee_id\"), "
                        + "CONSTRAINT \"fk_employee_manager_id\" FOREIGN KEY (\"manager_id\") REFERENCES \"employee\" (\"employee_id\"))");
    }

    @Test
    void onlyTheKeyColumnOfTwoIdentitiesIsThePrimaryKey() {
        assertThat(create(false, Ticket.TICKET)).containsExactly(
                "CREATE TABLE \"ticket\" (\"ticket_id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "\"badge\" SMALLINT GENERATED BY DEFAULT AS IDENTITY)");
    }

    @Test
    void identitiesRestartAfterTheLargestKey() {
        assertThat(Ddl.restartIdentityStatement(StandardTestDialect.INSTANCE, Ticket.TICKET.badge, 42).map(Rendered::sql))
                .contains("ALTER TABLE \"ticket\" ALTER COLUMN \"badge\" RESTART WITH 42");
        assertThatThrownBy(() -> Ddl.restartIdentityStatement(StandardTestDialect.INSTANCE, Film.FILM.title, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("film.title is not auto-increment");
    }

    @Test
    void literalDefaultsOfEveryKind() {
        assertThat(create(false, Defaults.DEFAULTS)).containsExactly(
                "CREATE TABLE \"defaults\" ("
                        + "\"day\" DATE NOT NULL DEFAULT ('2006-02-15'), "
                        + "\"at\" TIMESTAMP NOT NULL DEFAULT ('2006-02-15 04:57:20'), "
                        + "\"uid\" UUID NOT NULL DEFAULT ('123e4567-e89b-12d3-a456-426614174000'), "
                        + "\"bytes\" BLOB NOT NULL DEFAULT (X'01ab'), "
                        + "\"ratio\" DOUBLE PRECISION NOT NULL DEFAULT (0.5), "
                        + "\"big\" BIGINT NOT NULL DEFAULT (10000000000), "
                        + "\"code\" CHAR(2) NOT NULL DEFAULT ('x'''), "
                        + "\"off\" BOOLEAN NOT NULL DEFAULT (FALSE))");
    }

    @Test
    void identifiersWithQuotesAreEscaped() {
        assertThat(create(false, Quoted.QUOTED)).containsExactly(
                "CREATE TABLE \"we\"\"ird\" (\"i\"\"d\" INTEGER NOT NULL, PRIMARY KEY (\"i\"\"d\"))",
                "CREATE INDEX \"idx_we\"\"ird_i\"\"d\" ON \"we\"\"ird\" (\"i\"\"d\")");
        assertThat(drop(false, Quoted.QUOTED)).containsExactly("DROP TABLE \"we\"\"ird\"");
    }

    @Test
    void dropInReverseForeignKeyOrder() {
        assertThat(drop(false, Language.LANGUAGE, FilmActor.FILM_ACTOR, Film.FILM)).containsExactly(
                "DROP TABLE \"film_actor\"", "DROP TABLE \"film\"", "DROP TABLE \"language\"");
        assertThat(drop(true, Store.STORE, Staff.STAFF)).containsExactly(
                "DROP TABLE IF EXISTS \"staff\"", "DROP TABLE IF EXISTS \"store\"");
    }
}
