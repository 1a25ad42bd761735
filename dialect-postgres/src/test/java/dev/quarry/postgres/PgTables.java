package dev.quarry.postgres;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.DbEnum;
import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Tables of the PostgreSQL tests; names start with {@code qp_}. */
final class PgTables {
    private PgTables() {}

    enum Mood implements DbEnum {
        HAPPY("happy"), SO_SO("so-so");

        private final String label;

        Mood(String label) { this.label = label; }

        @Override
        public String dbName() { return label; }
    }

    /** PostgreSQL-only types: json, jsonb, arrays; and the ones PostgreSQL treats specially. */
    static final class Doc extends Table {
        static final Doc DOC = new Doc();
        final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        final Column<String> j = json("j").nullable();
        final Column<String> jb = jsonb("jb").nullable();
        final Column<List<Integer>> ints = array("ints", DataType.integer()).nullable();
        final Column<List<Long>> longs = array("longs", DataType.bigint()).nullable();
        final Column<List<Short>> shorts = array("shorts", DataType.smallint()).nullable();
        final Column<List<String>> texts = array("texts", DataType.text()).nullable();
        final Column<List<String>> varchars = array("varchars", DataType.varchar(10)).nullable();
        final Column<List<Boolean>> bools = array("bools", DataType.bool()).nullable();
        final Column<List<BigDecimal>> decimals = array("decimals", DataType.decimal(8, 3)).nullable();
        final Column<List<Float>> reals = array("reals", DataType.real()).nullable();
        final Column<List<Double>> doubles = array("doubles", DataType.doublePrecision()).nullable();
        final Column<List<LocalDate>> dates = array("dates", DataType.date()).nullable();
        final Column<List<LocalDateTime>> stamps = array("stamps", DataType.timestamp()).nullable();
        final Column<List<OffsetDateTime>> stampsTz = array("stamps_tz", DataType.timestamptz()).nullable();
        final Column<List<UUID>> uuids = array("uuids", DataType.uuid()).nullable();
        final Column<List<byte[]>> blobs = array("blobs", DataType.blob()).nullable();
        final Column<List<Mood>> moods = array("moods", DataType.enumeration(Mood.class, 5)).nullable();
        final Column<List<String>> jsons = array("jsons", DataType.jsonb()).nullable();
        final Column<String> padded = character("padded", 5).nullable();
        final Column<Float> ratio = real("ratio").nullable();
        final Column<List<String>> tags = array("tags", DataType.text()).defaultValue(List.of("new", "a \"quoted\" \\ tag"));
        final Column<LocalDateTime> created = timestamp("created").defaultValue(Dsl.currentTimestamp());
        final Column<OffsetDateTime> createdTz = timestamptz("created_tz").nullable();
        final Column<byte[]> bytes = blob("bytes").defaultValue(new byte[] {1, (byte) 0xab});
        final Column<Double> big = doublePrecision("big").defaultValue(-Double.MAX_VALUE);

        private Doc() { super("qp_doc"); }
    }

    /** A store and its staff reference each other, as in Sakila. */
    static final class Store extends Table {
        static final Store STORE = new Store();
        final Column<Integer> id = integer("store_id").primaryKey();
        final Column<Integer> managerId = integer("manager_staff_id").references(() -> Staff.STAFF.id);

        private Store() { super("qp_store"); }
    }

    static final class Staff extends Table {
        static final Staff STAFF = new Staff();
        final Column<Integer> id = integer("staff_id").primaryKey();
        final Column<Integer> storeId = integer("store_id")
                .references(() -> Store.STORE.id, ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);

        private Staff() { super("qp_staff"); }
    }

    /** An identity key of each integer width. */
    static final class Counter extends Table {
        static final Counter COUNTER = new Counter();
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<Short> badge = smallint("badge").autoIncrement();
        final Column<String> name = varchar("name", 20);

        private Counter() { super("qp_counter"); }
    }

    /** Text columns with and without a declared collation, and columns that take none. */
    static final class Collated extends Table {
        static final Collated COLLATED = new Collated(true);
        final Column<Integer> id;
        final Column<String> code;
        final Column<String> name;
        final Column<String> note;
        final Column<dev.quarry.testkit.KitTables.Rating> mood;
        final Column<List<String>> tags;
        final Column<String> payload;
        final Column<UUID> key;

        /** @param withOdd whether to declare a column whose collation name needs quoting (no such collation exists) */
        Collated(boolean withOdd) {
            super("qp_collated");
            id = integer("id").primaryKey();
            code = character("code", 3);
            name = varchar("name", 40).collate("en-US-x-icu");
            note = text("note").nullable();
            if (withOdd) text("odd").nullable().collate("a \"quoted\" name");
            mood = enumeration("mood", dev.quarry.testkit.KitTables.Rating.class).nullable();
            tags = array("tags", DataType.varchar(10)).nullable();
            payload = jsonb("payload").nullable();
            key = uuid("key").nullable();
        }
    }

    /** Constraints that the server enforces. */
    static final class Account extends Table {
        static final Account ACCOUNT = new Account();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> owner = varchar("owner", 20).unique();
        final Column<String> nickname = varchar("nickname", 20).nullable();
        final Column<String> note = varchar("note", 20);
        final Column<BigDecimal> balance = decimal("balance", 10, 2).defaultValue(BigDecimal.ZERO).check(c -> c.ge(BigDecimal.ZERO));
        final Column<Boolean> oncall = bool("oncall").defaultValue(false);

        private Account() { super("qp_account"); }
    }

    /** Two tables in a cycle whose names need quoting inside identifiers and inside string literals. */
    static final class OddA extends Table {
        static final OddA ODD_A = new OddA();
        final Column<Integer> id = integer("i'd").primaryKey();
        final Column<Integer> b = integer("b\"id").nullable().references(() -> OddB.ODD_B.id);

        private OddA() { super("qp_it's \"a\""); }
    }

    static final class OddB extends Table {
        static final OddB ODD_B = new OddB();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> a = integer("a").nullable().references(() -> OddA.ODD_A.id);

        private OddB() { super("qp_it's \"b\""); }
    }
}
