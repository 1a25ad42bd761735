package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code inventory} (4581 rows): the copies of a film that a store holds. */
public final class Inventory extends Table {
    /** The table. */
    public static final Inventory INVENTORY = new Inventory();

    /** {@code inventory_id}, the primary key. */
    public final Column<Integer> inventoryId = integer("inventory_id").primaryKey().autoIncrement();
    /** {@code film_id}, references {@code film}; ON UPDATE CASCADE. */
    public final Column<Integer> filmId = integer("film_id")
            .references(Film.FILM.filmId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code store_id}, references {@code store}; ON UPDATE CASCADE. */
    public final Column<Integer> storeId = integer("store_id")
            .references(Store.STORE.storeId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_fk_film_id", filmId);
        index("idx_fk_film_id_store_id", storeId, filmId);
    }

    private Inventory() {
        super("inventory");
    }
}
