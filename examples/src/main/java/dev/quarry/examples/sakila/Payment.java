package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Sakila's {@code payment} (16049 rows); the amounts sum to 67416.51. */
public final class Payment extends Table {
    /** The table. */
    public static final Payment PAYMENT = new Payment();

    /** {@code payment_id}, the primary key. */
    public final Column<Integer> paymentId = integer("payment_id").primaryKey().autoIncrement();
    /** {@code customer_id}, references {@code customer}. */
    public final Column<Integer> customerId = integer("customer_id").references(Customer.CUSTOMER.customerId);
    /** {@code staff_id}, references {@code staff}. */
    public final Column<Integer> staffId = integer("staff_id").references(Staff.STAFF.staffId);
    /**
     * {@code rental_id}, nullable (NULL in 5 rows); references {@code rental}, ON DELETE SET NULL and
     * ON UPDATE CASCADE.
     */
    public final Column<Integer> rentalId = integer("rental_id").nullable()
            .references(Rental.RENTAL.rentalId, ReferenceAction.SET_NULL, ReferenceAction.CASCADE);
    /** {@code amount}. */
    public final Column<BigDecimal> amount = decimal("amount", 5, 2);
    /** {@code payment_date}. */
    public final Column<LocalDateTime> paymentDate = timestamp("payment_date");
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_fk_staff_id", staffId);
        index("idx_fk_customer_id", customerId);
    }

    private Payment() {
        super("payment");
    }
}
