package dev.quarry.testkit;

import dev.quarry.dsl.Field;
import dev.quarry.dsl.Row;
import dev.quarry.mapping.ColumnName;
import dev.quarry.mapping.MappingException;
import dev.quarry.mapping.RecordMapper;
import dev.quarry.mapping.Records;
import dev.quarry.testkit.MiniSakila.Category;
import dev.quarry.testkit.MiniSakila.Customer;
import dev.quarry.testkit.MiniSakila.Film;
import dev.quarry.testkit.MiniSakila.Language;
import dev.quarry.testkit.MiniSakila.Payment;
import dev.quarry.testkit.MiniSakila.Rental;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.mapping;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows to Java records ({@code dev.quarry.mapping.Records}) on the MiniSakila data, run by every dialect
 * module on its real database: by component name (with {@link ColumnName} and column aliases), by
 * position, with an explicit constructor reference ({@code Dsl.mapping}), nested records for joined
 * tables (by table name, record name and table alias) with a LEFT JOIN's missing side as null or an
 * empty Optional, value conversions, and every mapping error with its exact message, raised at the first
 * row (a NULL for a primitive component at the row where the NULL is).
 */
public abstract class RecordMappingSuite extends MiniSakilaSuite {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;
    private static final Category CA = Category.CATEGORY;
    private static final Customer CU = Customer.CUSTOMER;
    private static final Rental R = Rental.RENTAL;
    private static final Payment P = Payment.PAYMENT;

    // ---- the records ---------------------------------------------------------------------------------

    /** A flat film row. */
    public record FilmRow(int filmId, String title, Integer length, double rentalRate, int releaseYear) {}

    /** Names given by {@link ColumnName}. */
    public record FilmLabel(int filmId, @ColumnName("title") String name, @ColumnName("RentalRate") BigDecimal price) {}

    /** Filled from column aliases. */
    public record FilmLanguage(String filmTitle, String spokenIn) {}

    /** A nullable column as an Optional. */
    public record FilmLength(String title, Optional<Integer> length) {}

    /** Two strings, by position. */
    public record Pair(String first, String second) {}

    /** For the explicit constructor reference. */
    public record FilmTitle(int filmId, String title) {}

    /** {@code ms_film}, found by the record's name. */
    public record MsFilm(int filmId, String title, double rentalRate) {}

    /** {@code ms_customer}, found by the record's name. */
    public record MsCustomer(int customerId, String firstName, String lastName, boolean active) {}

    /** {@code ms_rental}, found by the record's name. */
    public record MsRental(int rentalId, LocalDateTime rentalDate, Optional<LocalDateTime> returnDate) {}

    /** Three joined tables. */
    public record RentalView(MsRental rental, MsCustomer customer, MsFilm film) {}

    /** A LEFT JOIN's missing side as null. */
    public record FilmAndRental(MsFilm film, MsRental rental) {}

    /** A LEFT JOIN's missing side as an empty Optional. */
    public record FilmMaybeRental(MsFilm film, Optional<MsRental> rental) {}

    /** Top-level columns next to a nested record. */
    public record PaymentView(int paymentId, BigDecimal amount, Optional<MsRental> rental) {}

    /** A customer's name. */
    public record Person(int customerId, String firstName, String lastName) {}

    /** A self-join: the referrer through a table alias. */
    public record Referral(int customerId, String firstName, Optional<Person> referrer) {}

    /** Nested records found by table aliases named like the components. */
    public record AliasedRental(int rentalId, Person buyer, MsFilm movie) {}

    /** A top-level id next to the nested record that reads a column of the same name. */
    public record RentalCustomerIds(int rentalId, int customerId, MsCustomer customer) {}

    /** The same, when only the nested record's table has the column. */
    public record CustomerAndId(int customerId, MsCustomer customer) {}

    /** Category names as enum constants. */
    public enum Genre {
        /** Action. */
        Action,
        /** Comedy. */
        Comedy,
        /** Drama. */
        Drama
    }

    /** An enum from a string column. */
    public record CategoryRow(int categoryId, Genre name) {}

