package dev.quarry.examples.tour;

import dev.quarry.dsl.Database;
import dev.quarry.examples.sakila.StatementCounter;
import dev.quarry.examples.tour.ReadmeTourTest.Film;
import dev.quarry.examples.tour.ReadmeTourTest.Language;
import dev.quarry.mapping.Entity;
import dev.quarry.mapping.Lazy;
import dev.quarry.mapping.LazyLoadingException;
import dev.quarry.mapping.Records;
import dev.quarry.mapping.Relation;
import dev.quarry.mapping.Repository;
import dev.quarry.schema.Ddl;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's part on the mapping layer, on the tour's tables, run as it is printed (the
 * blocks between the README markers, which ReadmeTourTest finds in README.md).
 */
class MappingTourTest {
    // README: entities
    record LanguageRecord(int languageId, String name, Lazy<List<FilmRecord>> films) {}
    record FilmRecord(int filmId, String title, BigDecimal rentalRate, Lazy<LanguageRecord> language) {}

    static final Entity<LanguageRecord> LANGUAGES = Entity.of(LanguageRecord.class, Language.LANGUAGE);
    static final Entity<FilmRecord> FILMS = Entity.of(FilmRecord.class, Film.FILM);
    static final Relation<LanguageRecord, FilmRecord> LANGUAGE_FILMS =
            LANGUAGES.oneToMany("films", FILMS, Film.FILM.languageId);
    static final Relation<FilmRecord, LanguageRecord> FILM_LANGUAGE =
            FILMS.manyToOne("language", LANGUAGES, Film.FILM.languageId);
    // README: end

    // README: rowrecords
    record LanguageName(int languageId, String name) {}
    record FilmWithLanguage(int filmId, String title, Optional<LanguageName> language) {}
    // README: end

    @Test
    void runsAsPrinted() {
        Language LANGUAGE = Language.LANGUAGE;
        Film FILM = Film.FILM;
        StatementCounter counter = new StatementCounter();
        try (Database db = Database.builder("jdbc:sqlite::memory:").statementListener(counter).build()) {
            Ddl.create(db, FILM, LANGUAGE);

            // README: repository
            Repository<LanguageRecord> languages = LANGUAGES.repository(db);
            Repository<FilmRecord> films = FILMS.repository(db);
            LanguageRecord english = languages.insert(new LanguageRecord(0, "English", Lazy.notLoaded()));  // key generated
            LanguageRecord french = languages.insert(new LanguageRecord(0, "French", Lazy.notLoaded()));
            FilmRecord academy = films.insert(new FilmRecord(0, "ACADEMY DINOSAUR", new BigDecimal("0.99"),
                    Lazy.of(english)));                                        // language_id written from the relation
            films.insertAll(List.of(
                    new FilmRecord(0, "ACE GOLDFINGER", new BigDecimal("4.99"), Lazy.of(english)),
                    new FilmRecord(0, "AFFAIR PREJUDICE", new BigDecimal("2.99"), Lazy.of(french))));

            Optional<FilmRecord> found = films.findById(academy.filmId());
            List<FilmRecord> cheap = films.findAll(FILM.rentalRate.lt(new BigDecimal("3.00")), FILM.title);
            long count = films.count();                                        // 3
            films.update(new FilmRecord(academy.filmId(), "ACADEMY DINOSAUR", new BigDecimal("1.99"), Lazy.notLoaded()));
            // README: end

            assertThat(english.languageId()).isEqualTo(1);
            assertThat(academy.filmId()).isEqualTo(1);
            assertThat(found).map(FilmRecord::title).contains("ACADEMY DINOSAUR");
            assertThat(cheap).extracting(FilmRecord::title).containsExactly("ACADEMY DINOSAUR", "AFFAIR PREJUDICE");
            assertThat(count).isEqualTo(3);
            assertThat(films.findById(1).orElseThrow().rentalRate()).isEqualByComparingTo("1.99");
            assertThat(films.findById(1).orElseThrow().language().get().name()).isEqualTo("English");

            long before = counter.count();
            // README: lazy
            List<LanguageRecord> all = languages.query().orderBy(LANGUAGE.name).fetch();            // 1 query
            for (LanguageRecord language : all) {
                System.out.println(language.name() + ": " + language.films().get().size() + " films");
            }                                                  // the first get() loads the films of both languages: 1 query

            List<FilmRecord> withLanguage = films.query().orderBy(FILM.title)
                    .with(FILM_LANGUAGE)                                       // eager: 2 queries, nothing loads later
                    .fetch();
            String firstLanguage = withLanguage.get(0).language().get().name();   // "English", no query

            List<FilmRecord> strict = films.query().strict().fetch();
            // strict.get(0).language().get() throws LazyLoadingException: not loaded with the query
            // README: end
            assertThat(counter.count() - before).isEqualTo(5);
            assertThat(all.get(0).films().get()).extracting(FilmRecord::title).containsExactly("ACADEMY DINOSAUR", "ACE GOLDFINGER");
            assertThat(all.get(1).films().get()).extracting(FilmRecord::title).containsExactly("AFFAIR PREJUDICE");
            assertThat(firstLanguage).isEqualTo("English");
            assertThat(withLanguage).allMatch(f -> f.language().isLoaded());
            assertThatThrownBy(() -> strict.get(0).language().get()).isInstanceOf(LazyLoadingException.class);

            db.insertInto(FILM, row -> row.set(FILM.title, "ZORRO ARK").set(FILM.languageId, french.languageId())).execute();
            // README: rows
            List<FilmWithLanguage> rows = db.select(FILM.filmId, FILM.title, LANGUAGE.languageId, LANGUAGE.name)
                    .from(FILM).leftJoin(LANGUAGE).on(LANGUAGE.languageId.eq(FILM.languageId).and(LANGUAGE.name.eq("English")))
                    .orderBy(FILM.filmId)
                    .fetch(Records.byName(FilmWithLanguage.class));  // language: Optional.empty() where the LEFT JOIN found none
            // README: end
            assertThat(rows).containsExactly(
                    new FilmWithLanguage(1, "ACADEMY DINOSAUR", Optional.of(new LanguageName(1, "English"))),
                    new FilmWithLanguage(2, "ACE GOLDFINGER", Optional.of(new LanguageName(1, "English"))),
                    new FilmWithLanguage(3, "AFFAIR PREJUDICE", Optional.empty()),
                    new FilmWithLanguage(4, "ZORRO ARK", Optional.empty()));
        }
    }
}
