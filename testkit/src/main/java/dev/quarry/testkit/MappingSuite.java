package dev.quarry.testkit;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.mapping.Entity;
import dev.quarry.mapping.Lazy;
import dev.quarry.mapping.LazyLoadingException;
import dev.quarry.mapping.MappingException;
import dev.quarry.mapping.Repository;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import dev.quarry.testkit.KitTables.Author;
import dev.quarry.testkit.KitTables.Book;
import dev.quarry.testkit.MappingModel.ActorRecord;
import dev.quarry.testkit.MappingModel.AuthorRecord;
import dev.quarry.testkit.MappingModel.BookRecord;
import dev.quarry.testkit.MappingModel.CustomerRecord;
import dev.quarry.testkit.MappingModel.FilmActorRecord;
import dev.quarry.testkit.MappingModel.FilmRecord;
import dev.quarry.testkit.MappingModel.PaymentRecord;
import dev.quarry.testkit.MappingModel.RentalRecord;
import dev.quarry.testkit.MiniSakila.Customer;
import dev.quarry.testkit.MiniSakila.Rental;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.quarry.testkit.MappingModel.ACTORS;
import static dev.quarry.testkit.MappingModel.AUTHORS;
import static dev.quarry.testkit.MappingModel.BOOKS;
import static dev.quarry.testkit.MappingModel.CUSTOMERS;
import static dev.quarry.testkit.MappingModel.CUSTOMER_RENTALS;
import static dev.quarry.testkit.MappingModel.FILMS;
import static dev.quarry.testkit.MappingModel.FILM_ACTORS;
import static dev.quarry.testkit.MappingModel.FILM_ACTORS_LINKS;
import static dev.quarry.testkit.MappingModel.FILM_LANGUAGE;
import static dev.quarry.testkit.MappingModel.PAYMENTS;
import static dev.quarry.testkit.MappingModel.RENTALS;
import static dev.quarry.testkit.MappingModel.RENTAL_FILM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping layer on a real database: entities and repositories, the three kinds of relation, lazy
 * loading that costs one query per relation and result (never N+1), eager loading of nested paths, strict
 * mode, loading after the transaction ended, and the errors. Every query count is what the database's
 * {@link StatementListener} saw. Data: MiniSakila plus customers 5..599 with two rentals each (599
 * customers, 1,198 rentals); the kit's author and book tables, empty at the start of each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MappingSuite {
    private static final Customer CU = Customer.CUSTOMER;
    private static final Rental RE = Rental.RENTAL;
    private static final Author AU = Author.AUTHOR;

    /** The database under test. */
    protected Database db;
    private final List<List<Object>> statements = Collections.synchronizedList(new ArrayList<>());
    private final List<String> sql = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param listener the listener the database must report every statement to
     *                 ({@code Database.builder(url).statementListener(listener).build()})
     * @return an open database of this class's own (schema or database on a shared server)
     */
    protected abstract Database openDatabase(StatementListener listener);

    /**
     * The dialect's golden SQL of the statements {@link #sentSqlIsTheDialectsGoldenSql} makes the mapping
     * layer send, in order: a find by key, the load of a one-to-many relation (an IN list of one key, padded
     * to one bind), of a many-to-one relation, of a many-to-many relation through the join table, an update
     * by key and an upsert.
     *
     * @return six SQL texts
     */
    protected abstract List<String> goldenSql();

    @BeforeAll
    final void load() {
        db = openDatabase((text, binds, rows, nanos) -> {
            sql.add(text);
            statements.add(binds);
        });
        MiniSakila.load(db);
        List<Integer> extra = IntStream.rangeClosed(5, 599).boxed().toList();
        db.insertInto(CU, extra, (r, id) -> r.set(CU.customerId, id).set(CU.firstName, "C" + id).set(CU.lastName, "L" + id)
                .set(CU.referredBy, (Integer) null).set(CU.active, true)).execute();
        List<int[]> rentals = new ArrayList<>();
        int rentalId = 9;
        for (int id : extra) {
            rentals.add(new int[] {rentalId++, id, id % 6 + 1});
            rentals.add(new int[] {rentalId++, id, (id + 1) % 6 + 1});
        }
        LocalDateTime day = LocalDateTime.of(2005, 7, 1, 10, 0);
        db.insertInto(RE, rentals, (r, x) -> r.set(RE.rentalId, x[0]).set(RE.customerId, x[1]).set(RE.filmId, x[2])
                .set(RE.rentalDate, day.plusMinutes(x[0])).set(RE.returnDate, (LocalDateTime) null)).execute();
    }

    @AfterAll
    final void dropAndClose() {
        if (db == null) return;
        try {
            Ddl.drop(db, Book.BOOK, Author.AUTHOR);
            MiniSakila.drop(db);
        } finally {
            db.close();
        }
    }

    @BeforeEach
    final void freshWriteTables() {
        Ddl.drop(db, Book.BOOK, Author.AUTHOR);
        Ddl.create(db, Author.AUTHOR, Book.BOOK);
        statements.clear();
        sql.clear();
    }

    private int queries() {
        return sql.size();
    }

    private void resetCount() {
        statements.clear();
        sql.clear();
    }

    private static CustomerRecord customer(int id, String first, String last, Integer referredBy, boolean active) {
        return new CustomerRecord(id, first, last, referredBy, active, Lazy.notLoaded(), Lazy.notLoaded(), Lazy.notLoaded());
    }

    // ---- reading ----

    @Test
    void findsByIdCountsAndPages() {
        Repository<CustomerRecord> customers = CUSTOMERS.repository(db);
        assertThat(customers.findById(2)).contains(customer(2, "PATRICIA", "JOHNSON", 1, true));
        assertThat(customers.findById(2L)).contains(customer(2, "PATRICIA", "JOHNSON", 1, true));
        assertThat(customers.findById(9_999)).isEmpty();
        assertThat(customers.count()).isEqualTo(599);
        assertThat(customers.count(CU.active.eq(false))).isEqualTo(1);
        assertThat(customers.exists(CU.lastName.eq("JONES"))).isTrue();
        assertThat(customers.exists(CU.lastName.eq("NOBODY"))).isFalse();
        assertThat(customers.existsById(4)).isTrue();
        assertThat(customers.findAll(CU.referredBy.isNotNull(), CU.customerId.desc()))
                .extracting(CustomerRecord::customerId).containsExactly(3, 2);
        assertThat(customers.findAll(CU.customerId.le(10), List.of(CU.customerId), 3, 2))
                .extracting(CustomerRecord::customerId).containsExactly(3, 4, 5);
        assertThat(customers.query().where(CU.customerId.gt(597)).orderBy(CU.customerId).fetch())
                .containsExactly(customer(598, "C598", "L598", null, true), customer(599, "C599", "L599", null, true));
        assertThat(FILM_ACTORS_LINKS.repository(db).findById(1, 2)).contains(new FilmActorRecord(1, 2));
    }

    @Test
    void touchingEveryCustomersRentalsCostsTwoQueries() {
        List<CustomerRecord> customers = CUSTOMERS.repository(db).query().orderBy(CU.customerId).fetch();
        assertThat(queries()).isEqualTo(1);
        assertThat(customers).hasSize(599);
        assertThat(customers.get(0).rentals().isLoaded()).isFalse();
        int total = 0;
        for (CustomerRecord c : customers) total += c.rentals().get().size();
        assertThat(total).isEqualTo(1_198);
        assertThat(queries()).isEqualTo(2);
        assertThat(customers.get(0).rentals().get()).extracting(RentalRecord::rentalId).containsExactly(1, 3, 6);
        assertThat(customers.get(3).rentals().get()).extracting(RentalRecord::rentalId).containsExactly(8);
        assertThat(customers.get(598).rentals().get()).extracting(RentalRecord::rentalId).containsExactly(1_197, 1_198);
        assertThat(queries()).isEqualTo(2);
        assertThat(statements.get(1)).hasSize(binds(599));
    }

    /** The bind values a query with an IN list of n keys sends: lists up to 1,024 are padded to a power of two. */
    private static int binds(int keys) {
        if (keys > 1_024) return keys;
        int padded = 1;
        while (padded < keys) padded <<= 1;
        return padded;
    }

    @Test
    void keysAreChunkedUnderTheChunkSize() {
        List<CustomerRecord> customers = CUSTOMERS.repository(db).withChunkSize(100).findAll();
        customers.forEach(c -> c.rentals().get());
        assertThat(queries()).isEqualTo(1 + 6);
        Set<Object> keys = new HashSet<>();
        for (int i = 1; i < statements.size(); i++) {
            assertThat(new HashSet<>(statements.get(i))).hasSizeLessThanOrEqualTo(100);
            keys.addAll(statements.get(i));
        }
        assertThat(keys).hasSize(599);
    }

    @Test
    void manyToOneLoadsEachTargetOnceAndSharesIt() {
        List<RentalRecord> rentals = RENTALS.repository(db).query().orderBy(RE.rentalId).fetch();
        Set<Integer> customerIds = new HashSet<>();
        for (RentalRecord r : rentals) customerIds.add(r.customer().get().customerId());
        assertThat(customerIds).hasSize(599);
        assertThat(queries()).isEqualTo(2);
        assertThat(rentals.get(0).customer().get()).isSameAs(rentals.get(2).customer().get());
        assertThat(rentals.get(0).customer().get().lastName()).isEqualTo("SMITH");
        for (RentalRecord r : rentals) r.film().get();
        assertThat(queries()).isEqualTo(3);
        assertThat(rentals.get(3).film().get().title()).isEqualTo("ADAPTATION HOLES");
    }

    @Test
    void aNullableManyToOneIsAnOptional() {
        List<CustomerRecord> customers = CUSTOMERS.repository(db).findAll(CU.customerId.le(3), CU.customerId);
        assertThat(customers.get(0).referrer().get()).isEmpty();
        assertThat(customers.get(1).referrer().get()).map(CustomerRecord::firstName).contains("MARY");
        assertThat(customers.get(2).referrer().get()).map(CustomerRecord::firstName).contains("PATRICIA");
        assertThat(queries()).isEqualTo(2);
        List<PaymentRecord> payments = PAYMENTS.repository(db).query().orderBy(MiniSakila.Payment.PAYMENT.paymentId).fetch();
        assertThat(payments.get(7).rental().get()).isEmpty();
        assertThat(payments.get(0).rental().get()).map(RentalRecord::rentalId).contains(1);
        assertThat(queries()).isEqualTo(4);
    }

    @Test
    void manyToManyGoesThroughTheJoinTable() {
        List<FilmRecord> films = FILMS.repository(db).query().orderBy(MiniSakila.Film.FILM.filmId).fetch();
        assertThat(films.get(0).actors().get()).extracting(ActorRecord::given).containsExactly("PENELOPE", "NICK", "ED");
        assertThat(films.get(1).actors().get()).extracting(ActorRecord::actorId).containsExactly(1);
        assertThat(films.get(3).actors().get()).extracting(ActorRecord::actorId).containsExactly(2);
        assertThat(films.get(5).actors().get()).isEmpty();
        assertThat(queries()).isEqualTo(2);
        List<ActorRecord> actors = ACTORS.repository(db).query().orderBy(MiniSakila.Actor.ACTOR.actorId).fetch();
        assertThat(actors.get(0).films().get()).extracting(FilmRecord::title)
                .containsExactly("ACADEMY DINOSAUR", "ACE GOLDFINGER", "ADAPTATION HOLES");
        assertThat(actors.get(3).films().get()).isEmpty();
        assertThat(queries()).isEqualTo(4);
    }

    @Test
    void eagerPathsCostOneQueryPerLevel() {
        List<CustomerRecord> customers = CUSTOMERS.repository(db).query()
                .orderBy(CU.customerId)
                .with(CUSTOMER_RENTALS, RENTAL_FILM, FILM_ACTORS)
                .with(CUSTOMER_RENTALS, RENTAL_FILM, FILM_LANGUAGE)
                .fetch();
        assertThat(queries()).isEqualTo(5);
        CustomerRecord mary = customers.get(0);
        assertThat(mary.rentals().isLoaded()).isTrue();
        assertThat(mary.rentals().get()).extracting(r -> r.film().get().title())
                .containsExactly("ACADEMY DINOSAUR", "ACE GOLDFINGER", "ADAPTATION HOLES");
        assertThat(mary.rentals().get().get(0).film().get().actors().get()).extracting(ActorRecord::lastName)
                .containsExactly("GUINESS", "WAHLBERG", "CHASE");
        assertThat(mary.rentals().get().get(0).film().get().language().get().name()).isEqualTo("English");
        int actors = 0;
        for (CustomerRecord c : customers) {
            for (RentalRecord r : c.rentals().get()) actors += r.film().get().actors().get().size();
        }
        assertThat(actors).isPositive();
        assertThat(queries()).isEqualTo(5);
        assertThatThrownBy(() -> CUSTOMERS.repository(db).query().with(RENTAL_FILM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("with(): RentalRecord.film (MANY_TO_ONE to FilmRecord) does not start at CustomerRecord");
    }

    @Test
    void strictModeRefusesToLoadLazily() {
        CustomerRecord mary = CUSTOMERS.repository(db).query().strict().where(CU.customerId.eq(1)).fetch().get(0);
        assertThatThrownBy(() -> mary.rentals().get())
                .isInstanceOf(LazyLoadingException.class)
                .hasMessage("CustomerRecord.rentals was not loaded and the query is strict (no lazy loading);"
                        + " load it with the query: query().with(...) naming this relation");
        CustomerRecord eager = CUSTOMERS.repository(db).strict().query().where(CU.customerId.eq(1)).with(CUSTOMER_RENTALS)
                .fetch().get(0);
        assertThat(eager.rentals().get()).hasSize(3);
        assertThatThrownBy(() -> eager.rentals().get().get(0).film().get())
                .isInstanceOf(LazyLoadingException.class)
                .hasMessageStartingWith("RentalRecord.film was not loaded and the query is strict");
        assertThat(queries()).isEqualTo(3);
        assertThatThrownBy(() -> customer(1, "A", "B", null, true).rentals().get())
                .isInstanceOf(LazyLoadingException.class)
                .hasMessage("this relation was made with Lazy.notLoaded() and cannot load;"
                        + " read the record through a repository to get a relation that loads");
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterTheTransactionARelationLoadsInAReadOnlyTransactionOfTheDatabase() {
        Repository<CustomerRecord>[] kept = new Repository[1];
        List<CustomerRecord> customers = db.transaction(tx -> {
            kept[0] = CUSTOMERS.repository(tx);
            return kept[0].findAll(CU.customerId.le(2), CU.customerId);
        });
        assertThatThrownBy(() -> kept[0].findById(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this transaction has ended; start a new one with db.transaction(...)");
        resetCount();
        assertThat(customers.get(1).rentals().get()).extracting(RentalRecord::rentalId).containsExactly(2, 4);
        assertThat(customers.get(0).rentals().get()).extracting(RentalRecord::rentalId).containsExactly(1, 3, 6);
        assertThat(queries()).isEqualTo(1);
    }

    @Test
    void insideTheTransactionARelationSeesItsUncommittedRows() {
        final class Undo extends RuntimeException {
            Undo() { super("undo"); }
        }
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            FilmRecord zorro = FILMS.repository(tx).findById(6).orElseThrow();
            RentalRecord added = RENTALS.repository(tx).insert(new RentalRecord(5_000, 4, LocalDateTime.of(2006, 1, 1, 0, 0),
                    null, Lazy.notLoaded(), Lazy.of(zorro)));
            assertThat(added.film().get().title()).isEqualTo("ZORRO ARK");
            CustomerRecord barbara = CUSTOMERS.repository(tx).findById(4).orElseThrow();
            assertThat(barbara.rentals().get()).extracting(RentalRecord::rentalId).containsExactly(8, 5_000);
            throw new Undo();
        })).isInstanceOf(Undo.class);
        assertThat(CUSTOMERS.repository(db).findById(4).orElseThrow().rentals().get()).extracting(RentalRecord::rentalId)
                .containsExactly(8);
    }

    @Test
    void sentSqlIsTheDialectsGoldenSql() {
        Repository<CustomerRecord> customers = CUSTOMERS.repository(db);
        CustomerRecord patricia = customers.findById(2).orElseThrow();
        RentalRecord rental = patricia.rentals().get().get(0);
        FilmRecord film = rental.film().get();
        film.actors().get();
        AUTHORS.repository(db).insert(new AuthorRecord(null, "Ann", null, true, Lazy.notLoaded()));
        resetCount();
        AUTHORS.repository(db).update(new AuthorRecord(1, "Anne", 1950, true, Lazy.notLoaded()));
        AUTHORS.repository(db).upsert(new AuthorRecord(1, "Anna", 1950, false, Lazy.notLoaded()));
        List<String> sent = new ArrayList<>(sql);
        List<List<Object>> binds = new ArrayList<>(statements);
        resetCount();
        customers.findById(2).orElseThrow().rentals().get().get(0).film().get().actors().get();
        sent.addAll(0, sql.subList(0, 4));
        binds.addAll(0, statements.subList(0, 4));
        assertThat(sent).containsExactlyElementsOf(goldenSql());
        assertThat(binds).containsExactly(List.of(2, 2L), List.of(2), List.of(1, 3), List.of(1, 3),
                List.of("Anne", 1950, true, 1), List.of(1, "Anna", 1950, false));
    }

    // ---- writing ----

    @Test
    void insertFillsGeneratedKeysAndLeavesDefaultsToTheDatabase() {
        Repository<AuthorRecord> authors = AUTHORS.repository(db);
        AuthorRecord ann = authors.insert(new AuthorRecord(null, "Ann", 1950, null, Lazy.notLoaded()));
        assertThat(ann.authorId()).isEqualTo(1);
        assertThat(ann.active()).isNull();
        assertThat(authors.findById(1)).contains(new AuthorRecord(1, "Ann", 1950, true, Lazy.notLoaded()));
        List<AuthorRecord> more = authors.insertAll(List.of(new AuthorRecord(null, "Bo", null, false, Lazy.notLoaded()),
                new AuthorRecord(null, "Cy", 1970, true, Lazy.notLoaded()), new AuthorRecord(0, "Di", null, null, Lazy.notLoaded())));
        assertThat(more).extracting(AuthorRecord::authorId).containsExactly(2, 3, 4);
        assertThat(authors.findById(4).orElseThrow().active()).isTrue();
        Repository<BookRecord> books = BOOKS.repository(db);
        List<BookRecord> written = books.insertAll(List.of(new BookRecord(0, "One", 1, new BigDecimal("5.00"), Lazy.notLoaded()),
                new BookRecord(0, "Two", 1, null, Lazy.notLoaded()), new BookRecord(0, "Three", null, null, Lazy.notLoaded())));
        assertThat(written).extracting(BookRecord::bookId).containsExactly(1, 2, 3);
        assertThat(books.findById(2).orElseThrow().price()).isEqualByComparingTo("9.99");
        resetCount();
        assertThat(written.get(0).author().get()).map(AuthorRecord::name).contains("Ann");
        assertThat(written.get(0).author().get()).isPresent();
        assertThat(written.get(2).author().get()).isEmpty();
        assertThat(queries()).as("the records of one insertAll load their relations together").isEqualTo(1);
        assertThat(authors.findById(1).orElseThrow().books().get()).extracting(BookRecord::title).containsExactly("One", "Two");
    }

    @Test
    void updateUpsertAndDelete() {
        Repository<AuthorRecord> authors = AUTHORS.repository(db);
        authors.insertAll(List.of(new AuthorRecord(null, "Ann", 1950, true, Lazy.notLoaded()),
                new AuthorRecord(null, "Bo", null, true, Lazy.notLoaded())));
        assertThat(authors.update(new AuthorRecord(1, "Anne", 1951, false, Lazy.notLoaded()))).isEqualTo(1);
        assertThat(authors.findById(1)).contains(new AuthorRecord(1, "Anne", 1951, false, Lazy.notLoaded()));
        assertThat(authors.update(new AuthorRecord(99, "Nobody", null, true, Lazy.notLoaded()))).isZero();
        AuthorRecord bo = authors.upsert(new AuthorRecord(2, "Bob", 1960, true, Lazy.notLoaded()));
        assertThat(bo).isEqualTo(new AuthorRecord(2, "Bob", 1960, true, Lazy.notLoaded()));
        assertThat(authors.findById(2)).contains(bo);
        authors.upsert(new AuthorRecord(10, "Ten", null, true, Lazy.notLoaded()));
        AuthorRecord generated = authors.upsert(new AuthorRecord(null, "Gen", null, true, Lazy.notLoaded()));
        assertThat(generated.authorId()).isGreaterThan(2);
        assertThat(authors.count()).isEqualTo(4);
        assertThat(authors.findById(10).orElseThrow().name()).isEqualTo("Ten");
        Repository<FilmActorRecord> links = FILM_ACTORS_LINKS.repository(db);
        long linkCount = links.count();
        assertThat(links.upsert(new FilmActorRecord(1, 1))).isEqualTo(new FilmActorRecord(1, 1));
        assertThat(links.count()).isEqualTo(linkCount);
        assertThat(authors.deleteById(10)).isEqualTo(1);
        assertThat(authors.deleteById(10)).isZero();
        assertThat(authors.delete(bo)).isEqualTo(1);
        assertThat(authors.deleteWhere(AU.born.isNull())).isEqualTo(1);
        assertThat(authors.findAll()).extracting(AuthorRecord::name).containsExactly("Anne");
    }

    @Test
    void badInputFailsClearlyAndWritesNothing() {
        Repository<AuthorRecord> authors = AUTHORS.repository(db);
        authors.insert(new AuthorRecord(null, "Ann", null, true, Lazy.notLoaded()));
        assertThatThrownBy(() -> authors.findById("one"))
                .isInstanceOf(MappingException.class)
                .hasMessage("findById: the value for qk_author.author_id (Integer): a java.lang.String cannot be converted"
                        + " to java.lang.Integer");
        assertThatThrownBy(() -> authors.findById(1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("findById: the key of qk_author is [author_id] (1 value), got 2");
        assertThatThrownBy(() -> authors.insertAll(List.of(new AuthorRecord(null, "Bo", null, true, Lazy.notLoaded()),
                new AuthorRecord(7, "Cy", null, true, Lazy.notLoaded()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("insertAll: 1 of 2 AuthorRecord records leave qk_author.author_id to the database and the others"
                        + " set it; insert them in two calls");
        assertThatThrownBy(() -> authors.insertAll(List.of(new AuthorRecord(null, "Bo", null, true, Lazy.notLoaded()),
                new AuthorRecord(null, "Ann", null, true, Lazy.notLoaded()))))
                .isInstanceOf(UniqueViolationException.class);
        assertThat(authors.findAll()).extracting(AuthorRecord::name).containsExactly("Ann");
        assertThatThrownBy(() -> authors.deleteWhere(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteWhere(null); use deleteFrom(table).all() to delete every row");
    }

    // ---- declaration and mapping errors ----

    /** A record with a component the table lacks. */
    public record NoSuchColumn(int filmId, String director) {}

    /** A primitive component for a nullable column. */
    public record PrimitiveLength(int filmId, int length) {}

    /** A component whose column cannot convert. */
    public record NumericTitle(int filmId, Integer title) {}

    /** Relation components of the wrong shapes. */
    public record BadRelations(int filmId, String title, Lazy<MappingModel.LanguageRecord> originalLanguage,
                               Lazy<MappingModel.LanguageRecord> language, Lazy<List<RentalRecord>> rentals) {}

    @Test
    void declarationErrorsNameTheComponentAndTheColumn() {
        assertThatThrownBy(() -> Entity.of(NoSuchColumn.class, MiniSakila.Film.FILM))
                .isInstanceOf(MappingException.class)
                .hasMessage("Entity NoSuchColumn: component 'director' (String) has no column in table ms_film [film_id, title,"
                        + " language_id, original_language_id, category_id, length, rental_rate, release_year]; name it with"
                        + " @ColumnName");
        assertThatThrownBy(() -> Entity.of(NumericTitle.class, MiniSakila.Film.FILM))
                .isInstanceOf(MappingException.class)
                .hasMessage("NumericTitle.title (java.lang.Integer) from column ms_film.title (String): a java.lang.String"
                        + " cannot be converted to java.lang.Integer");
        Entity<BadRelations> bad = Entity.of(BadRelations.class, MiniSakila.Film.FILM);
        assertThatThrownBy(() -> bad.manyToOne("originalLanguage", MappingModel.LANGUAGES, MiniSakila.Film.FILM.originalLanguageId))
                .isInstanceOf(MappingException.class)
                .hasMessage("Entity BadRelations: component 'originalLanguage': column ms_film.original_language_id is nullable;"
                        + " declare the component as Lazy<Optional<LanguageRecord>>");
        assertThatThrownBy(() -> bad.oneToMany("title", RENTALS, RE.filmId))
                .isInstanceOf(MappingException.class)
                .hasMessage("Entity BadRelations: component 'title' is java.lang.String; a relation needs a Lazy component");
        assertThatThrownBy(() -> bad.oneToMany("rentals", RENTALS, CU.customerId))
                .isInstanceOf(MappingException.class)
                .hasMessage("Entity BadRelations: the foreign key ms_customer.customer_id is not a column of table ms_rental");
        bad.manyToOne("language", MappingModel.LANGUAGES, MiniSakila.Film.FILM.languageId);
        bad.oneToMany("rentals", RENTALS, RE.filmId);
        assertThatThrownBy(() -> bad.repository(db))
                .isInstanceOf(MappingException.class)
                .hasMessage("Entity BadRelations: component 'originalLanguage' (dev.quarry.mapping.Lazy<dev.quarry.testkit."
                        + "MappingModel$LanguageRecord>) has no relation; declare it with manyToOne, oneToMany or manyToMany"
                        + " before the entity's first use");
        assertThatThrownBy(() -> CUSTOMERS.oneToMany("rentals", RENTALS, RE.customerId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Entity CustomerRecord is already in use; declare relation 'rentals' before its first query");
    }

    @Test
    void aNullForAPrimitiveComponentFailsAtTheFirstSuchRow() {
        Repository<PrimitiveLength> lengths = Entity.of(PrimitiveLength.class, MiniSakila.Film.FILM).repository(db);
        assertThat(lengths.findById(1)).contains(new PrimitiveLength(1, 86));
        assertThatThrownBy(() -> lengths.findAll())
                .isInstanceOf(MappingException.class)
                .hasMessage("PrimitiveLength.length (int) from column ms_film.length (Integer): the value is NULL but the"
                        + " component is the primitive int; declare it as Integer or Optional<Integer>");
    }

    @Test
    void lazyTakesNoPartInEqualityAndPrintsWithoutLoading() {
        CustomerRecord mary = CUSTOMERS.repository(db).findById(1).orElseThrow();
        assertThat(mary).isEqualTo(customer(1, "MARY", "SMITH", null, true)).hasSameHashCodeAs(customer(1, "MARY", "SMITH", null, true));
        assertThat(mary.rentals().toString()).isEqualTo("Lazy[rentals, not loaded]");
        assertThat(queries()).isEqualTo(1);
        mary.rentals().get();
        assertThat(mary.rentals().toString()).isEqualTo("Lazy[3 items]");
        assertThat(Lazy.of(List.of(1)).get()).containsExactly(1);
        assertThat(FILMS.repository(db).findById(5).orElseThrow().length()).isEmpty();
    }
}
