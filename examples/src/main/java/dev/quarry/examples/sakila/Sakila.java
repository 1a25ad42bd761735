package dev.quarry.examples.sakila;

import dev.quarry.schema.Table;

import java.util.List;

/** The Sakila schema as Quarry tables. */
public final class Sakila {
    /**
     * The 15 Sakila tables that hold data (the empty {@code film_text} is left out), in an order in
     * which they can be loaded: every table comes after the tables it references, except that
     * {@code store} and {@code staff} reference each other (load them with deferred foreign-key checks).
     * Unmodifiable.
     */
    public static final List<Table> TABLES = List.of(
            Language.LANGUAGE,
            Category.CATEGORY,
            Actor.ACTOR,
            Country.COUNTRY,
            City.CITY,
            Address.ADDRESS,
            Film.FILM,
            FilmActor.FILM_ACTOR,
            FilmCategory.FILM_CATEGORY,
            Store.STORE,
            Staff.STAFF,
            Inventory.INVENTORY,
            Customer.CUSTOMER,
            Rental.RENTAL,
            Payment.PAYMENT);

    private Sakila() {}

    /**
     * @param name a table name such as {@code film_actor}
     * @return the table of that name
     * @throws IllegalArgumentException if no Sakila table has that name
     */
    public static Table table(String name) {
        for (Table t : TABLES) {
            if (t.name().equals(name)) return t;
        }
        throw new IllegalArgumentException("no Sakila table is named '" + name + "'; tables: "
                + TABLES.stream().map(Table::name).toList());
    }
}
