package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code country} (109 rows). */
public final class Country extends Table {
    /** The table. */
    public static final Country COUNTRY = new Country();

    /** {@code country_id}, the primary key. */
    public final Column<Integer> countryId = integer("country_id").primaryKey().autoIncrement();
    /** {@code country}, the country's name. */
    public final Column<String> country = varchar("country", 50);
    /**
     * {@code last_update}, defaulting to the current time. The SQLite schema leaves this one column
     * nullable, but no row is NULL, so it is NOT NULL like every other {@code last_update}.
     */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    private Country() {
        super("country");
    }
}
