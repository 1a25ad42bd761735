package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code film_category} (1000 rows): the category of each film. */
public final class FilmCategory extends Table {
    /** The table. */
    public static final FilmCategory FILM_CATEGORY = new FilmCategory();

    /** {@code film_id}, references {@code film}; ON UPDATE CASCADE. */
    public final Column<Integer> filmId = integer("film_id")
            .references(Film.FILM.filmId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code category_id}, references {@code category}; ON UPDATE CASCADE. */
    public final Column<Integer> categoryId = integer("category_id")
            .references(Category.CATEGORY.categoryId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        primaryKey(filmId, categoryId);
        index("idx_fk_film_category_film", filmId);
        index("idx_fk_film_category_category", categoryId);
    }

    private FilmCategory() {
        super("film_category");
    }
}
