package dev.quarry.testkit;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.LockTimeoutException;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.Record2;
import dev.quarry.dsl.Record3;
import dev.quarry.dsl.Record4;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import dev.quarry.testkit.MiniSakila.Actor;
import dev.quarry.testkit.MiniSakila.Category;
import dev.quarry.testkit.MiniSakila.Customer;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.FilmActor;
import dev.quarry.testkit.MiniSakila.Language;
import dev.quarry.testkit.MiniSakila.Payment;
import dev.quarry.testkit.MiniSakila.Rental;
import org.jooq.lambda.tuple.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.mapping;
import static dev.quarry.dsl.Dsl.max;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Set operations, row locking, the DML forms (INSERT ... SELECT, UPDATE ... FROM, DELETE
 * ... USING, RETURNING on them) and typed results, run by every dialect module on its real database
 * against {@link MiniSakila}'s fixed data, which every test starts with (reloaded before each test).
 * Where a database lacks a feature, the test checks that it is refused at render time with
 * {@link UnsupportedDialectFeatureException} and that nothing changed.
 *
 * <p>The figures the tests expect come from MiniSakila's documented data: films with actors
 * {1, 2, 3, 4, 5}; rented films {1, 2, 3, 4} (film 1 and 3 three times each, 2 and 4 once); Comedy films
 * {3, 6}; customer 4 is the only inactive one; payments total 21.92.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SetLockDmlSuite {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final FilmActor FA = FilmActor.FILM_ACTOR;
    private static final Rental R = Rental.RENTAL;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Payment PAY = Payment.PAYMENT;
    private static final Category CAT = Category.CATEGORY;
    private static final Actor AC = Actor.ACTOR;
    private static final FilmCopy COPY = FilmCopy.FILM_COPY;
    private static final FilmPrice PRICE = FilmPrice.FILM_PRICE;

    /** What a database can do beyond the portable core; the suite checks a refusal where a feature is missing. */
    public enum Feature {
        /** INTERSECT ALL and EXCEPT ALL. */
        INTERSECT_EXCEPT_ALL,
        /** FOR UPDATE / FOR SHARE with NOWAIT and SKIP LOCKED (tested with two transactions). */
        ROW_LOCKS,
        /** FOR SHARE, or the dialect's spelling of it (MariaDB: LOCK IN SHARE MODE). */
        SHARE_LOCKS,
        /** FOR UPDATE OF table. */
        LOCK_OF,
        /** INSERT ... SELECT ... RETURNING. */
        INSERT_RETURNING,
        /** UPDATE ... FROM ... RETURNING columns of the updated table. */
        UPDATE_FROM_RETURNING,
        /** DELETE ... USING ... RETURNING columns of the deleted table. */
        DELETE_USING_RETURNING,
        /** RETURNING of columns of the joined tables, too. */
        RETURNING_JOINED_COLUMNS
    }

    /** {@code ms_film_copy}: the target of INSERT ... SELECT. */
    public static final class FilmCopy extends Table {
        /** The table. */
        public static final FilmCopy FILM_COPY = new FilmCopy();
        /** Key, copied. */
        public final Column<Integer> filmId = integer("film_id").primaryKey();
        /** Title. */
        public final Column<String> title = varchar("title", 100);
        /** Rate, nullable. */
        public final Column<BigDecimal> rentalRate = decimal("rental_rate", 4, 2).nullable();
        /** Length, nullable. */
        public final Column<Integer> length = integer("length").nullable();
        private FilmCopy() { super("ms_film_copy"); }
    }

    /** {@code ms_film_price}: a per-film figure that UPDATE ... FROM reads. */
    public static final class FilmPrice extends Table {
        /** The table. */
        public static final FilmPrice FILM_PRICE = new FilmPrice();
        /** Film. */
        public final Column<Integer> filmId = integer("film_id").primaryKey();
        /** How often the film was rented. */
        public final Column<Integer> rentals = integer("rentals");
        private FilmPrice() { super("ms_film_price"); }
    }

    /** The database under test, open for the whole class. */
    protected Database db;

    /**
     * Opens the database under test; called once per class, closed after the last test.
     *
     * @return an open database with at least two pooled connections where {@link Feature#ROW_LOCKS} is claimed
     */
    protected abstract Database openDatabase();

    /** @return the features the dialect renders; the others must be refused at render time */
    protected abstract Set<Feature> features();

    /**
     * Whether the server runs what the dialect renders for a feature; the test of a feature it cannot run
     * is skipped. Default true; false for MySQL 8's spelling run on a MariaDB server (FOR SHARE, OF).
     *
     * @param feature a feature of {@link #features()}
     * @return whether to run its test
     */
    protected boolean serverRuns(Feature feature) {
        return true;
    }

    @BeforeAll
    final void openAll() {
        db = openDatabase();
    }

    @AfterAll
    final void closeAll() {
        if (db != null) db.close();
    }

    @BeforeEach
    final void load() {
        Ddl.drop(db, COPY, PRICE);
        MiniSakila.load(db);
        Ddl.create(db, COPY, PRICE);
    }

    @AfterEach
    final void dropAll() {
        Ddl.drop(db, COPY, PRICE);
        MiniSakila.drop(db);
    }

    private boolean has(Feature f) {
        return features().contains(f);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... featureParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UnsupportedDialectFeatureException.class, e -> {
            assertThat(e.dialect()).isEqualTo(db.dialect().name());
            for (String part : featureParts) assertThat(e.feature()).contains(part);
        });
    }

    private Select<Record1<Integer>> rentedFilms() {
        return db.select(R.filmId).from(R);
    }

    private Select<Record1<Integer>> comedyFilms() {
        return db.select(F.filmId).from(F).join(CAT).on(CAT.categoryId.eq(F.categoryId)).where(CAT.name.eq("Comedy"));
    }

    private Select<Record1<Integer>> filmsWithActors() {
        return db.select(FA.filmId).from(FA);
    }

    private static List<Integer> ids(List<Record1<Integer>> rows) {
        return rows.stream().map(Record1::value1).toList();
    }

    private static List<Integer> sorted(List<Record1<Integer>> rows) {
        return rows.stream().map(Record1::value1).sorted().toList();
    }

    // ---- set operations ------------------------------------------------------------------------

    @Test
    void unionOrderedAndLimitedAsAWhole() {
        var query = rentedFilms().union(comedyFilms()).orderBy(R.filmId.desc()).limit(3);
        assertThat(ids(query.fetch())).containsExactly(6, 4, 3);
        assertThat(ids(rentedFilms().union(comedyFilms()).orderBy(R.filmId.asc()).limit(2).offset(1).fetch()))
                .containsExactly(2, 3);
        assertThat(ids(rentedFilms().union(comedyFilms()).orderBy(R.filmId.asc()).offset(3).fetch()))
                .containsExactly(4, 6);
    }

    @Test
    void unionAllKeepsDuplicates() {
        List<Integer> all = sorted(rentedFilms().unionAll(comedyFilms()).fetch());
        assertThat(all).containsExactly(1, 1, 1, 2, 3, 3, 3, 3, 4, 6);
    }

    @Test
    void intersectAndExcept() {
        assertThat(ids(filmsWithActors().intersect(comedyFilms()).fetch())).containsExactly(3);
        assertThat(ids(filmsWithActors().except(rentedFilms()).fetch())).containsExactly(5);
        assertThat(ids(db.select(F.filmId).from(F).except(filmsWithActors()).except(comedyFilms()).fetch())).isEmpty();
    }

    @Test
    void intersectAllAndExceptAllCountDuplicates() {
        var intersectAll = rentedFilms().intersectAll(filmsWithActors());
        var exceptAll = rentedFilms().exceptAll(filmsWithActors());
        if (!has(Feature.INTERSECT_EXCEPT_ALL)) {
            assertRefused(intersectAll::fetch, "INTERSECT ALL");
            assertRefused(exceptAll::fetch, "EXCEPT ALL");
            return;
        }
        // rentals per film 1:3, 2:1, 3:3, 4:1; film_actor rows per film 1:3, 2:1, 3:1, 4:1, 5:1
        assertThat(sorted(intersectAll.fetch())).containsExactly(1, 1, 1, 2, 3, 4);
        assertThat(sorted(exceptAll.fetch())).containsExactly(3, 3);
    }

    @Test
    void nestingKeepsTheMeaningOfTheJavaExpression() {
        // (comedy UNION rented) INTERSECT with-actors = {3, 6, 1, 2, 4} ∩ {1..5}; the flat SQL text
        // "comedy UNION rented INTERSECT with-actors" would mean comedy ∪ (rented ∩ with-actors), which holds 6
        assertThat(sorted(comedyFilms().union(rentedFilms()).intersect(filmsWithActors()).fetch())).containsExactly(1, 2, 3, 4);
        assertThat(sorted(comedyFilms().union(rentedFilms().intersect(filmsWithActors())).fetch())).containsExactly(1, 2, 3, 4, 6);
        assertThat(sorted(comedyFilms().intersect(rentedFilms()).union(filmsWithActors()).fetch())).containsExactly(1, 2, 3, 4, 5);
        assertThat(sorted(filmsWithActors().except(comedyFilms().union(rentedFilms())).fetch())).containsExactly(5);
        assertThat(sorted(filmsWithActors().except(comedyFilms()).union(rentedFilms()).fetch())).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aSideWithItsOwnOrderAndLimit() {
        var longest = db.select(F.filmId).from(F).orderBy(F.length.desc().nullsLast()).limit(1);
        var zorro = db.select(F.filmId).from(F).where(F.title.startsWith("Z"));
        assertThat(ids(longest.union(zorro).orderBy(F.filmId.asc()).fetch())).containsExactly(4, 6);
        assertThat(ids(zorro.union(longest).orderBy(F.filmId.desc()).fetch())).containsExactly(6, 4);
    }

    @Test
    void orderByAnAliasAndNullPlacementOfTheWhole() {
        var name = F.title.as("name");
        List<String> names = db.select(name).from(F).union(db.select(AC.firstName).from(AC))
                .orderBy(name.desc()).limit(3).fetch(r -> r.value1());
        assertThat(names).containsExactly("ZORRO ARK", "PENELOPE", "NICK");
        List<Integer> lengths = db.select(F.length).from(F).where(F.filmId.le(3))
                .union(db.select(F.length).from(F).where(F.filmId.ge(4)))
                .orderBy(F.length.asc().nullsLast()).fetch(Record1::value1);
        assertThat(lengths).containsExactly(48, 50, 86, 117, null);
        List<Integer> nullsFirst = db.select(F.length).from(F).union(db.select(F.length).from(F))
                .orderBy(F.length.desc().nullsFirst()).fetch(Record1::value1);
        assertThat(nullsFirst).containsExactly(null, 117, 86, 50, 48);
    }

    @Test
    void typedCompoundRowsAndTheirMistakes() {
        Select<Record2<Integer, String>> films = db.select(F.filmId, F.title).from(F).where(F.filmId.le(2));
        Select<Record2<Integer, String>> actors = db.select(AC.actorId, AC.lastName).from(AC).where(AC.actorId.eq(4));
        List<String> rows = films.unionAll(actors).orderBy(F.title.asc()).fetch(r -> r.value1() + ":" + r.value2());
        assertThat(rows).containsExactly("1:ACADEMY DINOSAUR", "2:ACE GOLDFINGER", "4:DAVIS");

        // typed sides of different widths do not compile; untyped ones are checked when the set operation is built
        Field<?>[] two = {F.filmId, F.title};
        assertThatThrownBy(() -> db.select(two).from(F).union(db.select(AC.actorId).from(AC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UNION: the left query selects 2 fields [ms_film.film_id, ms_film.title] but the right query selects 1 "
                        + "[ms_actor.actor_id]; both sides of a set operation need the same number of fields");
        assertThatThrownBy(() -> films.union(actors).orderBy(F.length.asc()).fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDER BY of a UNION: column ms_film.length is not in the select list [ms_film.film_id, ms_film.title]");
        assertThatThrownBy(() -> films.union(actors).where(F.filmId.eq(1)).fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takes only ORDER BY, LIMIT and OFFSET");
    }

    // ---- row locking ---------------------------------------------------------------------------

    private Select<Record1<Integer>> film(int id) {
        return db.select(F.filmId).from(F).where(F.filmId.eq(id));
    }

    /**
     * Runs {@code holder} in a transaction on another thread, waits until it holds its locks, runs
     * {@code check} meanwhile, and then lets the holder commit.
     */
    private <T> T whileLocked(Function<Transaction, ?> holder, Function<Database, T> check) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = pool.submit(() -> db.runInTransaction(tx -> {
                holder.apply(tx);
                locked.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            try {
                if (!locked.await(30, TimeUnit.SECONDS)) {
                    holding.get(1, TimeUnit.SECONDS);
                    throw new IllegalStateException("the holder did not lock");
                }
                return check.apply(db);
            } finally {
                release.countDown();
                holding.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void forUpdateNoWaitFailsOnALockedRowAndSkipLockedSkipsIt() throws Exception {
        if (!has(Feature.ROW_LOCKS)) {
            assertRefused(() -> film(1).forUpdate().fetch(), "FOR UPDATE");
            assertRefused(() -> film(1).forUpdate().noWait().fetch(), "FOR UPDATE");
            assertRefused(() -> film(1).forShare().skipLocked().fetch(), "FOR SHARE");
            return;
        }
        whileLocked(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(1)).forUpdate().fetch(), d -> {
            assertThatThrownBy(() -> d.transaction(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(1)).forUpdate().noWait().fetch()))
                    .isInstanceOf(LockTimeoutException.class)
                    .satisfies(e -> assertThat(((LockTimeoutException) e).sql()).contains("NOWAIT"));
            List<Integer> free = d.transaction(tx -> tx.select(F.filmId).from(F).orderBy(F.filmId.asc())
                    .forUpdate().skipLocked().fetch(Record1::value1));
            assertThat(free).containsExactly(2, 3, 4, 5, 6);
            List<Integer> next = d.transaction(tx -> tx.select(F.filmId).from(F).orderBy(F.filmId.asc()).limit(1)
                    .forUpdate().skipLocked().fetch(Record1::value1));
            assertThat(next).containsExactly(2);
            // an unlocked row is locked at once
            Integer two = d.transaction(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(2)).forUpdate().noWait().fetchOne().value1());
            assertThat(two).isEqualTo(2);
            return null;
        });
        // after the holder committed, the row is free again
        List<Record1<Integer>> again = db.transaction(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(1)).forUpdate().noWait().fetch());
        assertThat(again).hasSize(1);
    }

    @Test
    @Timeout(60)
    void sharedLocksAdmitSharedLocksButNotExclusiveOnes() throws Exception {
        if (!has(Feature.ROW_LOCKS) || !has(Feature.SHARE_LOCKS)) {
            assertRefused(() -> film(1).forShare().fetch(), "FOR SHARE");
            return;
        }
        if (!serverRuns(Feature.SHARE_LOCKS)) {
            // this server cannot run the dialect's spelling (MySQL 8 SQL on MariaDB): check the SQL instead
            assertThat(film(1).forShare().render(db.dialect()).sql()).endsWith(" FOR SHARE");
            return;
        }
        whileLocked(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(1)).forShare().fetch(), d -> {
            List<Record1<Integer>> shared = d.transaction(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(1)).forShare().noWait().fetch());
            assertThat(shared).hasSize(1);
            assertThatThrownBy(() -> d.transaction(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(1)).forUpdate().noWait().fetch()))
                    .isInstanceOf(LockTimeoutException.class);
            List<Integer> free = d.transaction(tx -> tx.select(F.filmId).from(F).orderBy(F.filmId.asc()).forUpdate().skipLocked()
                    .fetch(Record1::value1));
            assertThat(free).containsExactly(2, 3, 4, 5, 6);
            return null;
        });
    }

    @Test
    @Timeout(60)
    void forUpdateOfLocksOnlyTheNamedTable() throws Exception {
        var query = db.select(F.filmId, L.name).from(F).join(L).on(L.languageId.eq(F.languageId)).where(F.filmId.eq(1))
                .forUpdate().of(F);
        if (!has(Feature.LOCK_OF)) {
            assertRefused(query::fetch, "FOR UPDATE");
            return;
        }
        if (!serverRuns(Feature.LOCK_OF)) {
            // this server cannot run the dialect's spelling (MySQL 8 SQL on MariaDB): check the SQL instead
            assertThat(query.render(db.dialect()).sql()).endsWith(" FOR UPDATE OF `ms_film`");
            return;
        }
        whileLocked(tx -> tx.fetch(query), d -> {
            // film 1 is English (language 1): the language row is not locked, the film row is
            List<Record1<Integer>> language = d.transaction(tx -> tx.select(L.languageId).from(L).where(L.languageId.eq(1))
                    .forUpdate().noWait().fetch());
            assertThat(language).hasSize(1);
            assertThatThrownBy(() -> d.transaction(tx -> tx.select(F.filmId).from(F).where(F.filmId.eq(1)).forUpdate().noWait().fetch()))
                    .isInstanceOf(LockTimeoutException.class);
            return null;
        });
    }

    @Test
    void lockingMistakesFailBeforeAnythingIsSent() {
        assertThatThrownBy(() -> film(1).noWait()).isInstanceOf(IllegalStateException.class)
                .hasMessage("noWait() refines a locking clause: call forUpdate() or forShare() first");
        assertThatThrownBy(() -> film(1).forUpdate().of(L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FOR UPDATE OF ms_language: table ms_language is not in this query (tables: [ms_film])");
        assertThatThrownBy(() -> film(1).union(film(2)).forUpdate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the rows of a UNION cannot be locked");
        assertThatThrownBy(() -> film(1).forShare().union(film(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a query with FOR SHARE cannot be a side of a set operation");
    }

    // ---- INSERT ... SELECT ---------------------------------------------------------------------

    private List<String> copies() {
        return db.select(COPY.filmId, COPY.title, COPY.rentalRate, COPY.length).from(COPY).orderBy(COPY.filmId.asc())
                .fetch(r -> r.value1() + ":" + r.value2() + ":" + r.value3() + ":" + r.value4());
    }

    @Test
    void insertSelectCopiesTheRowsTheQueryReturns() {
        int copied = db.insertInto(COPY, COPY.filmId, COPY.title, COPY.rentalRate)
                .select(db.select(F.filmId, F.title, F.rentalRate).from(F).where(F.rentalRate.gt(new BigDecimal("2.00"))))
                .execute();
        assertThat(copied).isEqualTo(5);
        assertThat(copies()).containsExactly("2:ACE GOLDFINGER:4.99:null", "3:ADAPTATION HOLES:2.99:null",
                "4:AFFAIR PREJUDICE:2.99:null", "5:AGENT TRUMAN:2.99:null", "6:ZORRO ARK:4.99:null");
    }

    @Test
    void insertSelectOfAllColumnsFromASetOperationAndAnAggregate() {
        var rented = db.select(F.filmId, F.title, F.rentalRate, F.length).from(F).join(R).on(R.filmId.eq(F.filmId));
        var comedy = db.select(F.filmId, F.title, F.rentalRate, F.length).from(F).where(F.categoryId.eq(2));
        assertThat(db.insertInto(COPY).select(rented.union(comedy)).execute()).isEqualTo(5);
        assertThat(copies()).containsExactly("1:ACADEMY DINOSAUR:0.99:86", "2:ACE GOLDFINGER:4.99:48", "3:ADAPTATION HOLES:2.99:50",
                "4:AFFAIR PREJUDICE:2.99:117", "6:ZORRO ARK:4.99:50");
        // a COUNT (BIGINT) fills an INTEGER column: films rented more than once
        int popular = db.insertInto(PRICE, PRICE.filmId, PRICE.rentals)
                .select(db.select(R.filmId, count()).from(R).groupBy(R.filmId).having(count().gt(1L))).execute();
        assertThat(popular).isEqualTo(2);
        assertThat(db.select(PRICE.filmId, PRICE.rentals).from(PRICE).orderBy(PRICE.filmId.asc())
                .fetch(r -> r.value1() + "x" + r.value2())).containsExactly("1x3", "3x3");
    }

    @Test
    void insertSelectReturning() {
        var insert = db.insertInto(COPY, COPY.filmId, COPY.title)
                .select(db.select(F.filmId, F.title).from(F).where(F.languageId.ne(1)))
                .returning(COPY.filmId, COPY.title);
        if (!has(Feature.INSERT_RETURNING)) {
            assertRefused(insert::fetch, "INSERT", "RETURNING");
            assertThat(copies()).isEmpty();
            return;
        }
        assertThat(insert.fetch()).extracting(r -> r.get(COPY.filmId) + ":" + r.get(COPY.title))
                .containsExactlyInAnyOrder("4:AFFAIR PREJUDICE", "6:ZORRO ARK");
        assertThat(copies()).hasSize(2);
    }

    @Test
    void insertSelectChecksColumnsAgainstTheQuery() {
        assertThatThrownBy(() -> db.insertInto(COPY, COPY.filmId, COPY.title).select(db.select(F.filmId).from(F)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO ms_film_copy [film_id, title]: 2 columns but the SELECT has 1 field [ms_film.film_id]");
        assertThatThrownBy(() -> db.insertInto(COPY, COPY.filmId, COPY.title).select(db.select(F.filmId, F.length).from(F)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO ms_film_copy: column ms_film_copy.title (String) cannot take SELECT field 2, column ms_film.length (Integer)");
        assertThatThrownBy(() -> db.insertInto(COPY, COPY.title)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO ms_film_copy does not set column ms_film_copy.film_id, which is NOT NULL and has no default");
        assertThatThrownBy(() -> db.insertInto(COPY, COPY.filmId, F.title)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INSERT INTO ms_film_copy: column ms_film.title is not a column of table ms_film_copy");
        assertThat(copies()).isEmpty();
    }

    // ---- UPDATE with a join or a subquery -------------------------------------------------------

    private List<String> rates() {
        return db.select(F.filmId, F.rentalRate, F.length).from(F).orderBy(F.filmId.asc())
                .fetch(r -> r.value1() + ":" + r.value2() + ":" + r.value3());
    }

    private void loadPopularFilms() {
        db.insertInto(PRICE, PRICE.filmId, PRICE.rentals)
                .select(db.select(R.filmId, count()).from(R).groupBy(R.filmId).having(count().gt(1L))).execute();
    }

    @Test
    void updateFromAnotherTableRaisesTheRatesOfFilmsRentedMoreThanOnce() {
        loadPopularFilms();
        int updated = db.update(F).set(F.rentalRate, new BigDecimal("5.99")).set(F.length, PRICE.rentals)
                .from(PRICE).where(PRICE.filmId.eq(F.filmId)).execute();
        assertThat(updated).isEqualTo(2);
        assertThat(rates()).containsExactly("1:5.99:3", "2:4.99:48", "3:5.99:3", "4:2.99:117", "5:2.99:null", "6:4.99:50");
    }

    @Test
    void updateFromWithAConditionOnBothTables() {
        loadPopularFilms();
        int updated = db.update(F).set(F.rentalRate, new BigDecimal("1.49"))
                .from(PRICE, CAT).where(PRICE.filmId.eq(F.filmId).and(CAT.categoryId.eq(F.categoryId)).and(CAT.name.eq("Drama")))
                .execute();
        assertThat(updated).isEqualTo(1);
        assertThat(rates()).startsWith("1:1.49:86", "2:4.99:48", "3:2.99:50");
    }

    @Test
    void updateFromReturning() {
        loadPopularFilms();
        var update = db.update(F).set(F.rentalRate, new BigDecimal("5.99")).from(PRICE).where(PRICE.filmId.eq(F.filmId))
                .returning(F.filmId, F.rentalRate);
        if (!has(Feature.UPDATE_FROM_RETURNING)) {
            assertRefused(update::fetch, "UPDATE", "RETURNING");
            assertThat(rates()).startsWith("1:0.99:86");
            return;
        }
        assertThat(update.fetch()).extracting(r -> r.get(F.filmId) + ":" + r.get(F.rentalRate))
                .containsExactlyInAnyOrder("1:5.99", "3:5.99");
        var joined = db.update(F).set(F.length, PRICE.rentals).from(PRICE).where(PRICE.filmId.eq(F.filmId))
                .returning(F.filmId, PRICE.rentals);
        if (!has(Feature.RETURNING_JOINED_COLUMNS)) {
            assertRefused(joined::fetch, "RETURNING ms_film_price.rentals");
            return;
        }
        assertThat(joined.fetch()).extracting(r -> r.get(F.filmId) + "x" + r.get(PRICE.rentals)).containsExactlyInAnyOrder("1x3", "3x3");
    }

    /** A scalar subquery made with the public extension point, so this test does not depend on the DSL's own subquery API. */
    private record ScalarSubquery<T>(Select<Record1<T>> query) implements Field<T> {
        @Override
        @SuppressWarnings("unchecked")
        public DataType<T> type() { return (DataType<T>) query.fields().get(0).type(); }

        @Override
        public String name() { return "subquery"; }

        @Override
        public void renderTo(SqlBuilder b) { b.append('(').visit(query).append(')'); }
    }

    @Test
    void updateSetsAnyExpressionIncludingACorrelatedSubquery() {
        // the highest payment for a rental of the film itself: film 1 -> 0.99, film 3 -> 5.98
        var highestPayment = new ScalarSubquery<>(Dsl.select(max(PAY.amount)).from(PAY).join(R).on(R.rentalId.eq(PAY.rentalId))
                .where(R.filmId.eq(F.filmId)));
        int updated = db.update(F).set(F.rentalRate, highestPayment).where(F.filmId.in(1, 3)).execute();
        assertThat(updated).isEqualTo(2);
        // an expression of the same row
        db.update(F).set(F.originalLanguageId, F.languageId).where(F.originalLanguageId.isNull()).execute();
        assertThat(rates()).startsWith("1:0.99:86", "2:4.99:48", "3:5.98:50");
        assertThat(db.select(count()).from(F).where(F.originalLanguageId.eq(F.languageId)).fetchValue(count())).isEqualTo(4L);
    }

    @Test
    void columnsOfOtherTablesNeedThemInTheStatement() {
        assertThatThrownBy(() -> db.update(F).set(F.length, PRICE.rentals).where(PRICE.filmId.eq(F.filmId)).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column ms_film_price.rentals belongs to table ms_film_price, which is not in this query (tables in scope: ms_film)");
        assertThatThrownBy(() -> db.deleteFrom(PAY).using(CU).where(R.rentalId.eq(PAY.rentalId)).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Column ms_rental.rental_id belongs to table ms_rental, which is not in this query")
                .hasMessageContaining("ms_payment, ms_customer");
        assertThatThrownBy(() -> db.update(F).set(F.length, 1).from(PRICE).all().execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("UPDATE ms_film ... FROM [ms_film_price] has no WHERE condition joining the tables");
        assertThatThrownBy(() -> db.update(F).set(F.length, 1).from(F))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table ms_film is the statement's own table");
        assertThat(rates()).startsWith("1:0.99:86");
    }

    // ---- DELETE with a join ---------------------------------------------------------------------

    private BigDecimal paymentTotal() {
        var total = sum(PAY.amount);
        return db.select(total).from(PAY).fetchValue(total);
    }

    @Test
    void deleteUsingRemovesThePaymentsOfInactiveCustomers() {
        db.update(CU).set(CU.active, false).where(CU.customerId.eq(3)).execute();
        int deleted = db.deleteFrom(PAY).using(CU)
                .where(CU.customerId.eq(PAY.customerId).and(CU.active.eq(false))).execute();
        assertThat(deleted).isEqualTo(2);
        assertThat(db.select(PAY.paymentId).from(PAY).orderBy(PAY.paymentId.asc()).fetch(Record1::value1))
                .containsExactly(1, 2, 3, 4, 6, 8);
        assertThat(paymentTotal()).isEqualByComparingTo("15.94");
        // customer 4 has a rental but no payment: the rental goes, through two joined tables
        int rentals = db.deleteFrom(R).using(CU, F).where(CU.customerId.eq(R.customerId).and(CU.active.eq(false))
                .and(F.filmId.eq(R.filmId)).and(F.title.eq("ACADEMY DINOSAUR")).and(R.returnDate.isNull())).execute();
        assertThat(rentals).isEqualTo(1);
        assertThat(db.select(count()).from(R).fetchValue(count())).isEqualTo(7L);
    }

    @Test
    void deleteUsingDeletesEachRowOnceHoweverManyRowsMatch() {
        // customer 1 has three rentals: each of their payments matches three rental rows
        int deleted = db.deleteFrom(PAY).using(R).where(R.customerId.eq(PAY.customerId).and(R.customerId.eq(1))).execute();
        assertThat(deleted).isEqualTo(3);
        assertThat(paymentTotal()).isEqualByComparingTo("9.96");
    }

    @Test
    void deleteUsingReturning() {
        var delete = db.deleteFrom(PAY).using(CU).where(CU.customerId.eq(PAY.customerId).and(CU.firstName.eq("LINDA")))
                .returning(PAY.paymentId, PAY.amount);
        if (!has(Feature.DELETE_USING_RETURNING)) {
            assertRefused(delete::fetch, "DELETE", "RETURNING");
            assertThat(paymentTotal()).isEqualByComparingTo("21.92");
            return;
        }
        assertThat(delete.fetch()).extracting(r -> r.get(PAY.paymentId) + ":" + r.get(PAY.amount))
                .containsExactlyInAnyOrder("5:2.99", "7:2.99");
        assertThat(paymentTotal()).isEqualByComparingTo("15.94");
    }

    // ---- typed results -------------------------------------------------------------------------

    /** A view of a film with its original language, which only some films have. */
    public record FilmOriginal(String title, String name, Integer length) {}

    /** As {@link FilmOriginal}, but with a primitive length, which cannot hold a NULL. */
    public record FilmOriginalPrimitive(String title, String name, int length) {}

    /** Four typed values through a constructor reference. */
    public record FilmLine(Integer id, String title, String language, BigDecimal rate) {}

    @Test
    void typedFetchOneAndFetchOptional() {
        Record3<String, String, Integer> truman = db.select(F.title, L.name, F.length).from(F)
                .join(L).on(L.languageId.eq(F.languageId)).where(F.filmId.eq(5)).fetchOne();
        String title = truman.value1();
        String language = truman.value2();
        Integer length = truman.value3();
        assertThat(title).isEqualTo("AGENT TRUMAN");
        assertThat(language).isEqualTo("English");
        assertThat(length).isNull();
        assertThat(truman.optional(F.length)).isEmpty();
        assertThat((Object) truman.toTuple()).isEqualTo(Tuple.tuple("AGENT TRUMAN", "English", null));
        Optional<Record2<Integer, String>> zorro = db.select(F.filmId, F.title).from(F).where(F.title.eq("ZORRO ARK")).fetchOptional();
        assertThat(zorro).map(Record2::value1).contains(6);
        assertThat(db.select(F.filmId, F.title).from(F).where(F.title.eq("NONE")).fetchOptional()).isEmpty();
    }

    @Test
    void constructorMappingOfFourFields() {
        List<FilmLine> lines = db.select(F.filmId, F.title, L.name, F.rentalRate).from(F).join(L).on(L.languageId.eq(F.languageId))
                .where(F.filmId.ge(5)).orderBy(F.filmId.asc()).fetch(mapping(FilmLine::new));
        assertThat(lines).containsExactly(new FilmLine(5, "AGENT TRUMAN", "English", new BigDecimal("2.99")),
                new FilmLine(6, "ZORRO ARK", "Italian", new BigDecimal("4.99")));
        Record4<Integer, String, String, BigDecimal> row = db.select(F.filmId, F.title, L.name, F.rentalRate).from(F)
                .join(L).on(L.languageId.eq(F.languageId)).where(F.filmId.eq(4)).fetchOne();
        assertThat(row.into(FilmLine::new)).isEqualTo(new FilmLine(4, "AFFAIR PREJUDICE", "French", new BigDecimal("2.99")));
    }

    @Test
    void leftJoinNullsReachRecordsAsNullAndPrimitivesRefuseThem() {
        var query = db.select(F.title, L.name, F.length).from(F).leftJoin(L).on(L.languageId.eq(F.originalLanguageId))
                .orderBy(F.filmId.asc());
        List<FilmOriginal> films = query.fetchInto(FilmOriginal.class);
        assertThat(films).containsExactly(
                new FilmOriginal("ACADEMY DINOSAUR", null, 86), new FilmOriginal("ACE GOLDFINGER", null, 48),
                new FilmOriginal("ADAPTATION HOLES", "Italian", 50), new FilmOriginal("AFFAIR PREJUDICE", null, 117),
                new FilmOriginal("AGENT TRUMAN", null, null), new FilmOriginal("ZORRO ARK", "French", 50));
        List<Record3<String, String, Integer>> rows = query.fetch();
        assertThat(rows.get(0).value2()).isNull();
        assertThat(rows.get(0).optional(L.name)).isEmpty();
        assertThat(rows.get(2).optional(L.name)).contains("Italian");
        assertThatThrownBy(() -> query.fetchInto(FilmOriginalPrimitive.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record FilmOriginalPrimitive component 'length' (int) from column ms_film.length (INTEGER): "
                        + "the value is NULL but the component is primitive; use Integer");
        assertThat(query.where(F.length.isNotNull()).fetchInto(FilmOriginalPrimitive.class)).hasSize(5);
    }

    @Test
    void untypedRowsReadTheSameValues() {
        Field<?>[] fields = {F.title, L.name};
        List<Row> rows = db.select(fields).from(F).leftJoin(L).on(L.languageId.eq(F.originalLanguageId)).orderBy(F.filmId.asc()).fetch();
        assertThat(rows).extracting(r -> r.get(L.name)).containsExactly(null, null, "Italian", null, null, "French");
    }
}
