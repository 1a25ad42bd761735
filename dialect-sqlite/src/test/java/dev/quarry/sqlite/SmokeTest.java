package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import static dev.quarry.dsl.Dsl.*;

class SmokeTest {
    static final class Lang extends Table {
        static final Lang LANG = new Lang();
        final Column<Integer> id = integer("language_id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 20);
        private Lang() { super("language"); }
    }
    static final class Film extends Table {
        static final Film FILM = new Film();
        final Column<Integer> id = integer("film_id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 255);
        final Column<BigDecimal> rate = decimal("rental_rate", 4, 2).defaultValue(new BigDecimal("4.99"));
        final Column<Integer> langId = integer("language_id").nullable().references(Lang.LANG.id);
        final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(currentTimestamp());
        private Film() { super("film"); }
        { index(title); }
    }

    @Test
    void smoke() {
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {
            Ddl.createStatements(db.dialect(), java.util.List.of(Film.FILM, Lang.LANG), true).forEach(System.out::println);
            Ddl.create(db, Film.FILM, Lang.LANG);
            int en = db.insertInto(Lang.LANG, r -> r.set(Lang.LANG.name, "English")).executeAndGetKey(Lang.LANG.id);
            System.out.println("key " + en);
            System.out.println(db.insertInto(Film.FILM, java.util.List.of("A", "B", "C"), (r, t) -> r.set(Film.FILM.title, t).set(Film.FILM.langId, t.equals("C") ? null : en)).executeAndGetKeys(Film.FILM.id));
            var q = db.select(Film.FILM.title, Lang.LANG.name, Film.FILM.rate, Film.FILM.lastUpdate).from(Film.FILM).leftJoin(Lang.LANG).on(Film.FILM.langId.eq(Lang.LANG.id)).where(Film.FILM.title.in("A", "C")).orderBy(Film.FILM.title.desc()).limit(5);
            System.out.println(q.render(db.dialect()));
            q.fetch().forEach(System.out::println);
            System.out.println(db.select(sum(Film.FILM.rate), count(), avg(Film.FILM.rate)).from(Film.FILM).fetchOne());
            db.update(Film.FILM).set(Film.FILM.rate, new BigDecimal("0.99")).where(Film.FILM.title.startsWith("A")).execute();
            record R(String title, BigDecimal rentalRate) {}
            System.out.println(db.select(Film.FILM.title, Film.FILM.rate).from(Film.FILM).fetchInto(R.class));
            Ddl.drop(db, Film.FILM, Lang.LANG);
        }
    }
}
