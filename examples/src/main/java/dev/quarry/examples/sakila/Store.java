package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/**
 * Sakila's {@code store} (2 rows). A store's manager is a {@link Staff} member and every staff member
 * works in a store, so the two tables reference each other: both foreign keys use the lazy
 * {@code references(() -> ...)} form, since whichever class is initialized first would otherwise see
 * the other's table constant still null. Loading them needs deferred foreign-key checks.
 */
public final class Store extends Table {
    /** The table. */
    public static final Store STORE = new Store();

    /** {@code store_id}, the primary key. */
    public final Column<Integer> storeId = integer("store_id").primaryKey().autoIncrement();
    /** {@code manager_staff_id}, references {@code staff} (lazily, see the class comment). */
    public final Column<Integer> managerStaffId = integer("manager_staff_id").references(() -> Staff.STAFF.staffId);
    /** {@code address_id}, references {@code address}. */
    public final Column<Integer> addressId = integer("address_id").references(Address.ADDRESS.addressId);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_store_fk_manager_staff_id", managerStaffId);
        index("idx_fk_store_address", addressId);
    }

    private Store() {
        super("store");
    }
}
