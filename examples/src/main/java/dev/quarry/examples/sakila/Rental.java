package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code rental} (16044 rows): one inventory item rented by one customer. */
public final class Rental extends Table {
    /** The table. */
    public static final Rental RENTAL = new Rental();

    /** {@code rental_id}, the primary key. */
    public final Column<Integer> rentalId = integer("rental_id").primaryKey().autoIncrement();
    /** {@code rental_date}. */
    public final Column<LocalDateTime> rentalDate = timestamp("rental_date");
    /** {@code inventory_id}, the rented copy; references {@code inventory}. */
    public final Column<Integer> inventoryId = integer("inventory_id").references(Inventory.INVENTORY.inventoryId);
    /** {@code customer_id}, references {@code customer}. */
    public final Column<Integer> customerId = integer("customer_id").references(Customer.CUSTOMER.customerId);
    /** {@code return_date}, nullable: NULL while the copy is rented out (183 rows). */
    public final Column<LocalDateTime> returnDate = timestamp("return_date").nullable();
    /** {@code staff_id}, references {@code staff}. */
    public final Column<Integer> staffId = integer("staff_id").references(Staff.STAFF.staffId);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_rental_fk_inventory_id", inventoryId);
        index("idx_rental_fk_customer_id", customerId);
        index("idx_rental_fk_staff_id", staffId);
        uniqueIndex("idx_rental_uq", rentalDate, inventoryId, customerId);
    }

    private Rental() {
        super("rental");
    }
}
