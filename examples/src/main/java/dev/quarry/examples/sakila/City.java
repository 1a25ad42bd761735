package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code city} (600 rows), each in a {@link Country}. */
public final class City extends Table {
    /** The table. */
    public static final City CITY = new City();

    /** {@code city_id}, the primary key. */
    public final Column<Integer> cityId = integer("city_id").primaryKey().autoIncrement();
    /** {@code city}, the city's name. */
    public final Column<String> city = varchar("city", 50);
    /** {@code country_id}, references {@code country}; ON UPDATE CASCADE. */
    public final Column<Integer> countryId = integer("country_id")
            .references(Country.COUNTRY.countryId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_fk_country_id", countryId);
    }

    private City() {
        super("city");
    }
}
