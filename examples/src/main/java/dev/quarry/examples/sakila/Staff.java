package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code staff} (2 rows); it and {@link Store} reference each other. */
public final class Staff extends Table {
    /** The table. */
    public static final Staff STAFF = new Staff();

    /** {@code staff_id}, the primary key. */
    public final Column<Integer> staffId = integer("staff_id").primaryKey().autoIncrement();
    /** {@code first_name}. */
    public final Column<String> firstName = varchar("first_name", 45);
    /** {@code last_name}. */
    public final Column<String> lastName = varchar("last_name", 45);
    /** {@code address_id}, references {@code address}; ON UPDATE CASCADE. */
    public final Column<Integer> addressId = integer("address_id")
            .references(Address.ADDRESS.addressId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code picture}, nullable (NULL in every row: the original image is damaged). */
    public final Column<byte[]> picture = blob("picture").nullable();
    /** {@code email}, nullable. */
    public final Column<String> email = varchar("email", 50).nullable();
    /** {@code store_id}, references {@code store} (lazily, see {@link Store}); ON UPDATE CASCADE. */
    public final Column<Integer> storeId = integer("store_id")
            .references(() -> Store.STORE.storeId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code active}, default true; 1/0 in the CSV. */
    public final Column<Boolean> active = bool("active").defaultValue(true);
    /** {@code username}. */
    public final Column<String> username = varchar("username", 16);
    /** {@code password}, nullable: a SHA-1 hex digest in the data. */
    public final Column<String> password = varchar("password", 40).nullable();
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_fk_staff_store_id", storeId);
        index("idx_fk_staff_address_id", addressId);
    }

    private Staff() {
        super("staff");
    }
}
