package dev.quarry.examples.sakila;

import dev.quarry.mapping.Entity;
import dev.quarry.mapping.Lazy;
import dev.quarry.mapping.Relation;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Sakila through the mapping layer: records for customers, rentals, inventory and films, bound to their
 * tables, and the relations between them (customer → rentals → inventory item → film).
 */
public final class SakilaEntities {
    private SakilaEntities() {}

    /**
     * A customer and their rentals.
     *
     * @param customerId key
     * @param storeId the customer's home store
     * @param firstName first name
     * @param lastName last name
     * @param rentals the customer's rentals, by rental id
     */
    public record CustomerRecord(int customerId, int storeId, String firstName, String lastName, Lazy<List<RentalRecord>> rentals) {}

    /**
     * A rental and the inventory item rented.
     *
     * @param rentalId key
     * @param rentalDate when rented
     * @param returnDate when returned; null while out
     * @param inventory the copy rented
     */
    public record RentalRecord(int rentalId, LocalDateTime rentalDate, LocalDateTime returnDate, Lazy<InventoryRecord> inventory) {}

    /**
     * A copy of a film in a store.
     *
     * @param inventoryId key
     * @param storeId the store holding it
     * @param film the film
     */
    public record InventoryRecord(int inventoryId, int storeId, Lazy<FilmRecord> film) {}

    /**
     * A film.
     *
     * @param filmId key
     * @param title title
     */
    public record FilmRecord(int filmId, String title) {}

    /** Customers. */
    public static final Entity<CustomerRecord> CUSTOMERS = Entity.of(CustomerRecord.class, Customer.CUSTOMER);
    /** Rentals. */
    public static final Entity<RentalRecord> RENTALS = Entity.of(RentalRecord.class, Rental.RENTAL);
    /** Inventory. */
    public static final Entity<InventoryRecord> INVENTORY = Entity.of(InventoryRecord.class, Inventory.INVENTORY);
    /** Films. */
    public static final Entity<FilmRecord> FILMS = Entity.of(FilmRecord.class, Film.FILM);

    /** A customer's rentals (one-to-many through rental.customer_id). */
    public static final Relation<CustomerRecord, RentalRecord> CUSTOMER_RENTALS =
            CUSTOMERS.oneToMany("rentals", RENTALS, Rental.RENTAL.customerId);
    /** The inventory item of a rental (many-to-one through rental.inventory_id). */
    public static final Relation<RentalRecord, InventoryRecord> RENTAL_INVENTORY =
            RENTALS.manyToOne("inventory", INVENTORY, Rental.RENTAL.inventoryId);
    /** The film of an inventory item (many-to-one through inventory.film_id). */
    public static final Relation<InventoryRecord, FilmRecord> INVENTORY_FILM =
            INVENTORY.manyToOne("film", FILMS, Inventory.INVENTORY.filmId);
}
