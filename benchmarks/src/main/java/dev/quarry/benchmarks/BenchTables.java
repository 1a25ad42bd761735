package dev.quarry.benchmarks;

import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.math.BigDecimal;

/** Sakila-shaped tables for the benchmarks. */
final class BenchTables {
    private BenchTables() {}

    static final class Language extends Table {
        static final Language LANGUAGE = new Language();
        final Column<Integer> languageId = integer("language_id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 20);
        private Language() { super("language"); }
    }

    static final class Film extends Table {
        static final Film FILM = new Film();
        final Column<Integer> filmId = integer("film_id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 255);
        final Column<BigDecimal> rentalRate = decimal("rental_rate", 4, 2);
        final Column<Integer> languageId = integer("language_id").references(Language.LANGUAGE.languageId);
        private Film() { super("film"); }
    }

    static final class Inventory extends Table {
        static final Inventory INVENTORY = new Inventory();
        final Column<Integer> inventoryId = integer("inventory_id").primaryKey().autoIncrement();
        final Column<Integer> filmId = integer("film_id").references(Film.FILM.filmId);
        final Column<Integer> storeId = integer("store_id");
        private Inventory() { super("inventory"); }
    }

    /** The target of the insert benchmark: explicit keys, no foreign key. */
    static final class FilmCopy extends Table {
        static final FilmCopy FILM_COPY = new FilmCopy();
        final Column<Integer> filmId = integer("film_id").primaryKey();
        final Column<String> title = varchar("title", 255);
        final Column<BigDecimal> rentalRate = decimal("rental_rate", 4, 2);
        private FilmCopy() { super("film_copy"); }
    }

    /** Scenario 5: the parents of {@link Child}. */
    static final class Parent extends Table {
        static final Parent PARENT = new Parent();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 40);
        private Parent() { super("bench_parent"); }
    }

    /** Scenario 5: five children per {@link Parent}, with an index on the foreign key. */
    static final class Child extends Table {
        static final Child CHILD = new Child();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> parentId = integer("parent_id").references(Parent.PARENT.id);
        final Column<String> name = varchar("name", 40);
        { index(parentId); }
        private Child() { super("bench_child"); }
    }

    /** Scenario 6: the 1,000,000 rows streamed, the film's three columns. */
    static final class StreamRow extends Table {
        static final StreamRow STREAM_ROW = new StreamRow();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> title = varchar("title", 40);
        final Column<BigDecimal> rentalRate = decimal("rental_rate", 4, 2);
        private StreamRow() { super("bench_stream"); }
    }
}
