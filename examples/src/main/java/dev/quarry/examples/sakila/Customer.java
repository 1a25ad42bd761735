package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code customer} (599 rows). */
public final class Customer extends Table {
    /** The table. */
    public static final Customer CUSTOMER = new Customer();

    /** {@code customer_id}, the primary key. */
    public final Column<Integer> customerId = integer("customer_id").primaryKey().autoIncrement();
    /** {@code store_id}, the customer's home store; references {@code store}, ON UPDATE CASCADE. */
    public final Column<Integer> storeId = integer("store_id")
            .references(Store.STORE.storeId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code first_name}, upper case in the data. */
    public final Column<String> firstName = varchar("first_name", 45);
    /** {@code last_name}, upper case in the data; indexed. */
    public final Column<String> lastName = varchar("last_name", 45);
    /** {@code email}, nullable. */
    public final Column<String> email = varchar("email", 50).nullable();
    /** {@code address_id}, references {@code address}; ON UPDATE CASCADE. */
    public final Column<Integer> addressId = integer("address_id")
            .references(Address.ADDRESS.addressId, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
    /** {@code active}, default true; 1/0 in the CSV (15 customers are inactive). */
    public final Column<Boolean> active = bool("active").defaultValue(true);
    /** {@code create_date}. */
    public final Column<LocalDateTime> createDate = timestamp("create_date");
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_customer_fk_store_id", storeId);
        index("idx_customer_fk_address_id", addressId);
        index("idx_customer_last_name", lastName);
    }

    private Customer() {
        super("customer");
    }
}
