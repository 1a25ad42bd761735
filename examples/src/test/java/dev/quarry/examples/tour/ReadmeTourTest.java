package dev.quarry.examples.tour;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.DbEnum;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Row;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.currentTimestamp;
import static dev.quarry.dsl.Dsl.orderBy;
import static dev.quarry.dsl.Dsl.partitionBy;
import static dev.quarry.dsl.Dsl.rank;
import static dev.quarry.dsl.Dsl.sum;
import static dev.quarry.dsl.Dsl.unboundedPreceding;
import static dev.quarry.dsl.Dsl.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code of the README's tour, compiled and run as it is printed there, so that the README stays
 * true. Keep the two in step: each block between "README:" markers is copied into README.md.
 */
class ReadmeTourTest {
    // README: tables
    public enum Rating implements DbEnum {
        G("G"), PG("PG"), PG13("PG-13");
        private final String label;
        Rating(String label) { this.label = label; }
        @Override public String dbName() { return label; }
    }

    public static final class Language extends Table {
        public static final Language LANGUAGE = new Language();
        public final Column<Integer> languageId = integer("language_id").primaryKey().autoIncrement();
        public final Column<String>  name       = character("name", 20);
        private Language() { super("language"); }
    }

    public static final class Film extends Table {
        public static final Film FILM = new Film();
        public final Column<Integer>       filmId     = integer("film_id").primaryKey().autoIncrement();
        public final Column<String>        title      = varchar("title", 255);
        public final Column<BigDecimal>    rentalRate = decimal("rental_rate", 4, 2).defaultValue(new BigDecimal("4.99"));
        public final Column<Integer>       languageId = integer("language_id")
                .references(Language.LANGUAGE.languageId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
        public final Column<Short>         length     = smallint("length").nullable();
        public final Column<Rating>        rating     = enumeration("rating", Rating.class).nullable();
        public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(currentTimestamp());
        private Film() { super("film"); }
        { uniqueIndex(title); }
    }
    // README: end

    // README: records
    record FilmRow(String title, String name) {}
    record LanguageTotal(String name, long films, BigDecimal totalRate) {}
    // README: end

