package dev.quarry.mysql;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Small tables for the golden-SQL tests; nothing here touches a database. */
final class GoldenTables {
    private GoldenTables() {}

    static final class Language extends Table {
        static final Language LANGUAGE = new Language();
        final Column<Integer> id = integer("language_id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 20).unique();
        private Language() { super("language"); }
    }

    static final class Film extends Table {
        static final Film FILM = new Film();
        final Column<Integer> id = integer("film_id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 255);
        final Column<BigDecimal> rate = decimal("rental_rate", 4, 2).defaultValue(new BigDecimal("4.99"));
        final Column<Integer> length = integer("length").nullable();
        final Column<Integer> languageId = integer("language_id").references(Language.LANGUAGE.id);
        final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());
        private Film() { super("film"); }
    }

    /** A table and a column whose names contain a backtick and a double quote. */
    static final class Weird extends Table {
        static final Weird WEIRD = new Weird();
        final Column<String> col = varchar("co`l\"", 10);
        private Weird() { super("we`ird"); }
    }

    /** Every column has a default, so a row may set none. */
    static final class Counter extends Table {
        static final Counter COUNTER = new Counter();
        final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        final Column<LocalDateTime> created = timestamp("created").defaultValue(Dsl.currentTimestamp());
        private Counter() { super("counter"); }
    }

    /** Five INTEGER columns: 13,107 rows fit under 65,535 bind parameters. */
    static final class Wide extends Table {
        static final Wide WIDE = new Wide();
        final Column<Integer> c1 = integer("c1");
        final Column<Integer> c2 = integer("c2");
        final Column<Integer> c3 = integer("c3");
        final Column<Integer> c4 = integer("c4");
        final Column<Integer> c5 = integer("c5");
        private Wide() { super("wide"); }
    }
}
