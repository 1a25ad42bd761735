package dev.quarry.schema;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.IdentifierLimit;
import dev.quarry.dsl.spi.JdbcBindings;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.TypeBinding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Derived names are shortened to 63 bytes the same way on every dialect; explicit names are checked
 * against the dialect's limit, and tables or indexes of one effective name are refused, when DDL is
 * rendered.
 */
class NamesTest {
    /** The expected short form, computed here from the rule in the Javadoc of {@code Table.index}. */
    private static String shortened(String prefix54, String full) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
        return prefix54 + "_" + HexFormat.of().formatHex(digest).substring(0, 8);
    }

    @Test
    void aNameThatFitsIsKeptAndALongerOneGetsItsFirst54BytesAndAHash() throws Exception {
        String fits = "idx_" + "a".repeat(59);
        assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(63);
        assertThat(Names.derived(fits)).isSameAs(fits);

        String full = "idx_" + "a".repeat(60);
        String expected = shortened(full.substring(0, 54), full);
        assertThat(Names.derived(full)).isEqualTo(expected).hasSize(63);
        assertThat(Names.derived(full)).isEqualTo(Names.derived(new String(full))); // stable
    }

    @Test
    void shorteningCutsBetweenCharactersNeverInsideOne() throws Exception {
        String accented = "uq_t_" + "é".repeat(40); // 5 + 80 bytes
        // 5 + 24 * 2 = 53 bytes; one more é would make 55 > 54
        assertThat(Names.derived(accented)).isEqualTo(shortened("uq_t_" + "é".repeat(24), accented));
        String emoji = "uq_t_" + "\uD83D\uDE00".repeat(20); // 5 + 80 bytes
        // 5 + 12 * 4 = 53 bytes
        assertThat(Names.derived(emoji)).isEqualTo(shortened("uq_t_" + "\uD83D\uDE00".repeat(12), emoji));
        assertThat(IdentifierLimit.utf8Length(Names.derived(emoji))).isEqualTo(62);
    }

    @Test
    void twoNamesThatShareTheirFirst63BytesGetDifferentShortNames() {
        String a = "uq_" + "x".repeat(70) + "_a";
        String b = "uq_" + "x".repeat(70) + "_b";
        assertThat(Names.derived(a)).isNotEqualTo(Names.derived(b));
        assertThat(Names.derived(a).substring(0, 54)).isEqualTo(Names.derived(b).substring(0, 54));
    }

    // ---- tables ----

    static final String LONG_COLUMN = "a_column_name_long_enough_to_push_derived_names_past_63";

    static final class LongNames extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> ref = integer(LONG_COLUMN).references(() -> Short.SHORT.id);
        final Index byRef;

        LongNames() {
            super("long_names");
            byRef = uniqueIndex(ref);
        }
    }

    static final class Short extends Table {
        static final Short SHORT = new Short("short");
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> code = varchar("code", 10);

        Short(String name) {
            super(name);
            uniqueIndex(code);
        }
    }

    @Test
    void derivedIndexAndForeignKeyNamesAreShortened() throws Exception {
        LongNames t = new LongNames();
        String fullIndex = "uq_long_names_" + LONG_COLUMN;
        String fullKey = "fk_long_names_" + LONG_COLUMN;
        assertThat(t.byRef.name()).isEqualTo(shortened(fullIndex.substring(0, 54), fullIndex));
        assertThat(t.ref.foreignKey().orElseThrow().name()).isEqualTo(shortened(fullKey.substring(0, 54), fullKey));
        assertThat(Short.SHORT.indexes()).extracting(Index::name).containsExactly("uq_short_code");
        assertThat(Short.SHORT.id.foreignKey()).isEmpty();
    }

    static final class BlankIndexName extends Table {
        final Column<Integer> id = integer("id");
        BlankIndexName() { super("blank_index"); index(" ", id); }
    }

    static final class BlankCheckName extends Table {
        final Column<Integer> id = integer("id");
        BlankCheckName() { super("blank_check"); check("", id.gt(0)); }
    }

    @Test
    void explicitIndexAndCheckNamesMustNotBeBlank() {
        assertThatThrownBy(BlankIndexName::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table blank_index: index name must not be blank");
        assertThatThrownBy(BlankCheckName::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table blank_check: check name must not be blank");
    }

    // ---- DDL on a dialect with a limit ----

    /** The standard DDL with a limit of 10 bytes of UTF-8. */
    private static final Dialect LIMITED = new Dialect() {
        private final Renderer renderer = new Renderer("limited");
        @Override public String name() { return "limited"; }
        @Override public boolean acceptsUrl(String jdbcUrl) { return false; }
        @Override public Renderer renderer() { return renderer; }
        @Override public <T> TypeBinding<T> binding(DataType<T> type) { return JdbcBindings.standard(type); }
        @Override public IdentifierLimit identifierLimit() { return IdentifierLimit.utf8Bytes(10, "a test rule"); }
    };

    static final class Explicit extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> value;

        Explicit(String table, String column, String index, String check) {
            super(table);
            value = varchar(column, 5);
            if (index != null) index(index, value);
            if (check != null) check(check, value.ne(""));
        }
    }

    @Test
    void namesOverTheDialectsLimitAreRefusedWhenDdlIsRendered() {
        String message = " is 11 bytes of UTF-8 long; limited allows at most 10 bytes of UTF-8 in a name (a test rule): use a shorter name";
        assertThatCode(() -> Ddl.createStatements(LIMITED, List.of(new Explicit("tablename1", "v", null, null)), true))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Ddl.createStatements(LIMITED, List.of(new Explicit("tablename11", "v", null, null)), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table tablename11" + message);
        assertThatThrownBy(() -> Ddl.createStatements(LIMITED, List.of(new Explicit("t", "columnname1", null, null)), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table t: column columnname1" + message);
        assertThatThrownBy(() -> Ddl.createStatements(LIMITED, List.of(new Explicit("t", "v", "indexname1é", null)), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table t: index indexname1é is 12 bytes of UTF-8 long; "
                        + "limited allows at most 10 bytes of UTF-8 in a name (a test rule): use a shorter name");
        assertThatCode(() -> Ddl.createStatements(LIMITED, List.of(new Explicit("t", "v", null, "checkname1")), true))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Ddl.createStatements(LIMITED, List.of(new Explicit("t", "v", null, "checkname11")), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table t: check checkname11" + message);
        assertThatThrownBy(() -> Ddl.dropStatements(LIMITED, List.of(new Explicit("tablename11", "v", null, null)), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table tablename11" + message);
    }

    @Test
    void queriesNamingAnOverLongTableOrColumnAreRefusedWhenRendered() {
        Explicit longTable = new Explicit("tablename11", "v", null, null);
        assertThatThrownBy(() -> dev.quarry.dsl.Dsl.select(longTable.value).from(longTable).render(LIMITED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table tablename11 is 11 bytes of UTF-8 long; limited allows at most 10 bytes of UTF-8 in a name "
                        + "(a test rule): use a shorter name");
        Explicit longColumn = new Explicit("t", "columnname1", null, null);
        assertThatThrownBy(() -> dev.quarry.dsl.Dsl.select(longColumn.value).from(longColumn).render(LIMITED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column t.columnname1 is 11 bytes of UTF-8 long; limited allows at most 10 bytes of UTF-8 in a name "
                        + "(a test rule): use a shorter name");
        Explicit fits = new Explicit("tablename1", "v", null, null);
        Rendered sql = dev.quarry.dsl.Dsl.select(fits.value.as("aliasname1")).from(fits).render(LIMITED);
        assertThat(sql.sql()).isEqualTo("SELECT \"tablename1\".\"v\" AS \"aliasname1\" FROM \"tablename1\"");
        assertThatThrownBy(() -> dev.quarry.dsl.Dsl.select(fits.value.as("aliasname11")).from(fits).render(LIMITED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Name \"aliasname11\" is 11 bytes of UTF-8 long; limited allows at most 10 bytes of UTF-8 in a name "
                        + "(a test rule): use a shorter name");
    }

    @Test
    void tablesAndIndexesOfOneNameAreRefusedByTheStandardRule() {
        String rule = " would have the same name on standard, where tables and indexes share one namespace per schema and "
                + "quoted names compare exactly; CREATE ... IF NOT EXISTS would skip the second: rename one";
        assertThatThrownBy(() -> Ddl.createStatements(StandardTestDialect.INSTANCE, List.of(new Short("s"), new Short("s")), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table s and table s" + rule);
        assertThat(Ddl.createStatements(StandardTestDialect.INSTANCE, List.of(new Short("s"), new Short("S")), true)).hasSize(4);
        assertThatThrownBy(() -> Ddl.createStatements(StandardTestDialect.INSTANCE,
                List.of(new Short("s"), new Explicit("t", "v", "s", null)), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Table s and index s of table t" + rule);
        assertThatThrownBy(() -> Ddl.createStatements(StandardTestDialect.INSTANCE,
                List.of(new Explicit("t1", "v", "ix", null), new Explicit("t2", "v", "ix", null)), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Index ix of table t1 and index ix of table t2" + rule);
        // derived names that come out equal: "uq_a_b" + "_c" and "uq_a" + "_b_c"
        assertThatThrownBy(() -> Ddl.createStatements(StandardTestDialect.INSTANCE,
                List.of(new Coded("a_b", "c"), new Coded("a", "b_c")), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Index uq_a_b_c of table a_b and index uq_a_b_c of table a" + rule);
    }

    static final class Coded extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> code;

        Coded(String table, String column) {
            super(table);
            code = varchar(column, 5);
            uniqueIndex(code);
        }
    }
}
