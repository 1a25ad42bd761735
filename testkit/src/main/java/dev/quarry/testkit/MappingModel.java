package dev.quarry.testkit;

import dev.quarry.mapping.ColumnName;
import dev.quarry.mapping.Entity;
import dev.quarry.mapping.Lazy;
import dev.quarry.mapping.Relation;
import dev.quarry.testkit.KitTables.Author;
import dev.quarry.testkit.KitTables.Book;
import dev.quarry.testkit.MiniSakila.Actor;
import dev.quarry.testkit.MiniSakila.Customer;
import dev.quarry.testkit.MiniSakila.FilmActor;
import dev.quarry.testkit.MiniSakila.Language;
import dev.quarry.testkit.MiniSakila.Payment;
import dev.quarry.testkit.MiniSakila.Rental;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The records and entities of {@link MappingSuite}: MiniSakila's tables as entities with every kind of
 * relation, and the kit's author/book tables for writes.
 */
public final class MappingModel {
    private MappingModel() {}

    /** {@code ms_language}. */
    public record LanguageRecord(int languageId, String name) {}

    /** {@code ms_film}, with its language (many-to-one), original language (nullable), actors and rentals. */
    public record FilmRecord(int filmId, String title, Optional<Integer> length, BigDecimal rentalRate,
                             Lazy<LanguageRecord> language, Lazy<Optional<LanguageRecord>> originalLanguage,
                             Lazy<List<ActorRecord>> actors, Lazy<List<RentalRecord>> rentals) {}

    /** {@code ms_actor}, with films through {@code ms_film_actor}. */
    public record ActorRecord(int actorId, @ColumnName("first_name") String given, String lastName, Lazy<List<FilmRecord>> films) {}

    /** {@code ms_film_actor}: a composite primary key and nothing else. */
    public record FilmActorRecord(int actorId, int filmId) {}

    /** {@code ms_customer}, with who referred them (nullable self-reference) and their rentals and payments. */
    public record CustomerRecord(int customerId, String firstName, String lastName, Integer referredBy, boolean active,
                                 Lazy<Optional<CustomerRecord>> referrer, Lazy<List<RentalRecord>> rentals,
                                 Lazy<List<PaymentRecord>> payments) {}

    /** {@code ms_rental}, with its customer and film. */
    public record RentalRecord(int rentalId, int customerId, LocalDateTime rentalDate, LocalDateTime returnDate,
                               Lazy<CustomerRecord> customer, Lazy<FilmRecord> film) {}

    /** {@code ms_payment}, with its rental (nullable). */
    public record PaymentRecord(int paymentId, BigDecimal amount, Lazy<Optional<RentalRecord>> rental) {}

    /** {@code qk_author}: an auto-increment key, a nullable column and a column with a default. */
    public record AuthorRecord(Integer authorId, String name, Integer born, Boolean active, Lazy<List<BookRecord>> books) {}

    /** {@code qk_book}: an auto-increment primitive key, a nullable foreign key, a defaulted price. */
    public record BookRecord(int bookId, String title, Integer authorId, BigDecimal price, Lazy<Optional<AuthorRecord>> author) {}

    /** Languages. */
    public static final Entity<LanguageRecord> LANGUAGES = Entity.of(LanguageRecord.class, Language.LANGUAGE);
    /** Films. */
    public static final Entity<FilmRecord> FILMS = Entity.of(FilmRecord.class, MiniSakila.Film.FILM);
    /** Actors. */
    public static final Entity<ActorRecord> ACTORS = Entity.of(ActorRecord.class, Actor.ACTOR);
    /** Film-actor links. */
    public static final Entity<FilmActorRecord> FILM_ACTORS_LINKS = Entity.of(FilmActorRecord.class, FilmActor.FILM_ACTOR);
    /** Customers. */
    public static final Entity<CustomerRecord> CUSTOMERS = Entity.of(CustomerRecord.class, Customer.CUSTOMER);
    /** Rentals. */
    public static final Entity<RentalRecord> RENTALS = Entity.of(RentalRecord.class, Rental.RENTAL);
    /** Payments. */
    public static final Entity<PaymentRecord> PAYMENTS = Entity.of(PaymentRecord.class, Payment.PAYMENT);
    /** Authors. */
    public static final Entity<AuthorRecord> AUTHORS = Entity.of(AuthorRecord.class, Author.AUTHOR);
    /** Books. */
    public static final Entity<BookRecord> BOOKS = Entity.of(BookRecord.class, Book.BOOK);

    /** Film → language. */
    public static final Relation<FilmRecord, LanguageRecord> FILM_LANGUAGE =
            FILMS.manyToOne("language", LANGUAGES, MiniSakila.Film.FILM.languageId);
    /** Film → original language, nullable. */
    public static final Relation<FilmRecord, LanguageRecord> FILM_ORIGINAL_LANGUAGE =
            FILMS.manyToOne("originalLanguage", LANGUAGES, MiniSakila.Film.FILM.originalLanguageId);
    /** Film → actors, through ms_film_actor. */
    public static final Relation<FilmRecord, ActorRecord> FILM_ACTORS =
            FILMS.manyToMany("actors", ACTORS, FilmActor.FILM_ACTOR.filmId, FilmActor.FILM_ACTOR.actorId);
    /** Film → rentals. */
    public static final Relation<FilmRecord, RentalRecord> FILM_RENTALS =
            FILMS.oneToMany("rentals", RENTALS, Rental.RENTAL.filmId);
    /** Actor → films, through ms_film_actor. */
    public static final Relation<ActorRecord, FilmRecord> ACTOR_FILMS =
            ACTORS.manyToMany("films", FILMS, FilmActor.FILM_ACTOR.actorId, FilmActor.FILM_ACTOR.filmId);
    /** Customer → the customer who referred them. */
    public static final Relation<CustomerRecord, CustomerRecord> CUSTOMER_REFERRER =
            CUSTOMERS.manyToOne("referrer", CUSTOMERS, Customer.CUSTOMER.referredBy);
    /** Customer → rentals. */
    public static final Relation<CustomerRecord, RentalRecord> CUSTOMER_RENTALS =
            CUSTOMERS.oneToMany("rentals", RENTALS, Rental.RENTAL.customerId);
    /** Customer → payments. */
    public static final Relation<CustomerRecord, PaymentRecord> CUSTOMER_PAYMENTS =
            CUSTOMERS.oneToMany("payments", PAYMENTS, Payment.PAYMENT.customerId);
    /** Rental → customer. */
    public static final Relation<RentalRecord, CustomerRecord> RENTAL_CUSTOMER =
            RENTALS.manyToOne("customer", CUSTOMERS, Rental.RENTAL.customerId);
    /** Rental → film. */
    public static final Relation<RentalRecord, FilmRecord> RENTAL_FILM =
            RENTALS.manyToOne("film", FILMS, Rental.RENTAL.filmId);
    /** Payment → rental, nullable. */
    public static final Relation<PaymentRecord, RentalRecord> PAYMENT_RENTAL =
            PAYMENTS.manyToOne("rental", RENTALS, Payment.PAYMENT.rentalId);
    /** Author → books. */
    public static final Relation<AuthorRecord, BookRecord> AUTHOR_BOOKS =
            AUTHORS.oneToMany("books", BOOKS, Book.BOOK.authorId);
    /** Book → author, nullable. */
    public static final Relation<BookRecord, AuthorRecord> BOOK_AUTHOR =
            BOOKS.manyToOne("author", AUTHORS, Book.BOOK.authorId);
}
