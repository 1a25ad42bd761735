package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Sakila's {@code film} (1000 rows): the titles the stores rent out. */
public final class Film extends Table {
    /** The table. */
    public static final Film FILM = new Film();

    /** {@code film_id}, the primary key. */
    public final Column<Integer> filmId = integer("film_id").primaryKey().autoIncrement();
    /** {@code title}. */
    public final Column<String> title = varchar("title", 255);
    /** {@code description}, nullable text. */
    public final Column<String> description = text("description").nullable();
    /** {@code release_year}, nullable (2006 in every row). */
    public final Column<Integer> releaseYear = integer("release_year").nullable();
    /** {@code language_id}, references {@code language}. */
    public final Column<Integer> languageId = integer("language_id").references(Language.LANGUAGE.languageId);
    /** {@code original_language_id}, nullable (NULL in every row), references {@code language}. */
    public final Column<Integer> originalLanguageId = integer("original_language_id").nullable()
            .references(Language.LANGUAGE.languageId);
    /** {@code rental_duration} in days, default 3. */
    public final Column<Short> rentalDuration = smallint("rental_duration").defaultValue((short) 3);
    /** {@code rental_rate}, the price of one rental, default 4.99. */
    public final Column<BigDecimal> rentalRate = decimal("rental_rate", 4, 2).defaultValue(new BigDecimal("4.99"));
    /** {@code length} in minutes, nullable. */
    public final Column<Short> length = smallint("length").nullable();
    /** {@code replacement_cost}, default 19.99. */
    public final Column<BigDecimal> replacementCost = decimal("replacement_cost", 5, 2).defaultValue(new BigDecimal("19.99"));
    /** {@code rating}, nullable, default G; the DDL checks that only the five labels are stored. */
    public final Column<MpaaRating> rating = enumeration("rating", MpaaRating.class).nullable().defaultValue(MpaaRating.G);
    /**
     * {@code special_features}, nullable: a comma-separated list drawn from Trailers, Commentaries,
     * Deleted Scenes and Behind the Scenes, with the Sakila schema's CHECK that each value names one.
     */
    public final Column<String> specialFeatures = varchar("special_features", 100).nullable()
            .check(c -> Dsl.or(c.isNull(), c.contains("Trailers"), c.contains("Commentaries"),
                    c.contains("Deleted Scenes"), c.contains("Behind the Scenes")));
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_fk_language_id", languageId);
        index("idx_fk_original_language_id", originalLanguageId);
    }

    private Film() {
        super("film");
    }
}
