package dev.quarry.testkit;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.UniqueViolationException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Index;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Names on the real database: no name is truncated and no declaration silently skipped. Derived index
 * and foreign-key names longer than 63 bytes are shortened with a hash, so that two unique indexes whose
 * full derived names share their first 63 bytes (PostgreSQL once truncated both to one name and
 * {@code CREATE INDEX IF NOT EXISTS} skipped the second) are both created and both enforced; explicit
 * names over the database's limit are refused before anything is sent, with a message naming the table
 * and the limit; and tables or indexes the database would take for one another fail when created
 * together. Every test states its expectation through the database's rules the subclass gives
 * ({@link #expectedTooLong}, {@link #tableNamesIgnoreCase()}, ...), written down from the manuals rather
 * than read from the dialect under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IdentifierSuite {
    /** 55 bytes: {@code uq_qi_orders_} and this are 68 bytes, past PostgreSQL's 63. */
    public static final String LONG_A = "reference_issued_by_the_clearing_house_for_this_order_a";
    /** Differs from {@link #LONG_A} in its last character only. */
    public static final String LONG_B = "reference_issued_by_the_clearing_house_for_this_order_b";
    /** 55 bytes: {@code fk_qi_order_line_} and this are 72 bytes. */
    public static final String LONG_FK = "order_reference_assigned_by_the_partner_system_for_line";

    /** The database under test, open for the whole class. */
    protected Database db;

    private final List<Table> created = new ArrayList<>();

    /**
     * Opens the database under test. Called once per test class.
     *
     * @return an open database; the suite closes it after the last test
     */
    protected abstract Database openDatabase();

    /**
     * The exact message refusing a name over the database's limit, written from the manual: PostgreSQL
     * counts 63 bytes of UTF-8, MySQL and MariaDB 64 characters, SQLite has no limit.
     *
     * @param what what the name is, as Quarry names it (such as {@code Table qi_t: column x})
     * @param name the name
     * @return the message, or null when the database keeps the name as it is
     */
    protected abstract String expectedTooLong(String what, String name);

    /** @return whether two table names that differ only in letter case are refused as one name */
    protected abstract boolean tableNamesIgnoreCase();

    /** @return whether index names are unique per table (MySQL, MariaDB) rather than per schema, shared with tables */
    protected abstract boolean indexNamesPerTable();

    /**
     * @return the clause of the message refusing two tables or indexes of one name that says how the
     *         database compares names, as in "... on sqlite, where &lt;clause&gt;; CREATE ..."
     */
    protected abstract String nameRule();

    @BeforeAll
    final void openAll() {
        db = openDatabase();
        Ddl.drop(db, Line.LINE, Orders.ORDERS);
    }

    @AfterAll
    final void closeAll() {
        if (db != null) db.close();
    }

    @AfterEach
    final void dropCreated() {
        List<Table> tables = new ArrayList<>(created);
        Collections.reverse(tables);
        created.clear();
        Ddl.drop(db, tables.toArray(Table[]::new));
    }

    /** Creates the tables and remembers them for {@link #dropCreated()}. */
    private void create(Table... tables) {
        Collections.addAll(created, tables);
        Ddl.create(db, tables);
    }

    private String expectedSameName(String first, String second) {
        return first + " and " + second + " would have the same name on " + db.dialect().name() + ", where " + nameRule()
                + "; CREATE ... IF NOT EXISTS would skip the second: rename one";
    }

    // ---- tables ----

    /**
     * Two unique keys whose derived index names share their first 68 bytes, and an index over both
     * (table {@code qi_orders}); the golden DDL tests of the dialect modules render it too.
     */
    public static final class Orders extends Table {
        /** The table. */
        public static final Orders ORDERS = new Orders();
        /** {@code id INTEGER}, the primary key. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** {@code VARCHAR(20)} named {@link #LONG_A}, unique. */
        public final Column<String> refA = varchar(LONG_A, 20);
        /** {@code VARCHAR(20)} named {@link #LONG_B}, unique. */
        public final Column<String> refB = varchar(LONG_B, 20);
        final Index byA;
        final Index byB;
        final Index byBoth;

        private Orders() {
            super("qi_orders");
            byA = uniqueIndex(refA);
            byB = uniqueIndex(refB);
            byBoth = index(refA, refB);
        }
    }

    /** A foreign key whose derived name is 72 bytes long (table {@code qi_order_line}). */
    public static final class Line extends Table {
        /** The table. */
        public static final Line LINE = new Line();
        /** {@code id INTEGER}, the primary key. */
        public final Column<Integer> id = integer("id").primaryKey();
        /** {@code INTEGER} named {@link #LONG_FK}, referencing {@code qi_orders.id}. */
        public final Column<Integer> orderRef = integer(LONG_FK).references(Orders.ORDERS.id);

        private Line() {
            super("qi_order_line");
        }
    }

    /** A table of explicit names given at construction: table, value column, unique index and check. */
    static final class Named extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> value;

        Named(String table, String column, String uniqueIndex, String check) {
            super(table);
            value = varchar(column, 20);
            if (uniqueIndex != null) uniqueIndex(uniqueIndex, value);
            if (check != null) check(check, value.ne(""));
        }

        Named(String table) {
            this(table, "value", null, null);
        }
    }

    // ---- derived names ----

    @Test
    void derivedNamesPastSixtyThreeBytesAreShortenedWithAHashAndNamesThatFitStayAsTheyAre() {
        String fullA = "uq_qi_orders_" + LONG_A;
        String fullB = "uq_qi_orders_" + LONG_B;
        assertThat(fullA.substring(0, 63)).isEqualTo(fullB.substring(0, 63)); // what PostgreSQL once truncated both to
        assertThat(Orders.ORDERS.byA.name()).isEqualTo("uq_qi_orders_reference_issued_by_the_clearing_house_fo_60435d98");
        assertThat(Orders.ORDERS.byB.name()).isEqualTo("uq_qi_orders_reference_issued_by_the_clearing_house_fo_87ec59eb");
        assertThat(Orders.ORDERS.byBoth.name()).isEqualTo("idx_qi_orders_reference_issued_by_the_clearing_house_f_277c7b3b");
        assertThat(Line.LINE.orderRef.foreignKey().orElseThrow().name())
                .isEqualTo("fk_qi_order_line_order_reference_assigned_by_the_partn_2b4a429b");
        assertThat(new Fits().indexes()).extracting(Index::name).containsExactly("uq_qi_fits_value", "idx_qi_fits_id_value");
    }

    static final class Fits extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> value = varchar("value", 20);

        Fits() {
            super("qi_fits");
            uniqueIndex(value);
            index(id, value);
        }
    }

    @Test
    void twoUniqueIndexesWhoseDerivedNamesShareSixtyThreeBytesAreBothCreatedAndBothEnforced() throws SQLException {
        Orders o = Orders.ORDERS;
        create(o, Line.LINE);
        assertThat(indexNames("qi_orders")).contains(o.byA.name(), o.byB.name(), o.byBoth.name());

        db.insertInto(o, r -> r.set(o.id, 1).set(o.refA, "A-1").set(o.refB, "B-1")).execute();
        assertThatThrownBy(() -> db.insertInto(o, r -> r.set(o.id, 2).set(o.refA, "A-1").set(o.refB, "B-2")).execute())
                .isInstanceOf(UniqueViolationException.class);
        assertThatThrownBy(() -> db.insertInto(o, r -> r.set(o.id, 3).set(o.refA, "A-3").set(o.refB, "B-1")).execute())
                .isInstanceOf(UniqueViolationException.class);
        db.insertInto(o, r -> r.set(o.id, 4).set(o.refA, "A-4").set(o.refB, "B-4")).execute();
        assertThat(db.select(o.id).from(o).orderBy(o.id.asc()).fetch(r -> r.get(o.id))).containsExactly(1, 4);

        Line l = Line.LINE;
        db.insertInto(l, r -> r.set(l.id, 1).set(l.orderRef, 4)).execute();
        assertThatThrownBy(() -> db.insertInto(l, r -> r.set(l.id, 2).set(l.orderRef, 99)).execute())
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThat(db.select(count()).from(l).fetchValue(count())).isEqualTo(1L);

        // a second create is idempotent and changes nothing
        Ddl.create(db, o, l);
        assertThat(db.select(count()).from(o).fetchValue(count())).isEqualTo(2L);
    }

    // ---- explicit names over the limit ----

    /** 65 ASCII letters: over every limit. */
    static final String ASCII_65 = "n".repeat(65);
    /** 64 ASCII letters: over PostgreSQL's 63 bytes, within MySQL's 64 characters. */
    static final String ASCII_64 = "n".repeat(64);
    /** 63 ASCII letters: within every limit. */
    static final String ASCII_63 = "n".repeat(63);
    /** 32 characters, 64 bytes of UTF-8: over PostgreSQL's limit, within MySQL's. */
    static final String ACCENTED_64_BYTES = "é".repeat(32);

    private static final List<String> PROBES = List.of(ASCII_65, ASCII_64, ASCII_63, ACCENTED_64_BYTES);

    @Test
    void aTableNameOverTheLimitIsRefusedBeforeAnythingIsSent() throws SQLException {
        for (String name : PROBES) {
            Named t = new Named(name);
            String expected = expectedTooLong("Table " + name, name);
            if (expected == null) {
                createAndUse(t);
                dropCreated();
            } else {
                assertThatThrownBy(() -> Ddl.create(db, t)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
                assertThatThrownBy(() -> db.select(t.value).from(t).fetch())
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
                assertThatThrownBy(() -> Ddl.drop(db, t)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
                assertThat(tableNames()).doesNotContain(name);
            }
        }
    }

    @Test
    void aColumnNameOverTheLimitIsRefusedInDdlAndInQueries() throws SQLException {
        for (String name : PROBES) {
            Named t = new Named("qi_column", name, null, null);
            String expected = expectedTooLong("Table qi_column: column " + name, name);
            if (expected == null) {
                createAndUse(t);
                dropCreated();
            } else {
                assertThatThrownBy(() -> Ddl.create(db, t)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
                assertThat(tableNames()).doesNotContain("qi_column");
                assertThatThrownBy(() -> db.select(t.value).from(t).fetch()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(expectedTooLong("Column qi_column." + name, name));
                assertThatThrownBy(() -> db.insertInto(t, r -> r.set(t.id, 1).set(t.value, "v")).execute())
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void anExplicitIndexOrCheckNameOverTheLimitIsRefused() throws SQLException {
        for (String name : PROBES) {
            Named indexed = new Named("qi_indexed", "value", name, null);
            String expected = expectedTooLong("Table qi_indexed: index " + name, name);
            if (expected == null) {
                createAndUse(indexed);
                assertThat(indexNames("qi_indexed")).contains(name);
                assertThatThrownBy(() -> db.insertInto(indexed, r -> r.set(indexed.id, 2).set(indexed.value, "v")).execute())
                        .isInstanceOf(UniqueViolationException.class);
                dropCreated();
            } else {
                assertThatThrownBy(() -> Ddl.create(db, indexed)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
                assertThat(tableNames()).doesNotContain("qi_indexed");
            }

            Named checked = new Named("qi_checked", "value", null, name);
            expected = expectedTooLong("Table qi_checked: check " + name, name);
            if (expected == null) {
                createAndUse(checked);
                dropCreated();
            } else {
                assertThatThrownBy(() -> Ddl.create(db, checked)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
                assertThat(tableNames()).doesNotContain("qi_checked");
            }
        }
    }

    /** Creates the table, writes a row and reads it back, so that the name works as given. */
    private void createAndUse(Named t) throws SQLException {
        create(t);
        assertThat(tableNames()).contains(t.name());
        db.insertInto(t, r -> r.set(t.id, 1).set(t.value, "v")).execute();
        assertThat(db.select(t.value).from(t).fetch(r -> r.get(t.value))).containsExactly("v");
    }

    // ---- names the database takes for one another ----

    @Test
    void twoTablesOfTheSameNameCreatedTogetherAreRefused() throws SQLException {
        Named first = new Named("qi_twin");
        Named second = new Named("qi_twin", "other", null, null);
        assertThatThrownBy(() -> Ddl.create(db, first, second)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expectedSameName("Table qi_twin", "table qi_twin"));
        assertThat(tableNames()).doesNotContain("qi_twin");
    }

    @Test
    void tablesWhoseNamesDifferOnlyInCaseAreRefusedWhereTheDatabaseFoldsCase() throws SQLException {
        Named upper = new Named("qi_Case");
        Named lower = new Named("qi_case");
        if (tableNamesIgnoreCase()) {
            assertThatThrownBy(() -> Ddl.create(db, upper, lower)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expectedSameName("Table qi_Case", "table qi_case"));
            assertThat(tableNames()).doesNotContain("qi_Case", "qi_case");
        } else {
            create(upper, lower);
            db.insertInto(upper, r -> r.set(upper.id, 1).set(upper.value, "upper")).execute();
            assertThat(db.select(count()).from(lower).fetchValue(count())).isZero();
            assertThat(tableNames()).contains("qi_Case", "qi_case");
        }
    }

    @Test
    void twoIndexesOfOneNameOnTwoTablesAreRefusedWhereIndexNamesAreSchemaWide() throws SQLException {
        Named a = new Named("qi_left", "value", "qi_by_value", null);
        Named b = new Named("qi_right", "value", "qi_by_value", null);
        if (indexNamesPerTable()) {
            create(a, b);
            assertThat(indexNames("qi_left")).contains("qi_by_value");
            assertThat(indexNames("qi_right")).contains("qi_by_value");
            for (Named t : List.of(a, b)) {
                db.insertInto(t, r -> r.set(t.id, 1).set(t.value, "v")).execute();
                assertThatThrownBy(() -> db.insertInto(t, r -> r.set(t.id, 2).set(t.value, "v")).execute())
                        .isInstanceOf(UniqueViolationException.class);
            }
        } else {
            assertThatThrownBy(() -> Ddl.create(db, a, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expectedSameName("Index qi_by_value of table qi_left", "index qi_by_value of table qi_right"));
            assertThat(tableNames()).doesNotContain("qi_left", "qi_right");
        }
    }

    @Test
    void anIndexNamedLikeATableCreatedWithItIsRefusedWhereTheyShareANamespace() throws SQLException {
        Named other = new Named("qi_other");
        Named indexed = new Named("qi_indexed", "value", "qi_other", null);
        if (indexNamesPerTable()) {
            create(other, indexed);
            db.insertInto(indexed, r -> r.set(indexed.id, 1).set(indexed.value, "v")).execute();
            assertThatThrownBy(() -> db.insertInto(indexed, r -> r.set(indexed.id, 2).set(indexed.value, "v")).execute())
                    .isInstanceOf(UniqueViolationException.class);
        } else {
            assertThatThrownBy(() -> Ddl.create(db, other, indexed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expectedSameName("Table qi_other", "index qi_other of table qi_indexed"));
            assertThat(tableNames()).doesNotContain("qi_other", "qi_indexed");
        }
    }

    @Test
    void indexNamesThatDifferOnlyInCaseOnTwoTables() throws SQLException {
        Named a = new Named("qi_left", "value", "qi_IX", null);
        Named b = new Named("qi_right", "value", "qi_ix", null);
        boolean refused = !indexNamesPerTable() && tableNamesIgnoreCase(); // SQLite: one schema-wide namespace, ASCII case folded
        if (refused) {
            assertThatThrownBy(() -> Ddl.create(db, a, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expectedSameName("Index qi_IX of table qi_left", "index qi_ix of table qi_right"));
            assertThat(tableNames()).doesNotContain("qi_left", "qi_right");
        } else {
            create(a, b);
            for (Named t : List.of(a, b)) {
                db.insertInto(t, r -> r.set(t.id, 1).set(t.value, "v")).execute();
                assertThatThrownBy(() -> db.insertInto(t, r -> r.set(t.id, 2).set(t.value, "v")).execute())
                        .isInstanceOf(UniqueViolationException.class);
            }
        }
    }

    @Test
    void indexAndCheckNamesThatDifferOnlyInCaseOnOneTableAreRefusedAtDeclaration() {
        assertThatThrownBy(() -> new TwoIndexes())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table qi_two: index qi_IX is declared twice (as qi_ix; MySQL and SQLite compare index names ignoring case)");
        assertThatThrownBy(() -> new TwoChecks())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table qi_two: check Positive is declared twice (as positive; MySQL and MariaDB compare constraint names ignoring case)");
        assertThatThrownBy(() -> new CheckLikeIndex())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table qi_two: check Qi_Two_Value and index qi_two_value have the same name (MariaDB keeps the index "
                        + "and constraint names of a table in one namespace, and compares them ignoring case)");
    }

    static final class CheckLikeIndex extends Table {
        final Column<Integer> id = integer("id").primaryKey();

        CheckLikeIndex() {
            super("qi_two");
            index("qi_two_value", id);
            check("Qi_Two_Value", id.gt(0));
        }
    }

    static final class TwoIndexes extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> value = varchar("value", 20);

        TwoIndexes() {
            super("qi_two");
            index("qi_ix", id);
            index("qi_IX", value);
        }
    }

    static final class TwoChecks extends Table {
        final Column<Integer> id = integer("id").primaryKey();

        TwoChecks() {
            super("qi_two");
            check("positive", id.gt(0));
            check("Positive", id.lt(100));
        }
    }

    // ---- the database's catalog, through JDBC metadata ----

    /** The names of the tables of the current schema (database on MySQL), compared exactly. */
    private Set<String> tableNames() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        }
    }

    /** The names of the indexes of a table of the current schema. */
    private Set<String> indexNames(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null) names.add(name);
                }
            }
            return names;
        }
    }
}