    @Test
    void readmeShowsThisCode() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        int blocks = 0;
        for (String file : List.of("ReadmeTourTest.java", "JoinsSubqueriesCtesTourTest.java", "MappingTourTest.java",
                "ReliabilityTourTest.java")) {
            String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/dev/quarry/examples/tour", file));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("// README: (\\w+)\\n(.*?)\\n\\s*// README: end",
                    java.util.regex.Pattern.DOTALL).matcher(source);
            while (m.find()) {
                String[] lines = m.group(2).split("\\n");
                int indent = Integer.MAX_VALUE;
                for (String l : lines) if (!l.isBlank()) indent = Math.min(indent, l.length() - l.stripLeading().length());
                StringBuilder block = new StringBuilder();
                for (String l : lines) block.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
                assertThat(readme).as("README block '%s' of %s", m.group(1), file).contains(block.toString().strip());
                blocks++;
            }
        }
        assertThat(blocks).isEqualTo(11);
    }

    @Test
    void tourRunsAsPrinted() {
        Language LANGUAGE = Language.LANGUAGE;
        Film FILM = Film.FILM;
        // README: tour
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {       // dialect chosen from the URL
            Ddl.create(db, FILM, LANGUAGE);                                    // CREATE TABLE in foreign-key order

            int english = db.insertInto(LANGUAGE, row -> row.set(LANGUAGE.name, "English"))
                    .executeAndGetKey(LANGUAGE.languageId);
            db.insertInto(FILM, List.of("ACADEMY DINOSAUR", "ACE GOLDFINGER", "ZORRO ARK"), (row, title) -> row
                    .set(FILM.title, title)
                    .set(FILM.languageId, english)
                    .set(FILM.rentalRate, title.startsWith("A") ? new BigDecimal("0.99") : new BigDecimal("4.99")))
                .execute();                                                    // one multi-row INSERT

            List<FilmRow> rows = db.select(FILM.title, LANGUAGE.name)
                    .from(FILM).join(LANGUAGE).on(FILM.languageId.eq(LANGUAGE.languageId))
                    .where(FILM.rentalRate.lt(new BigDecimal("2.99")).and(FILM.title.startsWith("A")))
                    .orderBy(FILM.title.asc()).limit(10)
                    .fetchInto(FilmRow.class);                                 // by component name

            Field<BigDecimal> totalRate = sum(FILM.rentalRate).as("total_rate");
            List<LanguageTotal> totals = db.select(LANGUAGE.name, count().as("films"), totalRate)
                    .from(LANGUAGE).leftJoin(FILM).on(FILM.languageId.eq(LANGUAGE.languageId))
                    .groupBy(LANGUAGE.name)
                    .orderBy(totalRate.desc())
                    .fetchInto(LanguageTotal.class);

            int changed = db.transaction(tx -> tx.update(FILM)
                    .set(FILM.rentalRate, new BigDecimal("0.99"))
                    .where(FILM.title.eq("ZORRO ARK"))
                    .execute());                                               // committed when the lambda returns

            var upserted = db.insertInto(FILM, row -> row
                        .set(FILM.title, "ZORRO ARK").set(FILM.languageId, english).set(FILM.rentalRate, new BigDecimal("2.99")))
                    .onConflict(FILM.title)                                    // a unique key of the table
                    .doUpdate(set -> set.set(FILM.rentalRate, Dsl.excluded(FILM.rentalRate)))
                    .returning(FILM.filmId, FILM.rentalRate)                   // PostgreSQL, SQLite, MariaDB
                    .fetch();

            Rendered sql = db.select(FILM.title).from(FILM).where(FILM.length.ge((short) 90)).render(db.dialect());
            // sql.sql():   SELECT "film"."title" FROM "film" WHERE "film"."length" >= ?
            // sql.binds(): [90]
            // README: end

            // README: windows
            var ranked = db.select(FILM.title,
                            rank().over(partitionBy(FILM.languageId).orderBy(FILM.rentalRate.desc())),   // window function
                            sum(FILM.rentalRate).over(orderBy(FILM.title).rows(unboundedPreceding())),  // running total
                            when(FILM.rentalRate.lt(new BigDecimal("1.00")), "cheap").otherwise("regular"))
                    .from(FILM).orderBy(FILM.title.asc())
                    .fetch();                                  // List<Record4<String, Long, BigDecimal, String>>
            // README: end
            assertThat(ranked).extracting(r -> r.value1() + " " + r.value2() + " " + r.value3() + " " + r.value4())
                    .containsExactly("ACADEMY DINOSAUR 2 0.99 cheap", "ACE GOLDFINGER 2 1.98 cheap", "ZORRO ARK 1 4.97 regular");

            assertThat(rows).containsExactly(new FilmRow("ACADEMY DINOSAUR", "English"), new FilmRow("ACE GOLDFINGER", "English"));
            assertThat(totals).containsExactly(new LanguageTotal("English", 3, new BigDecimal("6.97")));
            assertThat(changed).isEqualTo(1);
            assertThat(sql.sql()).isEqualTo("SELECT \"film\".\"title\" FROM \"film\" WHERE \"film\".\"length\" >= ?");
            assertThat(sql.binds()).containsExactly((short) 90);
            assertThat(upserted).hasSize(1);
            assertThat(upserted.get(0).get(FILM.filmId)).isEqualTo(3);
            assertThat(upserted.get(0).get(FILM.rentalRate)).isEqualTo(new BigDecimal("2.99"));
            Row zorro = db.select(FILM.rentalRate, FILM.rating, FILM.length).from(FILM).where(FILM.title.eq("ZORRO ARK")).fetchOne();
            assertThat(zorro.get(FILM.rentalRate)).isEqualTo(new BigDecimal("2.99"));
            assertThat(db.select(count()).from(FILM).fetchValue(count())).isEqualTo(3L);
            assertThat(zorro.get(FILM.rating)).isNull();
            assertThat(zorro.get(FILM.length)).isNull();
            assertThat(Dsl.select(FILM.title).from(FILM).render(db.dialect()).sql()).isEqualTo("SELECT \"film\".\"title\" FROM \"film\"");
        }
    }
}
