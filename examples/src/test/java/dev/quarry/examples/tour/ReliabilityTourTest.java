package dev.quarry.examples.tour;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.TransactionOptions;
import dev.quarry.examples.tour.ReadmeTourTest.Film;
import dev.quarry.examples.tour.ReadmeTourTest.Language;
import dev.quarry.schema.Ddl;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's part on timeouts, on the tour's tables, run as it is printed (the block between the
 * README markers, which ReadmeTourTest finds in README.md).
 */
class ReliabilityTourTest {
    @Test
    void runsAsPrinted() {
        Language LANGUAGE = Language.LANGUAGE;
        Film FILM = Film.FILM;
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {
            Ddl.create(db, FILM, LANGUAGE);
            int english = db.insertInto(LANGUAGE, row -> row.set(LANGUAGE.name, "English")).executeAndGetKey(LANGUAGE.languageId);
            db.insertInto(FILM, row -> row.set(FILM.title, "ACADEMY DINOSAUR").set(FILM.languageId, english)).execute();

            // README: timeouts
            var titles = db.select(FILM.title).from(FILM)
                    .queryTimeout(Duration.ofSeconds(2))                       // this statement
                    .fetch();
            int changed = db.transaction(TransactionOptions.defaults().timeout(Duration.ofSeconds(5)),   // each attempt of the block
                    tx -> tx.update(FILM).set(FILM.rentalRate, BigDecimal.ONE).where(FILM.filmId.eq(1)).execute());
            try (Database limited = Database.builder("jdbc:sqlite::memory:")
                    .queryTimeout(Duration.ofSeconds(30))                      // every statement's default
                    .socketTimeout(Duration.ofMinutes(10))                     // the longest wait for one answer of a server
                    .closeTimeout(Duration.ofSeconds(5))                       // how long close() waits for transactions
                    .build()) {
                Ddl.create(limited, FILM, LANGUAGE);
            }
            // README: end

            assertThat(titles).extracting(r -> r.value1()).isEqualTo(List.of("ACADEMY DINOSAUR"));
            assertThat(changed).isEqualTo(1);
        }
    }
}
