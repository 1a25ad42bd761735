package dev.quarry.examples.tour;

import dev.quarry.dsl.Cte;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.DerivedTable;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Record2;
import dev.quarry.examples.tour.ReadmeTourTest.Film;
import dev.quarry.examples.tour.ReadmeTourTest.Language;
import dev.quarry.schema.Ddl;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.cte;
import static dev.quarry.dsl.Dsl.field;
import static dev.quarry.dsl.Dsl.notExists;
import static dev.quarry.dsl.Dsl.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README tour's part on joins, table aliases, derived tables, subqueries and CTEs, on the
 * tour's tables, run as it is meant to be printed (the block between the README markers, which ReadmeTourTest finds in README.md).
 */
class JoinsSubqueriesCtesTourTest {
    @Test
    void runsAsPrinted() {
        Language LANGUAGE = Language.LANGUAGE;
        Film FILM = Film.FILM;
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {
            Ddl.create(db, FILM, LANGUAGE);
            int english = db.insertInto(LANGUAGE, row -> row.set(LANGUAGE.name, "English")).executeAndGetKey(LANGUAGE.languageId);
            db.insertInto(FILM, List.of("ACADEMY DINOSAUR", "ACE GOLDFINGER", "ZORRO ARK"), (row, title) -> row
                    .set(FILM.title, title).set(FILM.languageId, english)
                    .set(FILM.rentalRate, title.startsWith("A") ? new BigDecimal("0.99") : new BigDecimal("4.99")))
                .execute();

            // README: joins
            Film other = FILM.as("other");                                     // a typed alias: other.title is a Column<String>
            List<Record2<String, String>> samePrice = db.select(FILM.title, other.title)
                    .from(FILM).join(other).on(FILM.rentalRate.eq(other.rentalRate).and(FILM.filmId.lt(other.filmId)))
                    .fetch();                                                  // "film" AS "other", "other"."title"

            var withLanguage = db.select(FILM.title, LANGUAGE.name)
                    .from(FILM).join(LANGUAGE).onForeignKey()                  // ON "film"."language_id" = "language"."language_id"
                    .fetch();

            Field<Long> films = count().as("films");                          // a derived table keeps typed columns
            DerivedTable perLanguage = select(FILM.languageId, films).from(FILM).groupBy(FILM.languageId).asTable("per_language");
            var counts = db.select(LANGUAGE.name, perLanguage.field(films))
                    .from(LANGUAGE).join(perLanguage).on(perLanguage.field(FILM.languageId).eq(LANGUAGE.languageId))
                    .fetch();                                                  // JOIN (SELECT ...) AS "per_language"

            var aboveAverage = db.select(FILM.title).from(FILM)               // a scalar subquery
                    .where(FILM.rentalRate.gt(field(select(avg(FILM.rentalRate)).from(FILM))))
                    .fetch();

            Cte cheap = cte("cheap").as(select(FILM.filmId, FILM.title).from(FILM).where(FILM.rentalRate.lt(BigDecimal.ONE)));
            var cheapTitles = db.with(cheap).select(cheap.field(FILM.title)).from(cheap).fetch();
            int raised = db.with(cheap).update(FILM)                           // WITH ... UPDATE (not on MariaDB)
                    .set(FILM.rentalRate, new BigDecimal("1.49"))
                    .where(FILM.filmId.in(select(cheap.field(FILM.filmId)).from(cheap)))
                    .execute();
            boolean allLanguagesUsed = db.select(LANGUAGE.name).from(LANGUAGE)
                    .where(notExists(select(FILM.filmId).from(FILM).where(FILM.languageId.eq(LANGUAGE.languageId))))
                    .fetch().isEmpty();                                        // a correlated NOT EXISTS
            // README: end

            assertThat(samePrice).extracting(r -> r.value1() + "=" + r.value2()).containsExactly("ACADEMY DINOSAUR=ACE GOLDFINGER");
            assertThat(withLanguage).hasSize(3).allMatch(r -> r.value2().equals("English"));
            assertThat(counts).extracting(r -> r.value1() + ":" + r.value2()).containsExactly("English:3");
            assertThat(aboveAverage).extracting(r -> r.value1()).containsExactly("ZORRO ARK");
            assertThat(cheapTitles).extracting(r -> r.value1()).containsExactlyInAnyOrder("ACADEMY DINOSAUR", "ACE GOLDFINGER");
            assertThat(raised).isEqualTo(2);
            assertThat(allLanguagesUsed).isTrue();
        }
    }
}
