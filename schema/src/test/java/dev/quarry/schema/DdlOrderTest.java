package dev.quarry.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Ddl#order}: referenced tables first, the given order where there is a choice, cycles broken. */
class DdlOrderTest {
    static final class Country extends Table {
        static final Country COUNTRY = new Country();
        final Column<Integer> id = integer("country_id").primaryKey();
        private Country() { super("country"); }
    }

    static final class City extends Table {
        static final City CITY = new City();
        final Column<Integer> id = integer("city_id").primaryKey();
        final Column<Integer> countryId = integer("country_id").references(Country.COUNTRY.id);
        private City() { super("city"); }
    }

    static final class Address extends Table {
        static final Address ADDRESS = new Address();
        final Column<Integer> id = integer("address_id").primaryKey();
        final Column<Integer> cityId = integer("city_id").references(City.CITY.id);
        private Address() { super("address"); }
    }

    static final class Note extends Table {
        static final Note NOTE = new Note();
        final Column<Integer> id = integer("note_id").primaryKey();
        private Note() { super("note"); }
    }

    /** References itself: a self-reference never delays the table. */
    static final class Employee extends Table {
        static final Employee EMPLOYEE = new Employee();
        final Column<Integer> id = integer("employee_id").primaryKey();
        final Column<Integer> managerId = integer("manager_id").nullable().references(() -> Employee.EMPLOYEE.id);
        private Employee() { super("employee"); }
    }

    /** Store and Staff reference each other, as in Sakila. */
    static final class Store extends Table {
        static final Store STORE = new Store();
        final Column<Integer> id = integer("store_id").primaryKey();
        final Column<Integer> managerId = integer("manager_staff_id").references(() -> Staff.STAFF.id);
        private Store() { super("store"); }
    }

    static final class Staff extends Table {
        static final Staff STAFF = new Staff();
        final Column<Integer> id = integer("staff_id").primaryKey();
        final Column<Integer> storeId = integer("store_id").references(() -> Store.STORE.id);
        private Staff() { super("staff"); }
    }

    /** Depends on the store/staff cycle without being part of it. */
    static final class Rental extends Table {
        static final Rental RENTAL = new Rental();
        final Column<Integer> id = integer("rental_id").primaryKey();
        final Column<Integer> staffId = integer("staff_id").references(() -> Staff.STAFF.id);
        private Rental() { super("rental"); }
    }

    static final class Dangling extends Table {
        static final Dangling DANGLING = new Dangling();
        final Column<Integer> ref = integer("ref").references(() -> null);
        private Dangling() { super("dangling"); }
    }

    @Test
    void referencedTablesComeFirst() {
        assertThat(Ddl.order(List.of(Address.ADDRESS, City.CITY, Country.COUNTRY)))
                .containsExactly(Country.COUNTRY, City.CITY, Address.ADDRESS);
        assertThat(Ddl.order(List.of(City.CITY, Address.ADDRESS, Country.COUNTRY)))
                .containsExactly(Country.COUNTRY, City.CITY, Address.ADDRESS);
    }

    @Test
    void theGivenOrderIsKeptWhereThereIsAChoice() {
        assertThat(Ddl.order(List.of(Note.NOTE, Country.COUNTRY, Employee.EMPLOYEE)))
                .containsExactly(Note.NOTE, Country.COUNTRY, Employee.EMPLOYEE);
        assertThat(Ddl.order(List.of(Employee.EMPLOYEE, Country.COUNTRY, Note.NOTE)))
                .containsExactly(Employee.EMPLOYEE, Country.COUNTRY, Note.NOTE);
        assertThat(Ddl.order(List.of(City.CITY, Note.NOTE, Country.COUNTRY)))
                .containsExactly(Note.NOTE, Country.COUNTRY, City.CITY);
    }

    @Test
    void duplicatesAreDropped() {
        assertThat(Ddl.order(List.of(City.CITY, Country.COUNTRY, City.CITY)))
                .containsExactly(Country.COUNTRY, City.CITY);
    }

    @Test
    void referencesToTablesOutsideTheSetAreIgnored() {
        assertThat(Ddl.order(List.of(Address.ADDRESS, Note.NOTE))).containsExactly(Address.ADDRESS, Note.NOTE);
    }

    @Test
    void aTwoTableCycleIsBrokenAtItsFirstTableInTheGivenOrder() {
        assertThat(Ddl.order(List.of(Store.STORE, Staff.STAFF))).containsExactly(Store.STORE, Staff.STAFF);
        assertThat(Ddl.order(List.of(Staff.STAFF, Store.STORE))).containsExactly(Staff.STAFF, Store.STORE);
    }

    @Test
    void aTableThatDependsOnACycleComesAfterIt() {
        assertThat(Ddl.order(List.of(Rental.RENTAL, Store.STORE, Staff.STAFF, Note.NOTE)))
                .containsExactly(Note.NOTE, Store.STORE, Staff.STAFF, Rental.RENTAL);
        // once staff is placed to break the cycle, rental is ready and keeps its place before store
        assertThat(Ddl.order(List.of(Rental.RENTAL, Staff.STAFF, Store.STORE)))
                .containsExactly(Staff.STAFF, Rental.RENTAL, Store.STORE);
    }

    @Test
    void aSupplierThatGivesNullNamesTheColumn() {
        assertThatThrownBy(() -> Ddl.order(List.of(Dangling.DANGLING)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Column dangling.ref references a null column")
                .hasMessageContaining("references(() -> TABLE.column)");
    }
}
