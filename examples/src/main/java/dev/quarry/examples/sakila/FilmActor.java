package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code film_actor} (5462 rows): which actor plays in which film. */
public final class FilmActor extends Table {
    /** The table. */
    public static final FilmActor FILM_ACTOR = new FilmActor();

    /** {@code actor_id}, references {@code actor}; ON UPDATE CASCADE. */
    public final Column<Integer> actorId = integer("actor_id")
            .references(Actor.ACTOR.actorId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code film_id}, references {@code film}; ON UPDATE CASCADE. */
    public final Column<Integer> filmId = integer("film_id")
            .references(Film.FILM.filmId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        primaryKey(actorId, filmId);
        index("idx_fk_film_actor_film", filmId);
        index("idx_fk_film_actor_actor", actorId);
    }

    private FilmActor() {
        super("film_actor");
    }
}
