package dev.quarry.testkit;

import dev.quarry.dsl.Session;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A small Sakila-shaped schema with fixed data for the query-surface suites: languages, films (one
 * original language each, some NULL), categories, actors and the film_actor link, customers with a
 * self-reference (who referred them), rentals (some not returned) and payments (some without a
 * rental). Table names start with {@code ms_}. The figures are small enough to check by hand; the
 * comments on {@link #load} give them.
 */
public final class MiniSakila {
    private MiniSakila() {}

    /** {@code ms_language}. */
    public static final class Language extends Table {
        /** The table. */
        public static final Language LANGUAGE = new Language();
        /** Key. */
        public final Column<Integer> languageId = integer("language_id").primaryKey();
        /** Name. */
        public final Column<String> name = varchar("name", 20);
        private Language() { super("ms_language"); }
    }

    /** {@code ms_category}. */
    public static final class Category extends Table {
        /** The table. */
        public static final Category CATEGORY = new Category();
        /** Key. */
        public final Column<Integer> categoryId = integer("category_id").primaryKey();
        /** Name. */
        public final Column<String> name = varchar("name", 25);
        private Category() { super("ms_category"); }
    }

    /** {@code ms_film}. */
    public static final class Film extends Table {
        /** The table. */
        public static final Film FILM = new Film();
        /** Key. */
        public final Column<Integer> filmId = integer("film_id").primaryKey();
        /** Title, unique. */
        public final Column<String> title = varchar("title", 100).unique();
        /** Spoken language. */
        public final Column<Integer> languageId = integer("language_id").references(Language.LANGUAGE.languageId);
        /** Original language, nullable. */
        public final Column<Integer> originalLanguageId = integer("original_language_id").nullable()
                .references(Language.LANGUAGE.languageId);
        /** Category. */
        public final Column<Integer> categoryId = integer("category_id").references(Category.CATEGORY.categoryId);
        /** Length in minutes, nullable. */
        public final Column<Integer> length = integer("length").nullable();
        /** Price of a rental. */
        public final Column<BigDecimal> rentalRate = decimal("rental_rate", 4, 2);
        /** Release year. */
        public final Column<Integer> releaseYear = integer("release_year");
        private Film() { super("ms_film"); }
    }

    /** {@code ms_actor}. */
    public static final class Actor extends Table {
        /** The table. */
        public static final Actor ACTOR = new Actor();
        /** Key. */
        public final Column<Integer> actorId = integer("actor_id").primaryKey();
        /** First name. */
        public final Column<String> firstName = varchar("first_name", 45);
        /** Last name. */
        public final Column<String> lastName = varchar("last_name", 45);
        private Actor() { super("ms_actor"); }
    }

    /** {@code ms_film_actor}, composite key. */
    public static final class FilmActor extends Table {
        /** The table. */
        public static final FilmActor FILM_ACTOR = new FilmActor();
        /** Actor. */
        public final Column<Integer> actorId = integer("actor_id").references(Actor.ACTOR.actorId);
        /** Film. */
        public final Column<Integer> filmId = integer("film_id").references(Film.FILM.filmId);
        private FilmActor() { super("ms_film_actor"); }
        { primaryKey(actorId, filmId); }
    }

    /** {@code ms_customer}, with a self-reference. */
    public static final class Customer extends Table {
        /** The table. */
        public static final Customer CUSTOMER = new Customer();
        /** Key. */
        public final Column<Integer> customerId = integer("customer_id").primaryKey();
        /** First name. */
        public final Column<String> firstName = varchar("first_name", 45);
        /** Last name. */
        public final Column<String> lastName = varchar("last_name", 45);
        /** The customer who referred this one, nullable. */
        public final Column<Integer> referredBy = integer("referred_by").nullable().references(() -> Customer.CUSTOMER.customerId);
        /** Whether active. */
        public final Column<Boolean> active = bool("active");
        private Customer() { super("ms_customer"); }
    }

    /** {@code ms_rental}. */
    public static final class Rental extends Table {
        /** The table. */
        public static final Rental RENTAL = new Rental();
        /** Key. */
        public final Column<Integer> rentalId = integer("rental_id").primaryKey();
        /** Rented film. */
        public final Column<Integer> filmId = integer("film_id").references(Film.FILM.filmId);
        /** Customer. */
        public final Column<Integer> customerId = integer("customer_id").references(Customer.CUSTOMER.customerId);
        /** When rented. */
        public final Column<LocalDateTime> rentalDate = timestamp("rental_date");
        /** When returned, nullable. */
        public final Column<LocalDateTime> returnDate = timestamp("return_date").nullable();
        private Rental() { super("ms_rental"); }
    }

    /** {@code ms_payment}. */
    public static final class Payment extends Table {
        /** The table. */
        public static final Payment PAYMENT = new Payment();
        /** Key. */
        public final Column<Integer> paymentId = integer("payment_id").primaryKey();
        /** Customer. */
        public final Column<Integer> customerId = integer("customer_id").references(Customer.CUSTOMER.customerId);
        /** Rental, nullable. */
        public final Column<Integer> rentalId = integer("rental_id").nullable().references(Rental.RENTAL.rentalId);
        /** Amount. */
        public final Column<BigDecimal> amount = decimal("amount", 5, 2);
        /** When paid. */
        public final Column<LocalDateTime> paymentDate = timestamp("payment_date");
        private Payment() { super("ms_payment"); }
    }

    /** All tables, referenced ones first. */
    public static final List<Table> TABLES = List.of(Language.LANGUAGE, Category.CATEGORY, Film.FILM, Actor.ACTOR,
            FilmActor.FILM_ACTOR, Customer.CUSTOMER, Rental.RENTAL, Payment.PAYMENT);

    private record F(int id, String title, int lang, Integer orig, int cat, Integer length, String rate, int year) {}

    private record R(int id, int film, int customer, String rented, String returned) {}

    private record P(int id, int customer, Integer rental, String amount, String paid) {}

    /**
     * Creates the tables (dropping old ones first) and loads the fixed data:
     * <ul>
     *   <li>3 languages (1 English, 2 Italian, 3 French); 3 categories (1 Action, 2 Comedy, 3 Drama);</li>
     *   <li>6 films: 1 ACADEMY DINOSAUR (en, Drama, 86 min, 0.99, 2006), 2 ACE GOLDFINGER (en, Action, 48,
     *       4.99, 2006), 3 ADAPTATION HOLES (en from it, Comedy, 50, 2.99, 2007), 4 AFFAIR PREJUDICE (fr,
     *       Drama, 117, 2.99, 2007), 5 AGENT TRUMAN (en, Action, NULL length, 2.99, 2008), 6 ZORRO ARK (it
     *       from fr, Comedy, 50, 4.99, 2008);</li>
     *   <li>4 actors: 1 PENELOPE GUINESS, 2 NICK WAHLBERG, 3 ED CHASE, 4 JENNIFER DAVIS (in no film);
     *       film_actor: 1-1, 1-2, 1-3, 2-1, 2-4, 3-1, 3-5 (actor-film);</li>
     *   <li>4 customers: 1 MARY SMITH, 2 PATRICIA JOHNSON (referred by 1), 3 LINDA WILLIAMS (referred by 2),
     *       4 BARBARA JONES (inactive);</li>
     *   <li>8 rentals in 2005-05/06 (films 1,1,2,3,3,3,4,1 by customers 1,2,1,2,3,1,3,4); rentals 5 and 8
     *       not returned; film 5 and 6 never rented;</li>
     *   <li>8 payments: one per rental except rental 8, plus payment 8 of customer 2 without a rental;
     *       total 21.92.</li>
     * </ul>
     *
     * @param session where to create and load
     */
    public static void load(Session session) {
        Ddl.drop(session, TABLES.toArray(Table[]::new));
        Ddl.create(session, TABLES.toArray(Table[]::new));
        Language l = Language.LANGUAGE;
        session.insertInto(l, List.of("English", "Italian", "French"), (r, n) -> r.set(l.languageId, n.equals("English") ? 1 : n.equals("Italian") ? 2 : 3).set(l.name, n)).execute();
        Category c = Category.CATEGORY;
        session.insertInto(c, List.of("Action", "Comedy", "Drama"), (r, n) -> r.set(c.categoryId, n.equals("Action") ? 1 : n.equals("Comedy") ? 2 : 3).set(c.name, n)).execute();
        Film f = Film.FILM;
        List<F> films = List.of(
                new F(1, "ACADEMY DINOSAUR", 1, null, 3, 86, "0.99", 2006),
                new F(2, "ACE GOLDFINGER", 1, null, 1, 48, "4.99", 2006),
                new F(3, "ADAPTATION HOLES", 1, 2, 2, 50, "2.99", 2007),
                new F(4, "AFFAIR PREJUDICE", 3, null, 3, 117, "2.99", 2007),
                new F(5, "AGENT TRUMAN", 1, null, 1, null, "2.99", 2008),
                new F(6, "ZORRO ARK", 2, 3, 2, 50, "4.99", 2008));
        session.insertInto(f, films, (r, x) -> r.set(f.filmId, x.id()).set(f.title, x.title()).set(f.languageId, x.lang())
                .set(f.originalLanguageId, x.orig()).set(f.categoryId, x.cat()).set(f.length, x.length())
                .set(f.rentalRate, new BigDecimal(x.rate())).set(f.releaseYear, x.year())).execute();
        Actor a = Actor.ACTOR;
        List<String[]> actors = List.of(new String[] {"1", "PENELOPE", "GUINESS"}, new String[] {"2", "NICK", "WAHLBERG"},
                new String[] {"3", "ED", "CHASE"}, new String[] {"4", "JENNIFER", "DAVIS"});
        session.insertInto(a, actors, (r, x) -> r.set(a.actorId, Integer.valueOf(x[0])).set(a.firstName, x[1]).set(a.lastName, x[2])).execute();
        FilmActor fa = FilmActor.FILM_ACTOR;
        List<int[]> links = List.of(new int[] {1, 1}, new int[] {1, 2}, new int[] {1, 3}, new int[] {2, 1}, new int[] {2, 4},
                new int[] {3, 1}, new int[] {3, 5});
        session.insertInto(fa, links, (r, x) -> r.set(fa.actorId, x[0]).set(fa.filmId, x[1])).execute();
        Customer cu = Customer.CUSTOMER;
        List<String[]> customers = List.of(new String[] {"1", "MARY", "SMITH", null, "true"},
                new String[] {"2", "PATRICIA", "JOHNSON", "1", "true"}, new String[] {"3", "LINDA", "WILLIAMS", "2", "true"},
                new String[] {"4", "BARBARA", "JONES", null, "false"});
        session.insertInto(cu, customers, (r, x) -> r.set(cu.customerId, Integer.valueOf(x[0])).set(cu.firstName, x[1])
                .set(cu.lastName, x[2]).set(cu.referredBy, x[3] == null ? (Integer) null : Integer.valueOf(x[3]))
                .set(cu.active, Boolean.valueOf(x[4]))).execute();
        Rental re = Rental.RENTAL;
        List<R> rentals = List.of(
                new R(1, 1, 1, "2005-05-24 22:53:30", "2005-05-26 22:04:30"),
                new R(2, 1, 2, "2005-05-25 10:00:00", "2005-05-27 09:00:00"),
                new R(3, 2, 1, "2005-05-26 11:30:00", "2005-05-30 12:00:00"),
                new R(4, 3, 2, "2005-05-27 12:00:00", "2005-06-01 08:00:00"),
                new R(5, 3, 3, "2005-05-28 13:15:00", null),
                new R(6, 3, 1, "2005-06-01 14:00:00", "2005-06-03 10:00:00"),
                new R(7, 4, 3, "2005-06-02 15:45:00", "2005-06-05 16:00:00"),
                new R(8, 1, 4, "2005-06-03 16:20:00", null));
        session.insertInto(re, rentals, (r, x) -> r.set(re.rentalId, x.id()).set(re.filmId, x.film()).set(re.customerId, x.customer())
                .set(re.rentalDate, ts(x.rented())).set(re.returnDate, x.returned() == null ? (LocalDateTime) null : ts(x.returned())))
                .execute();
        Payment p = Payment.PAYMENT;
        List<P> payments = List.of(
                new P(1, 1, 1, "0.99", "2005-05-24 22:55:00"),
                new P(2, 2, 2, "0.99", "2005-05-25 10:05:00"),
                new P(3, 1, 3, "4.99", "2005-05-26 11:35:00"),
                new P(4, 2, 4, "2.99", "2005-05-27 12:05:00"),
                new P(5, 3, 5, "2.99", "2005-05-28 13:20:00"),
                new P(6, 1, 6, "5.98", "2005-06-01 14:05:00"),
                new P(7, 3, 7, "2.99", "2005-06-02 15:50:00"),
                new P(8, 2, null, "0.00", "2005-06-04 09:00:00"));
        session.insertInto(p, payments, (r, x) -> r.set(p.paymentId, x.id()).set(p.customerId, x.customer())
                .set(p.rentalId, x.rental()).set(p.amount, new BigDecimal(x.amount())).set(p.paymentDate, ts(x.paid()))).execute();
    }

    /**
     * Drops the tables.
     *
     * @param session where to drop them
     */
    public static void drop(Session session) {
        Ddl.drop(session, TABLES.toArray(Table[]::new));
    }

    private static LocalDateTime ts(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }
}
