package dev.quarry.mysql;

import dev.quarry.dsl.DbEnum;
import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Tables of the DDL tests: foreign keys with actions, a cycle (store and staff), defaults of every
 * type, checks, an enum and indexes. Their names start with {@code my_}, since the server tests create
 * them on a server that other modules' tests use too.
 */
final class DdlTables {
    private DdlTables() {}

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
        private Language() { super("my_language"); }
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
        final Column<String> notes = text("notes").nullable().defaultValue("C:\\temp\\new");
        { index(title); uniqueIndex(title, languageId); check("my_rate_not_negative", rate.ge(BigDecimal.ZERO)); }
        private Film() { super("my_film"); }
    }

    static final class FilmActor extends Table {
        static final FilmActor FILM_ACTOR = new FilmActor();
        final Column<Integer> actorId = integer("actor_id");
        final Column<Integer> filmId = integer("film_id").references(Film.FILM.id, ReferenceAction.CASCADE, ReferenceAction.NO_ACTION);
        { primaryKey(actorId, filmId); }
        private FilmActor() { super("my_film_actor"); }
    }

    static final class Store extends Table {
        static final Store STORE = new Store();
        final Column<Integer> id = integer("store_id").primaryKey();
        final Column<Integer> managerId = integer("manager_staff_id").references(() -> Staff.STAFF.id);
        private Store() { super("my_store"); }
    }

    static final class Staff extends Table {
        static final Staff STAFF = new Staff();
        final Column<Integer> id = integer("staff_id").primaryKey();
        final Column<Integer> storeId = integer("store_id").references(() -> Store.STORE.id);
        private Staff() { super("my_staff"); }
    }

    /** A default of every type, so that a row that sets no column reads every literal back. */
    static final class Defaults extends Table {
        static final UUID A_UUID = UUID.fromString("2f1c7c9e-8a8b-4f4e-9a55-0d1b7f3a9c10");
        static final OffsetDateTime A_TSTZ = OffsetDateTime.of(2006, 2, 15, 4, 34, 33, 123_456_000, ZoneOffset.ofHours(2));
        static final Defaults DEFAULTS = new Defaults(); // after the constants it uses
        final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        final Column<Long> aBigint = bigint("a_bigint").defaultValue(Long.MIN_VALUE);
        final Column<Short> aSmallint = smallint("a_smallint").defaultValue((short) -7);
        final Column<String> aChar = character("a_char", 3).defaultValue("a'b");
        final Column<String> aText = text("a_text").defaultValue("back\\slash 'quote' ☃");
        final Column<Boolean> aBool = bool("a_bool").defaultValue(false);
        final Column<Float> aReal = real("a_real").defaultValue(1.1f);
        final Column<Double> aDouble = doublePrecision("a_double").defaultValue(0.1 + 0.2);
        final Column<LocalDate> aDate = date("a_date").defaultValue(LocalDate.of(1999, 12, 31));
        final Column<LocalDateTime> aTimestamp = timestamp("a_timestamp").defaultValue(LocalDateTime.of(2005, 5, 24, 22, 53, 30, 123_456_000));
        final Column<OffsetDateTime> aTimestamptz = timestamptz("a_timestamptz").defaultValue(A_TSTZ);
        final Column<UUID> aUuid = uuid("a_uuid").defaultValue(A_UUID);
        final Column<byte[]> aBlob = blob("a_blob").defaultValue(new byte[] {0, 1, (byte) 0xff});
        final Column<String> aJson = json("a_json").defaultValue("{\"a\": [1, 2]}");
        private Defaults() { super("my_defaults"); }
    }

    /** An auto-increment column that is not the key: it gets UNIQUE, since InnoDB needs it indexed. */
    static final class AutoIncrementOutsideKey extends Table {
        static final AutoIncrementOutsideKey INSTANCE = new AutoIncrementOutsideKey();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Long> seq = bigint("seq").autoIncrement();
        private AutoIncrementOutsideKey() { super("my_auto_outside"); }
    }

    static final Table[] ALL = {FilmActor.FILM_ACTOR, Film.FILM, Language.LANGUAGE, Store.STORE, Staff.STAFF};
}
