package dev.quarry.examples.sakila;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.Transaction;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.countDistinct;
import static dev.quarry.examples.sakila.Actor.ACTOR;
import static dev.quarry.examples.sakila.Category.CATEGORY;
import static dev.quarry.examples.sakila.Customer.CUSTOMER;
import static dev.quarry.examples.sakila.Film.FILM;
import static dev.quarry.examples.sakila.FilmActor.FILM_ACTOR;
import static dev.quarry.examples.sakila.FilmCategory.FILM_CATEGORY;
import static dev.quarry.examples.sakila.Inventory.INVENTORY;
import static dev.quarry.examples.sakila.Payment.PAYMENT;
import static dev.quarry.examples.sakila.Rental.RENTAL;

/**
 * The demo's reports over a loaded Sakila database, each built with the Quarry DSL and returned as
 * Java records (printing is {@link SakilaDemo}'s job). Only {@link #rentalTransactions()} changes
 * data. Thread-safe as far as the database is.
 */
public final class SakilaReports {
    /** The fixed time of the rental that {@link #rentalTransactions()} commits, so that output is repeatable. */
    public static final LocalDateTime RENTED_AT = LocalDateTime.of(2006, 2, 20, 10, 0, 0);
    /** The fixed time of the rental that {@link #rentalTransactions()} rolls back. */
    public static final LocalDateTime FAILED_AT = LocalDateTime.of(2006, 2, 20, 10, 5, 0);
    /** The customer who rents in {@link #rentalTransactions()} (MARY SMITH). */
    public static final int DEMO_CUSTOMER_ID = 1;
    /** The staff member who serves the rentals of {@link #rentalTransactions()} (Mike Hillyer, store 1). */
    public static final int DEMO_STAFF_ID = 1;
    /** The store whose copies {@link #rentalTransactions()} rents out. */
    public static final int DEMO_STORE_ID = 1;
    /** A customer id that does not exist: the failing transaction's payment references it. */
    public static final int MISSING_CUSTOMER_ID = 999_999;

    private final Database db;