    /** An aggregate count into an int, a sum as BigDecimal. */
    public record CustomerTotals(int customerId, int payments, BigDecimal total) {}

    /** A missing column. */
    public record WithRating(int filmId, String rating) {}

    /** Two columns of one name. */
    public record AmbiguousFilm(int filmId, String title) {}

    /** A type that cannot be converted. */
    public record BadTitle(int filmId, int title) {}

    /** A NULL for a primitive. */
    public record PrimitiveLength(int filmId, int length) {}

    /** A value that does not fit. */
    public record WholeAmount(int paymentId, int amount) {}

    /** Not every category is a constant. */
    public enum ShortGenre {
        /** Action. */
        Action,
        /** Comedy. */
        Comedy
    }

    /** A string naming no constant. */
    public record ShortCategory(int categoryId, ShortGenre name) {}

    /** A customer record that no table name matches. */
    public record Buyer(int customerId, String firstName) {}

    /** A nested record without a table. */
    public record RentalBuyer(int rentalId, Buyer buyer) {}

    /** A nested component of a type its column cannot be converted to. */
    public record BadBuyer(int customerId, int firstName) {}

    /** Holds a {@link BadBuyer}. */
    public record RentalBadBuyer(int rentalId, BadBuyer buyer) {}

    /** Two levels of records. */
    public record RentalWithFilm(int rentalId, MsFilm film) {}

    /** Two levels of records. */
    public record PaymentWithRental(int paymentId, RentalWithFilm rental) {}

    // ---- by name -------------------------------------------------------------------------------------

    /** A view nesting an entity record, whose relations cannot load when it comes from rows. */
    public record RentalOfCustomer(int rentalId, MappingModel.CustomerRecord customer) {}

    @Test
    void entityRecordsNestInViewsWithRelationsThatCannotLoad() {
        Customer customer = CU.as("customer");
        List<RentalOfCustomer> rows = db.select(R.rentalId, customer.customerId, customer.firstName, customer.lastName,
                        customer.referredBy, customer.active)
                .from(R).join(customer).on(customer.customerId.eq(R.customerId))
                .where(R.rentalId.le(2)).orderBy(R.rentalId)
                .fetch(Records.byName(RentalOfCustomer.class));
        assertThat(rows).extracting(r -> r.customer().firstName()).containsExactly("MARY", "PATRICIA");
        assertThat(rows.get(1).customer().referredBy()).isEqualTo(1);
        assertThatThrownBy(() -> rows.get(0).customer().rentals().get())
                .isInstanceOf(dev.quarry.mapping.LazyLoadingException.class)
                .hasMessage("this record was mapped from rows by Records, which loads no relations; read it through a"
                        + " repository (Entity.repository) to get relations that load");
    }

    @Test
    void byNameFillsEveryComponentFromTheColumnOfItsName() {
        List<FilmRow> films = db.select(F.filmId, F.title, F.length, F.rentalRate, F.releaseYear).from(F)
                .orderBy(F.filmId).fetch(Records.byName(FilmRow.class));
        assertThat(films).containsExactly(
                new FilmRow(1, "ACADEMY DINOSAUR", 86, 0.99, 2006),
                new FilmRow(2, "ACE GOLDFINGER", 48, 4.99, 2006),
                new FilmRow(3, "ADAPTATION HOLES", 50, 2.99, 2007),
                new FilmRow(4, "AFFAIR PREJUDICE", 117, 2.99, 2007),
                new FilmRow(5, "AGENT TRUMAN", null, 2.99, 2008),
                new FilmRow(6, "ZORRO ARK", 50, 4.99, 2008));
    }

    @Test
    void byNameIgnoresTheOrderOfTheSelectList() {
        List<FilmRow> films = db.select(F.releaseYear, F.rentalRate, F.title, F.filmId, F.length, F.categoryId).from(F)
                .where(F.filmId.eq(4)).fetch(Records.byName(FilmRow.class));
        assertThat(films).containsExactly(new FilmRow(4, "AFFAIR PREJUDICE", 117, 2.99, 2007));
    }

