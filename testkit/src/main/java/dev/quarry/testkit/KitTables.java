package dev.quarry.testkit;

import dev.quarry.dsl.DbEnum;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The tables of the behaviour suite. Their names start with {@code qk_} so that they never collide
 * with a user's tables; every test creates them and drops them again.
 */
public final class KitTables {
    private KitTables() {}

    /** A label that is not a Java identifier, as Sakila's {@code PG-13}. */
    public enum Rating implements DbEnum {
        /** General audiences. */
        G("G"),
        /** Label {@code PG-13}. */
        PG13("PG-13"),
        /** Label {@code NC-17}. */
        NC17("NC-17");

        private final String label;

        Rating(String label) { this.label = label; }

        @Override
        public String dbName() { return label; }
    }

    /** One column of every type the foundation supports, all nullable but the key. */
    public static final class AllTypes extends Table {
        /** The singleton. */
        public static final AllTypes ALL_TYPES = new AllTypes();
        /** Auto-increment key. */
        public final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        /** INTEGER. */
        public final Column<Integer> anInt = integer("an_int").nullable();
        /** BIGINT. */
        public final Column<Long> aBigint = bigint("a_bigint").nullable();
        /** SMALLINT. */
        public final Column<Short> aSmallint = smallint("a_smallint").nullable();
        /** VARCHAR(40). */
        public final Column<String> aVarchar = varchar("a_varchar", 40).nullable();
        /** CHAR(3). */
        public final Column<String> aChar = character("a_char", 3).nullable();
        /** TEXT. */
        public final Column<String> aText = text("a_text").nullable();
        /** BOOLEAN. */
        public final Column<Boolean> aBool = bool("a_bool").nullable();
        /** DECIMAL(12, 2). */
        public final Column<BigDecimal> aDecimal = decimal("a_decimal", 12, 2).nullable();
        /** REAL. */
        public final Column<Float> aReal = real("a_real").nullable();
        /** DOUBLE PRECISION. */
        public final Column<Double> aDouble = doublePrecision("a_double").nullable();
        /** DATE. */
        public final Column<LocalDate> aDate = date("a_date").nullable();
        /** TIMESTAMP. */
        public final Column<LocalDateTime> aTimestamp = timestamp("a_timestamp").nullable();
        /** TIMESTAMP WITH TIME ZONE. */
        public final Column<OffsetDateTime> aTimestamptz = timestamptz("a_timestamptz").nullable();
        /** UUID. */
        public final Column<UUID> aUuid = uuid("a_uuid").nullable();
        /** BLOB. */
        public final Column<byte[]> aBlob = blob("a_blob").nullable();
        /** Enum by label. */
        public final Column<Rating> anEnum = enumeration("an_enum", Rating.class).nullable();

        private AllTypes() { super("qk_all_types"); }
    }

    /** A parent table. */
    public static final class Author extends Table {
        /** The singleton. */
        public static final Author AUTHOR = new Author();
        /** Key. */
        public final Column<Integer> authorId = integer("author_id").primaryKey().autoIncrement();
        /** Unique name. */
        public final Column<String> name = varchar("name", 50).unique();
        /** Nullable, to show NULL ordering. */
        public final Column<Integer> born = integer("born").nullable();
        /** Not null with a default. */
        public final Column<Boolean> active = bool("active").defaultValue(true);

        private Author() { super("qk_author"); }
    }

    /** A child table with a foreign key and a money column. */
    public static final class Book extends Table {
        /** The singleton. */
        public static final Book BOOK = new Book();
        /** Key. */
        public final Column<Integer> bookId = integer("book_id").primaryKey().autoIncrement();
        /** Title. */
        public final Column<String> title = varchar("title", 100);
        /** Optional author. */
        public final Column<Integer> authorId = integer("author_id").nullable().references(Author.AUTHOR.authorId);
        /** Price with a default and a check. */
        public final Column<BigDecimal> price = decimal("price", 6, 2).defaultValue(new BigDecimal("9.99")).check(c -> c.ge(BigDecimal.ZERO));

        private Book() { super("qk_book"); }

        { index(title); }
    }

    /** All suite tables, parents first. */
    public static final List<Table> ALL = List.of(AllTypes.ALL_TYPES, Author.AUTHOR, Book.BOOK);
}