    /**
     * @param db a database holding the loaded Sakila tables
     * @throws NullPointerException if db is null
     */
    public SakilaReports(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    // ---- row counts and totals -------------------------------------------------------------------

    /**
     * The row count of one table.
     *
     * @param table the table name
     * @param rows its number of rows
     */
    public record TableRows(String table, long rows) {}

    /**
     * @return the row count of every Sakila table, ordered by table name
     * @throws dev.quarry.dsl.DataAccessException if a query fails
     */
    public List<TableRows> rowCounts() {
        return Sakila.TABLES.stream()
                .sorted(Comparator.comparing(Table::name))
                .map(t -> new TableRows(t.name(), rowCount(db, t)))
                .toList();
    }

    /**
     * @param session where to count
     * @param table the table
     * @return {@code SELECT count(*) FROM table}
     */
    public static long rowCount(Session session, Table table) {
        Field<Long> rows = Dsl.count();
        return session.select(rows).from(table).fetchValue(rows);
    }

    /**
     * @return the sum of all payment amounts (67416.51 for the Sakila data), or null if there is no payment
     */
    public BigDecimal paymentTotal() {
        Field<BigDecimal> total = Dsl.sum(PAYMENT.amount);
        return db.select(total).from(PAYMENT).fetchValue(total);
    }

    // ---- 1. top customers ------------------------------------------------------------------------

    /**
     * A customer with what they paid.
     *
     * @param customerId the customer's id
     * @param firstName first name
     * @param lastName last name
     * @param rentals the number of distinct rentals the customer's payments are for
     * @param totalPaid the sum of all the customer's payments
     */
    public record TopCustomer(int customerId, String firstName, String lastName, long rentals, BigDecimal totalPaid) {}

    /**
     * Report 1: the customers who paid the most, highest total first, ties broken by customer id.
     *
     * @param limit how many customers, 0 or more
     * @return at most {@code limit} customers
     * @throws IllegalArgumentException if limit is negative
     */
    public List<TopCustomer> topCustomers(int limit) {
        Field<Long> rentals = countDistinct(PAYMENT.rentalId).as("rentals");
        Field<BigDecimal> totalPaid = Dsl.sum(PAYMENT.amount).as("total_paid");
        return db.select(CUSTOMER.customerId, CUSTOMER.firstName, CUSTOMER.lastName, rentals, totalPaid)
                .from(CUSTOMER)
                .join(PAYMENT).on(PAYMENT.customerId.eq(CUSTOMER.customerId))
                .groupBy(CUSTOMER.customerId, CUSTOMER.firstName, CUSTOMER.lastName)
                .orderBy(totalPaid.desc(), CUSTOMER.customerId.asc())
                .limit(limit)
                .fetchInto(TopCustomer.class);
    }

    // ---- 2. revenue per category -----------------------------------------------------------------

    /**
     * The revenue of one film category.
     *
     * @param category the category name
     * @param payments the number of payments for rentals of films of the category
     * @param revenue their sum
     */
    public record CategoryRevenue(String category, long payments, BigDecimal revenue) {}

    /**
     * Report 2: revenue per film category, highest first (ties by name). A payment counts for the
     * category of the film whose copy was rented; the 5 payments without a rental count nowhere.
     *
     * @return one entry per category that earned anything
     */
    public List<CategoryRevenue> revenueByCategory() {
        Field<Long> payments = count(PAYMENT.paymentId).as("payments");
        Field<BigDecimal> revenue = Dsl.sum(PAYMENT.amount).as("revenue");
        return db.select(CATEGORY.name.as("category"), payments, revenue)
                .from(CATEGORY)
                .join(FILM_CATEGORY).on(FILM_CATEGORY.categoryId.eq(CATEGORY.categoryId))
                .join(INVENTORY).on(INVENTORY.filmId.eq(FILM_CATEGORY.filmId))
                .join(RENTAL).on(RENTAL.inventoryId.eq(INVENTORY.inventoryId))
                .join(PAYMENT).on(PAYMENT.rentalId.eq(RENTAL.rentalId))
                .groupBy(CATEGORY.categoryId, CATEGORY.name)
                .orderBy(revenue.desc(), CATEGORY.name.asc())
                .fetchInto(CategoryRevenue.class);
    }

    // ---- 3. busiest actors -----------------------------------------------------------------------

    /**
     * An actor with the number of films they appear in.
     *
     * @param actorId the actor's id
     * @param firstName first name
     * @param lastName last name
     * @param films the number of films
     */
    public record ActorFilms(int actorId, String firstName, String lastName, long films) {}

    /**
     * Report 3: the actors with the most films, ties broken by actor id.
     *
     * @param limit how many actors, 0 or more
     * @return at most {@code limit} actors
     * @throws IllegalArgumentException if limit is negative
     */
    public List<ActorFilms> topActors(int limit) {
        Field<Long> films = count(FILM_ACTOR.filmId).as("films");
        return db.select(ACTOR.actorId, ACTOR.firstName, ACTOR.lastName, films)
                .from(ACTOR)
                .join(FILM_ACTOR).on(FILM_ACTOR.actorId.eq(ACTOR.actorId))
                .groupBy(ACTOR.actorId, ACTOR.firstName, ACTOR.lastName)
                .orderBy(films.desc(), ACTOR.actorId.asc())
                .limit(limit)
                .fetchInto(ActorFilms.class);
    }

    // ---- 4. films never rented -------------------------------------------------------------------

    /**
     * A film by id and title.
     *
     * @param filmId the film's id
     * @param title its title
     */
    public record FilmRef(int filmId, String title) {}

    /**
     * The films that were never rented.
     *
     * @param totalFilms the number of films in the catalogue
     * @param films the films without any rental, by film id; unmodifiable
     */
    public record NeverRented(long totalFilms, List<FilmRef> films) {
        /**
         * Copies the list.
         *
         * @param totalFilms the number of films in the catalogue
         * @param films the films without any rental
         * @throws NullPointerException if films is or contains null
         */
        public NeverRented {
            films = List.copyOf(films);
        }

        /** @return how many films were never rented */
        public int count() {
            return films.size();
        }
    }

    /**
     * Report 4: the films that were never rented, including those of which no store holds a copy.
     * Quarry has no subqueries yet, so this is {@code film LEFT JOIN inventory LEFT JOIN rental},
     * grouped by film, keeping the groups whose rental count is 0; the rows are counted in Java.
     *
     * @return the films and the catalogue size
     */
    public NeverRented neverRentedFilms() {
        List<FilmRef> films = db.select(FILM.filmId, FILM.title)
                .from(FILM)
                .leftJoin(INVENTORY).on(INVENTORY.filmId.eq(FILM.filmId))
                .leftJoin(RENTAL).on(RENTAL.inventoryId.eq(INVENTORY.inventoryId))
                .groupBy(FILM.filmId, FILM.title)
                .having(count(RENTAL.rentalId).eq(0L))
                .orderBy(FILM.filmId.asc())
                .fetchInto(FilmRef.class);
        return new NeverRented(rowCount(db, FILM), films);
    }

    // ---- 5. rentals not yet returned -------------------------------------------------------------

    /**
     * A rental whose copy has not come back.
     *
     * @param rentalId the rental's id
     * @param rentalDate when it was rented
     * @param firstName the customer's first name
     * @param lastName the customer's last name
     * @param title the film's title
     */
    public record OpenRental(int rentalId, LocalDateTime rentalDate, String firstName, String lastName, String title) {}

    /**
     * Report 5: rentals not returned yet ({@code return_date IS NULL}), oldest first, ties by rental id.
     *
     * @param limit how many rentals, 0 or more
     * @return at most {@code limit} rentals
     * @throws IllegalArgumentException if limit is negative
     */
    public List<OpenRental> openRentals(int limit) {
        return db.select(RENTAL.rentalId, RENTAL.rentalDate, CUSTOMER.firstName, CUSTOMER.lastName, FILM.title)
                .from(RENTAL)
                .join(CUSTOMER).on(CUSTOMER.customerId.eq(RENTAL.customerId))
                .join(INVENTORY).on(INVENTORY.inventoryId.eq(RENTAL.inventoryId))
                .join(FILM).on(FILM.filmId.eq(INVENTORY.filmId))
                .where(RENTAL.returnDate.isNull())
                .orderBy(RENTAL.rentalDate.asc(), RENTAL.rentalId.asc())
                .limit(limit)
                .fetchInto(OpenRental.class);
    }

    /** @return the number of rentals not returned yet */
    public long openRentalCount() {
        Field<Long> rows = Dsl.count();
        return db.select(rows).from(RENTAL).where(RENTAL.returnDate.isNull()).fetchValue(rows);
    }

    // ---- 6. transactions -------------------------------------------------------------------------

    /**
     * The row counts that {@link #rentalTransactions()} changes.
     *
     * @param rentals rows in {@code rental}
     * @param payments rows in {@code payment}
     */
    public record RentalCounts(long rentals, long payments) {}

    /**
     * A committed rental and its payment.
     *
     * @param rentalId the new rental's generated id
     * @param paymentId the new payment's generated id
     * @param inventoryId the rented copy
     * @param title the film's title
     * @param amount the amount paid, the film's rental rate
     */
    public record Receipt(int rentalId, int paymentId, int inventoryId, String title, BigDecimal amount) {}

    /**
     * What {@link #rentalTransactions()} did.
     *
     * @param before counts before the first transaction
     * @param receipt the rental and payment the first transaction committed
     * @param afterCommit counts after it
     * @param failedRentalId the id the second transaction's rental had before the rollback
     * @param failure the exception that ended the second transaction: its class and SQLState class
     * @param afterRollback counts after the second transaction was rolled back
     * @param failedRentalVisible whether the second transaction's rental can be found after the rollback
     */
    public record TransactionDemo(RentalCounts before, Receipt receipt, RentalCounts afterCommit, int failedRentalId,
                                  String failure, RentalCounts afterRollback, boolean failedRentalVisible) {}

    /** A copy that is not rented out, with what renting it costs. */
    private record FreeCopy(int inventoryId, String title, BigDecimal rentalRate) {}

    /**
     * Report 6: two transactions. The first rents the free copy of store {@value #DEMO_STORE_ID} with the
     * lowest inventory id to customer {@value #DEMO_CUSTOMER_ID} at {@link #RENTED_AT} and records the
     * payment of the film's rental rate; it commits. The second rents the next free copy, then inserts a
     * payment for customer {@value #MISSING_CUSTOMER_ID}, who does not exist: the foreign key fails and
     * the transaction is rolled back, taking its rental with it. Running this again rents further copies.
     *
     * @return counts before and after each transaction, and what each did
     * @throws IllegalStateException if store {@value #DEMO_STORE_ID} has no free copy, or the database
     *         accepted the payment of the missing customer (foreign keys not enforced)
     * @throws dev.quarry.dsl.DataAccessException if a statement fails other than by the expected
     *         foreign-key violation
     */
    public TransactionDemo rentalTransactions() {
        RentalCounts before = rentalCounts();
        Receipt receipt = db.transaction(tx -> {
            FreeCopy copy = freeCopy(tx);
            int rentalId = insertRental(tx, copy, RENTED_AT);
            int paymentId = insertPayment(tx, DEMO_CUSTOMER_ID, rentalId, copy.rentalRate(), RENTED_AT);
            return new Receipt(rentalId, paymentId, copy.inventoryId(), copy.title(), copy.rentalRate());
        });
        RentalCounts afterCommit = rentalCounts();

        AtomicInteger failedRentalId = new AtomicInteger();
        String failure;
        try {
            db.runInTransaction(tx -> {
                FreeCopy copy = freeCopy(tx);
                failedRentalId.set(insertRental(tx, copy, FAILED_AT));
                insertPayment(tx, MISSING_CUSTOMER_ID, failedRentalId.get(), copy.rentalRate(), FAILED_AT);
            });
            throw new IllegalStateException("the database accepted a payment for customer " + MISSING_CUSTOMER_ID
                    + ", who does not exist: are foreign keys enforced?");
        } catch (ForeignKeyViolationException e) {
            // the class is the same everywhere; the SQLState's subclass is not (MariaDB reports 23000)
            failure = e.getClass().getSimpleName() + " (SQLState class " + e.sqlState().substring(0, 2) + ")";
        }
        RentalCounts afterRollback = rentalCounts();
        Field<Long> rows = Dsl.count();
        boolean visible = db.select(rows).from(RENTAL).where(RENTAL.rentalId.eq(failedRentalId.get())).fetchValue(rows) > 0;
        return new TransactionDemo(before, receipt, afterCommit, failedRentalId.get(), failure, afterRollback, visible);
    }

    private RentalCounts rentalCounts() {
        return new RentalCounts(rowCount(db, RENTAL), rowCount(db, PAYMENT));
    }

    /** The copy of the demo store with the lowest inventory id that has no open rental. */
    private static FreeCopy freeCopy(Transaction tx) {
        List<FreeCopy> copies = tx.select(INVENTORY.inventoryId, FILM.title, FILM.rentalRate)
                .from(INVENTORY)
                .join(FILM).on(FILM.filmId.eq(INVENTORY.filmId))
                .leftJoin(RENTAL).on(RENTAL.inventoryId.eq(INVENTORY.inventoryId).and(RENTAL.returnDate.isNull()))
                .where(INVENTORY.storeId.eq(DEMO_STORE_ID).and(RENTAL.rentalId.isNull()))
                .orderBy(INVENTORY.inventoryId.asc())
                .limit(1)
                .fetchInto(FreeCopy.class);
        if (copies.isEmpty()) throw new IllegalStateException("store " + DEMO_STORE_ID + " has no copy that is not rented out");
        return copies.get(0);
    }

    private static int insertRental(Transaction tx, FreeCopy copy, LocalDateTime at) {
        return tx.insertInto(RENTAL, row -> row
                        .set(RENTAL.rentalDate, at)
                        .set(RENTAL.inventoryId, copy.inventoryId())
                        .set(RENTAL.customerId, DEMO_CUSTOMER_ID)
                        .set(RENTAL.staffId, DEMO_STAFF_ID)
                        .set(RENTAL.lastUpdate, at))
                .executeAndGetKey(RENTAL.rentalId);
    }

    private static int insertPayment(Transaction tx, int customerId, int rentalId, BigDecimal amount, LocalDateTime at) {
        return tx.insertInto(PAYMENT, row -> row
                        .set(PAYMENT.customerId, customerId)
                        .set(PAYMENT.staffId, DEMO_STAFF_ID)
                        .set(PAYMENT.rentalId, rentalId)
                        .set(PAYMENT.amount, amount)
                        .set(PAYMENT.paymentDate, at)
                        .set(PAYMENT.lastUpdate, at))
                .executeAndGetKey(PAYMENT.paymentId);
    }

    // ---- the mapping layer ---------------------------------------------------------------------------

    /**
     * One customer of {@link #storeCustomers}.
     *
     * @param name first and last name
     * @param rentals how many rentals the customer made
     * @param films how many distinct films they rented
     * @param latestFilm the title of the film of their latest rental (by rental id), or "-" for none
     */
    public record CustomerLine(String name, int rentals, int films, String latestFilm) {}

    /**
     * The result of {@link #storeCustomers}.
     *
     * @param storeId the store
     * @param customers its customers
     * @param rentals their rentals
     * @param films distinct films among them
     * @param first the first customers by last name, first name and id
     * @param queries the statements it took, as the database's {@link StatementCounter} saw them
     */
    public record StoreCustomers(int storeId, int customers, int rentals, int films, List<CustomerLine> first, long queries) {}

    /**
     * Reads the customers of one store as records through the mapping layer and walks each one's
     * rentals, each rental's inventory item and its film through lazy relations: one query for the
     * customers and one per relation level, whatever the number of customers (no N+1).
     *
     * @param storeId the store
     * @param shown how many customers to list in {@link StoreCustomers#first}
     * @param counter the statement counter registered with this report's database
     * @return the totals, the first customers and the number of queries
     */
    public StoreCustomers storeCustomers(int storeId, int shown, StatementCounter counter) {
        long before = counter.count();
        List<SakilaEntities.CustomerRecord> customers = SakilaEntities.CUSTOMERS.repository(db).query()
                .where(CUSTOMER.storeId.eq(storeId))
                .orderBy(CUSTOMER.lastName, CUSTOMER.firstName, CUSTOMER.customerId)
                .fetch();
        int rentals = 0;
        java.util.Set<Integer> films = new java.util.HashSet<>();
        List<CustomerLine> first = new java.util.ArrayList<>();
        for (SakilaEntities.CustomerRecord c : customers) {
            List<SakilaEntities.RentalRecord> own = c.rentals().get();
            java.util.Set<Integer> ownFilms = new java.util.HashSet<>();
            for (SakilaEntities.RentalRecord r : own) ownFilms.add(r.inventory().get().film().get().filmId());
            rentals += own.size();
            films.addAll(ownFilms);
            if (first.size() < shown) {
                String latest = own.isEmpty() ? "-" : own.get(own.size() - 1).inventory().get().film().get().title();
                first.add(new CustomerLine(c.firstName() + " " + c.lastName(), own.size(), ownFilms.size(), latest));
            }
        }
        return new StoreCustomers(storeId, customers.size(), rentals, films.size(), List.copyOf(first), counter.count() - before);
    }
}