    @Test
    void columnNameAnnotationOverridesTheComponentName() {
        List<FilmLabel> films = db.select(F.filmId, F.title, F.rentalRate).from(F).where(F.filmId.le(2))
                .orderBy(F.filmId).fetch(Records.byName(FilmLabel.class));
        assertThat(films).extracting(FilmLabel::filmId, FilmLabel::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "ACADEMY DINOSAUR"), org.assertj.core.groups.Tuple.tuple(2, "ACE GOLDFINGER"));
        assertThat(films.get(0).price()).isEqualByComparingTo("0.99");
        assertThat(films.get(1).price()).isEqualByComparingTo("4.99");
    }

    @Test
    void columnAliasesAreTheNamesComponentsMatch() {
        List<FilmLanguage> films = db.select(F.title.as("film_title"), L.name.as("SPOKEN_IN")).from(F)
                .join(L).onForeignKey(F.languageId).orderBy(F.filmId).fetch(Records.byName(FilmLanguage.class));
        assertThat(films).containsExactly(
                new FilmLanguage("ACADEMY DINOSAUR", "English"), new FilmLanguage("ACE GOLDFINGER", "English"),
                new FilmLanguage("ADAPTATION HOLES", "English"), new FilmLanguage("AFFAIR PREJUDICE", "French"),
                new FilmLanguage("AGENT TRUMAN", "English"), new FilmLanguage("ZORRO ARK", "Italian"));
    }

    @Test
    void aNullableColumnFillsAnOptionalComponent() {
        List<FilmLength> films = db.select(F.title, F.length).from(F).where(F.filmId.between(4, 5)).orderBy(F.filmId)
                .fetch(Records.byName(FilmLength.class));
        assertThat(films).containsExactly(new FilmLength("AFFAIR PREJUDICE", Optional.of(117)),
                new FilmLength("AGENT TRUMAN", Optional.empty()));
    }

    // ---- by position and by constructor ---------------------------------------------------------------

    @Test
    void byPositionFillsComponentIFromColumnI() {
        List<Pair> pairs = db.select(F.title, L.name).from(F).join(L).onForeignKey(F.languageId)
                .where(F.filmId.ge(4)).orderBy(F.filmId).fetch(Records.byPosition(Pair.class));
        assertThat(pairs).containsExactly(new Pair("AFFAIR PREJUDICE", "French"), new Pair("AGENT TRUMAN", "English"),
                new Pair("ZORRO ARK", "Italian"));
    }

    @Test
    void anExplicitConstructorReferenceMapsATypedSelect() {
        List<FilmTitle> films = db.select(F.filmId, F.title).from(F).where(F.filmId.le(2)).orderBy(F.filmId)
                .fetch(mapping(FilmTitle::new));
        assertThat(films).containsExactly(new FilmTitle(1, "ACADEMY DINOSAUR"), new FilmTitle(2, "ACE GOLDFINGER"));
    }

    @Test
    void oneMapperServesSeveralSelectLists() {
        RecordMapper<FilmTitle> mapper = Records.byName(FilmTitle.class);
        assertThat(db.select(F.filmId, F.title).from(F).where(F.filmId.eq(1)).fetch(mapper))
                .containsExactly(new FilmTitle(1, "ACADEMY DINOSAUR"));
        assertThat(db.select(F.title, F.length, F.filmId).from(F).where(F.filmId.eq(2)).fetch(mapper))
                .containsExactly(new FilmTitle(2, "ACE GOLDFINGER"));
        assertThat(db.select(F.filmId, F.title).from(F).where(F.filmId.eq(3)).fetch(mapper))
                .containsExactly(new FilmTitle(3, "ADAPTATION HOLES"));
        List<? extends Row> rows = db.select(F.filmId, F.title).from(F).where(F.filmId.ge(5)).orderBy(F.filmId).fetch();
        assertThat(mapper.map(rows)).containsExactly(new FilmTitle(5, "AGENT TRUMAN"), new FilmTitle(6, "ZORRO ARK"));
    }

    // ---- nested records ------------------------------------------------------------------------------

    @Test
    void nestedRecordsAreFilledFromTheirTables() {
        List<RentalView> rentals = db.select(R.rentalId, R.rentalDate, R.returnDate, CU.customerId, CU.firstName,
                        CU.lastName, CU.active, F.filmId, F.title, F.rentalRate)
                .from(R).join(CU).onForeignKey().join(F).onForeignKey().orderBy(R.rentalId)
                .fetch(Records.byName(RentalView.class));
        assertThat(rentals).hasSize(8);
        assertThat(rentals.get(0)).isEqualTo(new RentalView(
                new MsRental(1, LocalDateTime.of(2005, 5, 24, 22, 53, 30), Optional.of(LocalDateTime.of(2005, 5, 26, 22, 4, 30))),
                new MsCustomer(1, "MARY", "SMITH", true),
                new MsFilm(1, "ACADEMY DINOSAUR", 0.99)));
        assertThat(rentals.get(7)).isEqualTo(new RentalView(
                new MsRental(8, LocalDateTime.of(2005, 6, 3, 16, 20), Optional.empty()),
                new MsCustomer(4, "BARBARA", "JONES", false),
                new MsFilm(1, "ACADEMY DINOSAUR", 0.99)));
        assertThat(rentals).extracting(v -> v.customer().customerId() + "/" + v.film().filmId())
                .containsExactly("1/1", "2/1", "1/2", "2/3", "3/3", "1/3", "3/4", "4/1");
    }

    @Test
    void theMissingSideOfALeftJoinIsNullNeverARecordOfNulls() {
        List<FilmAndRental> rows = db.select(F.filmId, F.title, F.rentalRate, R.rentalId, R.rentalDate, R.returnDate)
                .from(F).leftJoin(R).onForeignKey().orderBy(F.filmId, R.rentalId)
                .fetch(Records.byName(FilmAndRental.class));
        assertThat(rows).extracting(r -> r.film().filmId() + ":" + (r.rental() == null ? "-" : r.rental().rentalId()))
                .containsExactly("1:1", "1:2", "1:8", "2:3", "3:4", "3:5", "3:6", "4:7", "5:-", "6:-");
        assertThat(rows.get(8)).isEqualTo(new FilmAndRental(new MsFilm(5, "AGENT TRUMAN", 2.99), null));
        assertThat(rows.get(9)).isEqualTo(new FilmAndRental(new MsFilm(6, "ZORRO ARK", 4.99), null));
    }

    @Test
    void theMissingSideOfALeftJoinIsAnEmptyOptional() {
        List<FilmMaybeRental> rows = db.select(F.filmId, F.title, F.rentalRate, R.rentalId, R.rentalDate, R.returnDate)
                .from(F).leftJoin(R).onForeignKey().where(F.filmId.ge(4)).orderBy(F.filmId)
                .fetch(Records.byName(FilmMaybeRental.class));
        assertThat(rows).containsExactly(
                new FilmMaybeRental(new MsFilm(4, "AFFAIR PREJUDICE", 2.99), Optional.of(new MsRental(7,
                        LocalDateTime.of(2005, 6, 2, 15, 45), Optional.of(LocalDateTime.of(2005, 6, 5, 16, 0))))),
                new FilmMaybeRental(new MsFilm(5, "AGENT TRUMAN", 2.99), Optional.empty()),
                new FilmMaybeRental(new MsFilm(6, "ZORRO ARK", 4.99), Optional.empty()));
    }

    @Test
    void aPaymentWithoutARentalHasAnEmptyRental() {
        List<PaymentView> payments = db.select(P.paymentId, P.amount, R.rentalId, R.rentalDate, R.returnDate)
                .from(P).leftJoin(R).onForeignKey().orderBy(P.paymentId).fetch(Records.byName(PaymentView.class));
        assertThat(payments).hasSize(8);
        assertThat(payments).extracting(p -> p.rental().map(MsRental::rentalId).orElse(0))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 0);
        assertThat(payments.get(4).rental()).contains(new MsRental(5, LocalDateTime.of(2005, 5, 28, 13, 15), Optional.empty()));
        assertThat(payments.get(7).paymentId()).isEqualTo(8);
        assertThat(payments.get(7).amount()).isEqualByComparingTo("0.00");
        assertThat(payments.get(7).rental()).isEmpty();
    }

    @Test
    void aTableAliasNamesTheNestedRecordOfASelfJoin() {
        Customer referrer = CU.as("referrer");
        List<Referral> rows = db.select(CU.customerId, CU.firstName, referrer.customerId, referrer.firstName,
                        referrer.lastName)
                .from(CU).leftJoin(referrer).on(CU.referredBy.eq(referrer.customerId)).orderBy(CU.customerId)
                .fetch(Records.byName(Referral.class));
        assertThat(rows).containsExactly(
                new Referral(1, "MARY", Optional.empty()),
                new Referral(2, "PATRICIA", Optional.of(new Person(1, "MARY", "SMITH"))),
                new Referral(3, "LINDA", Optional.of(new Person(2, "PATRICIA", "JOHNSON"))),
                new Referral(4, "BARBARA", Optional.empty()));
    }

    @Test
    void tableAliasesMatchComponentNames() {
        Customer buyer = CU.as("buyer");
        Film movie = F.as("Movie");
        List<AliasedRental> rows = db.select(R.rentalId, buyer.customerId, buyer.firstName, buyer.lastName,
                        movie.filmId, movie.title, movie.rentalRate)
                .from(R).join(buyer).on(R.customerId.eq(buyer.customerId)).join(movie).on(R.filmId.eq(movie.filmId))
                .where(R.rentalId.le(2)).orderBy(R.rentalId).fetch(Records.byName(AliasedRental.class));
        assertThat(rows).containsExactly(
                new AliasedRental(1, new Person(1, "MARY", "SMITH"), new MsFilm(1, "ACADEMY DINOSAUR", 0.99)),
                new AliasedRental(2, new Person(2, "PATRICIA", "JOHNSON"), new MsFilm(1, "ACADEMY DINOSAUR", 0.99)));
    }

    @Test
    void aTopLevelComponentPrefersAColumnNoNestedRecordReads() {
        List<RentalCustomerIds> rows = db.select(R.rentalId, R.customerId, CU.customerId, CU.firstName, CU.lastName,
                        CU.active)
                .from(R).join(CU).onForeignKey().where(R.rentalId.eq(3)).fetch(Records.byName(RentalCustomerIds.class));
        assertThat(rows).containsExactly(new RentalCustomerIds(3, 1, new MsCustomer(1, "MARY", "SMITH", true)));
        List<CustomerAndId> customers = db.select(CU.customerId, CU.firstName, CU.lastName, CU.active).from(CU)
                .where(CU.customerId.eq(2)).fetch(Records.byName(CustomerAndId.class));
        assertThat(customers).containsExactly(new CustomerAndId(2, new MsCustomer(2, "PATRICIA", "JOHNSON", true)));
    }

    // ---- conversions ---------------------------------------------------------------------------------

    @Test
    void numbersConvertWhenTheyFit() {
        Field<Long> payments = count(P.paymentId).as("payments");
        Field<BigDecimal> total = sum(P.amount).as("total");
        List<CustomerTotals> rows = db.select(P.customerId, payments, total).from(P).groupBy(P.customerId)
                .orderBy(P.customerId).fetch(Records.byName(CustomerTotals.class));
        assertThat(rows).extracting(CustomerTotals::customerId, CustomerTotals::payments).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(2, 3),
                org.assertj.core.groups.Tuple.tuple(3, 2));
        assertThat(rows.get(0).total()).isEqualByComparingTo("11.96");
        assertThat(rows.get(1).total()).isEqualByComparingTo("3.98");
        assertThat(rows.get(2).total()).isEqualByComparingTo("5.98");
    }

    @Test
    void anEnumComponentReadsAStringColumnByConstantName() {
        List<CategoryRow> rows = db.select(CA.categoryId, CA.name).from(CA).orderBy(CA.categoryId)
                .fetch(Records.byName(CategoryRow.class));
        assertThat(rows).containsExactly(new CategoryRow(1, Genre.Action), new CategoryRow(2, Genre.Comedy),
                new CategoryRow(3, Genre.Drama));
    }

    // ---- errors --------------------------------------------------------------------------------------

    /** The mapper, counting the rows it is given, so a test can tell at which row it failed. */
    private static <R extends Record> Function<Row, R> counted(RecordMapper<R> mapper, AtomicInteger rows) {
        return row -> {
            rows.incrementAndGet();
            return mapper.apply(row);
        };
    }

    @Test
    void aComponentWithoutAColumnFailsAtTheFirstRowListingTheSelectList() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(F.filmId, F.title).from(F).fetch(counted(Records.byName(WithRating.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("WithRating.rating (String): no column named rating in the select list "
                        + "[ms_film.film_id, ms_film.title]");
        assertThat(rows).hasValue(1);
    }

    @Test
    void aComponentMatchingTwoColumnsFailsNamingBoth() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(R.rentalId, R.filmId, F.filmId, F.title).from(R).join(F).onForeignKey()
                .fetch(counted(Records.byName(AmbiguousFilm.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("AmbiguousFilm.filmId (int) matches 2 columns of the select list, ms_rental.film_id and "
                        + "ms_film.film_id; give them distinct names with Field.as(...)");
        assertThat(rows).hasValue(1);
        assertThat(db.select(R.rentalId, R.filmId.as("rented_film"), F.filmId, F.title).from(R).join(F).onForeignKey()
                .where(R.rentalId.eq(4)).fetch(Records.byName(AmbiguousFilm.class)))
                .containsExactly(new AmbiguousFilm(3, "ADAPTATION HOLES"));
    }

    @Test
    void aTypeThatCannotBeConvertedFailsAtTheFirstRow() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(F.filmId, F.title).from(F).fetch(counted(Records.byName(BadTitle.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("BadTitle.title (int) from column ms_film.title: a java.lang.String cannot be converted to int");
        assertThat(rows).hasValue(1);
    }

    @Test
    void aNullForAPrimitiveComponentFailsAtTheRowWithTheNull() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(F.filmId, F.length).from(F).orderBy(F.filmId)
                .fetch(counted(Records.byName(PrimitiveLength.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("PrimitiveLength.length (int) from column ms_film.length: the value is NULL but the component "
                        + "is the primitive int; declare it as Integer or Optional<Integer>");
        assertThat(rows).hasValue(5);
    }

    @Test
    void aValueThatDoesNotFitFailsNamingTheValue() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(P.paymentId, P.amount).from(P).orderBy(P.paymentId)
                .fetch(counted(Records.byName(WholeAmount.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("WholeAmount.amount (int) from column ms_payment.amount: the value 0.99 does not fit in Integer");
        assertThat(rows).hasValue(1);
    }

    @Test
    void aStringNamingNoEnumConstantFailsAtItsRow() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(CA.categoryId, CA.name).from(CA).orderBy(CA.categoryId)
                .fetch(counted(Records.byName(ShortCategory.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("ShortCategory.name (ShortGenre) from column ms_category.name: 'Drama' is not a constant of "
                        + ShortGenre.class.getName());
        assertThat(rows).hasValue(3);
    }

    @Test
    void byPositionWithAnotherColumnCountFailsNamingBothCounts() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(F.title, L.name, F.filmId).from(F).join(L).onForeignKey(F.languageId)
                .fetch(counted(Records.byPosition(Pair.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("Pair has 2 components (first, second) but the select list has 3 columns "
                        + "[ms_film.title, ms_language.name, ms_film.film_id]");
        assertThat(rows).hasValue(1);
        assertThatThrownBy(() -> db.select(F.title, F.filmId).from(F).fetch(Records.byPosition(Pair.class)))
                .isInstanceOf(MappingException.class)
                .hasMessage("Pair.second (String) from column ms_film.film_id: a java.lang.Integer cannot be converted to "
                        + "java.lang.String");
    }

    @Test
    void aNestedRecordWithoutItsTableFailsNamingTheTables() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(R.rentalId, CU.customerId, CU.firstName).from(R).join(CU).onForeignKey()
                .fetch(counted(Records.byName(RentalBuyer.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("RentalBuyer.buyer (Buyer): no table of the select list is named or aliased buyer; "
                        + "the tables are [ms_rental, ms_customer]; alias one with Table.as(\"buyer\")");
        assertThat(rows).hasValue(1);
        Customer buyer = CU.as("buyer");
        assertThat(db.select(R.rentalId, buyer.customerId, buyer.firstName).from(R).join(buyer)
                .on(R.customerId.eq(buyer.customerId)).where(R.rentalId.eq(5)).fetch(Records.byName(RentalBuyer.class)))
                .containsExactly(new RentalBuyer(5, new Buyer(3, "LINDA")));
    }

    @Test
    void aNestedComponentWithoutItsColumnFailsNamingTheTable() {
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(R.rentalId, R.rentalDate, R.returnDate, CU.customerId, CU.firstName,
                        CU.lastName, F.filmId, F.title, F.rentalRate)
                .from(R).join(CU).onForeignKey().join(F).onForeignKey()
                .fetch(counted(Records.byName(RentalView.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("MsCustomer.active (boolean) of RentalView.customer: no column named active of ms_customer in "
                        + "the select list [ms_rental.rental_id, ms_rental.rental_date, ms_rental.return_date, "
                        + "ms_customer.customer_id, ms_customer.first_name, ms_customer.last_name, ms_film.film_id, "
                        + "ms_film.title, ms_film.rental_rate]");
        assertThat(rows).hasValue(1);
    }

    @Test
    void aNestedComponentOfTheWrongTypeFailsNamingItsQualifiedColumn() {
        Customer buyer = CU.as("buyer");
        AtomicInteger rows = new AtomicInteger();
        assertThatThrownBy(() -> db.select(R.rentalId, buyer.customerId, buyer.firstName).from(R).join(buyer)
                .on(R.customerId.eq(buyer.customerId)).fetch(counted(Records.byName(RentalBadBuyer.class), rows)))
                .isInstanceOf(MappingException.class)
                .hasMessage("BadBuyer.firstName (int) of RentalBadBuyer.buyer from column buyer.first_name: "
                        + "a java.lang.String cannot be converted to int");
        assertThat(rows).hasValue(1);
    }

    @Test
    void anAliasedColumnBelongsToNoTableAndTheRecordNameIsTriedAfterTheComponentName() {
        Customer buyer = CU.as("buyer");
        assertThatThrownBy(() -> db.select(R.rentalId, buyer.customerId, buyer.firstName.as("x"), buyer.lastName.as("firstName"))
                .from(R).join(buyer).on(R.customerId.eq(buyer.customerId)).fetch(Records.byName(RentalBuyer.class)))
                .isInstanceOf(MappingException.class)
                .hasMessage("Buyer.firstName (String) of RentalBuyer.buyer: no column named firstName of ms_customer AS buyer "
                        + "in the select list [ms_rental.rental_id, buyer.customer_id, x, firstName]");
        assertThatThrownBy(() -> db.select(R.rentalId, buyer.customerId.as("first_name"), buyer.customerId)
                .from(R).join(buyer).on(R.customerId.eq(buyer.customerId)).fetch(Records.byName(Referral.class)))
                .isInstanceOf(MappingException.class)
                .hasMessage("Referral.referrer (Optional<Person>): no table of the select list is named or aliased referrer "
                        + "or Person; the tables are [ms_rental, ms_customer AS buyer]; alias one with Table.as(\"referrer\")");
    }

    @Test
    void recordsNestOneLevelDeep() {
        Rental rental = R.as("rental");
        assertThatThrownBy(() -> db.select(P.paymentId, rental.rentalId, F.filmId, F.title, F.rentalRate).from(P)
                .join(rental).on(P.rentalId.eq(rental.rentalId)).join(F).on(rental.filmId.eq(F.filmId))
                .fetch(Records.byName(PaymentWithRental.class)))
                .isInstanceOf(MappingException.class)
                .hasMessage("RentalWithFilm.film (MsFilm) of PaymentWithRental.rental: records nest one level deep, and "
                        + "ms_rental AS rental has no column named film that holds a MsFilm; make film a component of "
                        + "PaymentWithRental");
    }
}
