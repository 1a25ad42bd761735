package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code address} (603 rows): addresses of customers, staff and stores. */
public final class Address extends Table {
    /** The table. */
    public static final Address ADDRESS = new Address();

    /** {@code address_id}, the primary key. */
    public final Column<Integer> addressId = integer("address_id").primaryKey().autoIncrement();
    /** {@code address}, the street line. */
    public final Column<String> address = varchar("address", 50);
    /** {@code address2}, nullable: NULL in 4 rows and the empty string in the other 599. */
    public final Column<String> address2 = varchar("address2", 50).nullable();
    /** {@code district}; the empty string in 3 rows. */
    public final Column<String> district = varchar("district", 20);
    /** {@code city_id}, references {@code city}; ON UPDATE CASCADE. */
    public final Column<Integer> cityId = integer("city_id")
            .references(City.CITY.cityId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code postal_code}, nullable (the data has the empty string in 4 rows, no NULL). */
    public final Column<String> postalCode = varchar("postal_code", 10).nullable();
    /** {@code phone}; the empty string in 2 rows. */
    public final Column<String> phone = varchar("phone", 20);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_fk_city_id", cityId);
    }

    private Address() {
        super("address");
    }
}
