package dev.quarry.schema;

import dev.quarry.dsl.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declaration mistakes fail in the table's constructor with a message naming table and column. */
class TableDeclarationTest {

    // ---- tables whose construction fails -----------------------------------------------------------

    static final class DuplicateColumn extends Table {
        final Column<Integer> a = integer("a");
        final Column<String> b = varchar("a", 10);
        DuplicateColumn() { super("dup"); }
    }

    static final class DuplicateColumnOtherCase extends Table {
        final Column<Integer> a = integer("code");
        final Column<String> b = varchar("CODE", 10);
        DuplicateColumnOtherCase() { super("dup_case"); }
    }

    static final class TwoPrimaryKeys extends Table {
        final Column<Integer> a = integer("a").primaryKey();
        final Column<Integer> b = integer("b").primaryKey();
        TwoPrimaryKeys() { super("two_pk"); }
    }

    static final class ColumnKeyAndCompositeKey extends Table {
        final Column<Integer> a = integer("a").primaryKey();
        final Column<Integer> b = integer("b");
        { primaryKey(a, b); }
        ColumnKeyAndCompositeKey() { super("pk_and_composite"); }
    }

    static final class NullablePrimaryKey extends Table {
        final Column<Integer> a = integer("a").nullable().primaryKey();
        NullablePrimaryKey() { super("nullable_pk"); }
    }

    static final class PrimaryKeyMadeNullable extends Table {
        final Column<Integer> a = integer("a").primaryKey().nullable();
        PrimaryKeyMadeNullable() { super("pk_nullable"); }
    }

    static final class NullableInCompositeKey extends Table {
        final Column<Integer> a = integer("a");
        final Column<Integer> b = integer("b").nullable();
        { primaryKey(a, b); }
        NullableInCompositeKey() { super("nullable_composite"); }
    }

    static final class ColumnTwiceInKey extends Table {
        final Column<Integer> a = integer("a");
        { primaryKey(a, a); }
        ColumnTwiceInKey() { super("twice_in_key"); }
    }

    static final class ColumnTwiceInIndex extends Table {
        final Column<Integer> a = integer("a");
        { index(a, a); }
        ColumnTwiceInIndex() { super("twice_in_index"); }
    }

    @Test
    void aColumnListedTwiceInAKeyOrIndexIsRefused() {
        assertThatThrownBy(ColumnTwiceInKey::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table twice_in_key: primary key lists column twice_in_key.a twice");
        assertThatThrownBy(ColumnTwiceInIndex::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table twice_in_index: index lists column twice_in_index.a twice");
    }

    static final class ReferencesNull extends Table {
        final Column<Integer> ref = integer("ref").references((Column<Integer>) null);
        ReferencesNull() { super("refs_null"); }
    }

    static final class ReferencesIntermediate extends Table {
        final Column<Integer> base = integer("id");
        final Column<Integer> id = base.primaryKey();
        final Column<Integer> parent = integer("parent_id").nullable().references(base);
        ReferencesIntermediate() { super("tree"); }
    }

    static final class OptionOnIntermediate extends Table {
        final Column<Integer> base = integer("id");
        final Column<Integer> id = base.primaryKey();
        final Column<Integer> again = base.unique();
        OptionOnIntermediate() { super("twice"); }
    }

    static final class IndexOnIntermediate extends Table {
        final Column<Integer> base = integer("n");
        final Column<Integer> n = base.unique();
        { index(base); }
        IndexOnIntermediate() { super("idx_intermediate"); }
    }

    static final class AutoIncrementVarchar extends Table {
        final Column<String> v = varchar("v", 10).primaryKey().autoIncrement();
        AutoIncrementVarchar() { super("auto_text"); }
    }

    static final class SetNullOnNotNull extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> ref = integer("ref").references(() -> this.id, ReferenceAction.SET_NULL, ReferenceAction.NO_ACTION);
        SetNullOnNotNull() { super("set_null"); }
    }

    static final class TwoReferences extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> ref = integer("ref").references(() -> this.id).references(() -> this.id);
        TwoReferences() { super("two_refs"); }
    }

    static final class NullDefault extends Table {
        final Column<String> s = varchar("s", 5).defaultValue((String) null);
        NullDefault() { super("null_default"); }
    }

    static final class IndexOfAnotherTable extends Table {
        final Column<Integer> a = integer("a");
        { index(Sealed.INSTANCE.a); }
        IndexOfAnotherTable() { super("foreign_index"); }
    }

    static final class EmptyIndex extends Table {
        final Column<Integer> a = integer("a");
        { index(); }
        EmptyIndex() { super("empty_index"); }
    }

    static final class DuplicateIndex extends Table {
        final Column<Integer> a = integer("a");
        { index(a); index(a); }
        DuplicateIndex() { super("dup_index"); }
    }

    static final class NoColumns extends Table {
        NoColumns() { super("empty"); }
    }

    static final class BlankName extends Table {
        BlankName() { super(" "); }
    }

    static final class BlankColumnName extends Table {
        final Column<Integer> a = integer("");
        BlankColumnName() { super("blank_column"); }
    }

    // ---- tables that are fine ----------------------------------------------------------------------

    static final class Sealed extends Table {
        static final Sealed INSTANCE = new Sealed();
        final Column<Integer> a = integer("a").primaryKey();
        final Column<String> b = varchar("b", 10).nullable();
        Sealed() { super("sealed"); }

        void declareColumn() { integer("c"); }
        void declareIndex() { index(b); }
        void declarePrimaryKey() { primaryKey(a); }
        void declareCheck() { check("b_not_empty", b.ne("")); }
    }

    static final class FilmActor extends Table {
        static final FilmActor INSTANCE = new FilmActor();
        final Column<Integer> actorId = integer("actor_id");
        final Column<Integer> filmId = integer("film_id");
        final Column<BigDecimal> fee = decimal("fee", 6, 2).nullable();
        { primaryKey(actorId, filmId); }
        private FilmActor() { super("film_actor"); }
    }

    static final class Indexed extends Table {
        static final Indexed INSTANCE = new Indexed();
        final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 100);
        final Column<Integer> year = integer("year");
        final Column<String> code = varchar("code", 8);
        { index(title); uniqueIndex(title, year); index("by_code", code); uniqueIndex("uq_code", code); }
        private Indexed() { super("indexed"); }
    }

    static final class DefaultTooLong extends Table {
        final Column<String> code = varchar("code", 3).defaultValue("abcd");
        DefaultTooLong() { super("default_too_long"); }
    }

    static final class DefaultRounded extends Table {
        final Column<java.math.BigDecimal> rate = decimal("rate", 4, 2).defaultValue(new java.math.BigDecimal("0.995"));
        DefaultRounded() { super("default_rounded"); }
    }

    // ---- tests --------------------------------------------------------------------------------------

    @Test
    void aDefaultTheColumnCannotHoldFailsAtDeclaration() {
        assertThatThrownBy(DefaultTooLong::new)
                .isInstanceOfSatisfying(dev.quarry.dsl.DataException.class, e -> org.assertj.core.api.Assertions.assertThat(e.sqlState()).isEqualTo("22001"))
                .hasMessage("Column default_too_long.code DEFAULT (VARCHAR(3)): a string of 4 characters is longer than 3");
        org.assertj.core.api.Assertions.assertThat(new DefaultRounded().rate.defaultValueExpression().orElseThrow().toString())
                .contains("1.00");
    }

    @Test
    void duplicateColumnName() {
        assertThatThrownBy(DuplicateColumn::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table dup: column dup.a is declared twice");
        assertThatThrownBy(DuplicateColumnOtherCase::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table dup_case: column dup_case.CODE is declared twice");
    }

    @Test
    void secondPrimaryKey() {
        assertThatThrownBy(TwoPrimaryKeys::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table two_pk: column two_pk.b cannot be a second primary key; the primary key is already [a]"
                        + " (declare a composite key with primaryKey(col1, col2))");
        assertThatThrownBy(ColumnKeyAndCompositeKey::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Table pk_and_composite: column pk_and_composite.a cannot be a second primary key;"
                        + " the primary key is already [a]");
    }

    @Test
    void primaryKeyOnANullableColumn() {
        assertThatThrownBy(NullablePrimaryKey::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column nullable_pk.a is nullable and cannot be a primary key");
        assertThatThrownBy(PrimaryKeyMadeNullable::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column pk_nullable.a is a primary key and cannot be nullable");
        assertThatThrownBy(NullableInCompositeKey::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column nullable_composite.b is nullable and cannot be in the primary key");
    }

    @Test
    void referencesNullPointsToTheSupplierForm() {
        assertThatThrownBy(ReferencesNull::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Column refs_null.ref references null")
                .hasMessageContaining("use references(() -> TABLE.column)");
    }

    @Test
    void referenceToAReplacedIntermediateColumn() {
        assertThatThrownBy(ReferencesIntermediate::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column tree.parent_id references tree.id, which is not a column of table tree"
                        + " (an intermediate column replaced by a later option?)");
    }

    @Test
    void optionOnAReplacedIntermediateColumn() {
        assertThatThrownBy(OptionOnIntermediate::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Column twice.id was already replaced by a later option; chain options on the newest column");
    }

    @Test
    void indexOnAReplacedIntermediateColumn() {
        assertThatThrownBy(IndexOnIntermediate::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Table idx_intermediate: index uses column idx_intermediate.n, which is not a column"
                        + " of table idx_intermediate");
    }

    static final class CollatedInteger extends Table {
        final Column<Integer> n = integer("n").collate("C");
        CollatedInteger() { super("collated_int"); }
    }

    static final class BlankCollation extends Table {
        final Column<String> s = varchar("s", 10).collate(" ");
        BlankCollation() { super("blank_collation"); }
    }

    static final class ControlInCollation extends Table {
        final Column<String> s = text("s").collate("C\n");
        ControlInCollation() { super("control_collation"); }
    }

    static final class Collated extends Table {
        final Column<String> s = varchar("s", 10).nullable().collate("de-DE-x-icu").unique();
        final Column<String> plain = text("plain");
        Collated() { super("collated"); }
    }

    @Test
    void aCollationIsAnOptionOfTextColumnsOnly() {
        assertThatThrownBy(CollatedInteger::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column collated_int.n is INTEGER; only text columns (varchar, character, text, enumeration) take a collation");
        assertThatThrownBy(BlankCollation::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column blank_collation.s: collation name ' ' is blank or holds control characters");
        assertThatThrownBy(ControlInCollation::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Column control_collation.s: collation name 'C");
        Collated t = new Collated();
        assertThat(t.s.collation()).contains("de-DE-x-icu");
        assertThat(t.s.isNullable()).isTrue();
        assertThat(t.s.isUnique()).isTrue();
        assertThat(t.plain.collation()).isEmpty();
        assertThat(t.fields()).containsExactly(t.s, t.plain);
    }

    @Test
    void autoIncrementOnAVarchar() {
        assertThatThrownBy(AutoIncrementVarchar::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column auto_text.v is VARCHAR(10); only integer columns can be auto-increment");
    }

    @Test
    void otherColumnOptionMistakes() {
        assertThatThrownBy(SetNullOnNotNull::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column set_null.ref is NOT NULL; its foreign key cannot SET NULL");
        assertThatThrownBy(TwoReferences::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column two_refs.ref already references a column");
        assertThatThrownBy(NullDefault::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column null_default.s: default value is null; declare nullable() instead");
    }

    @Test
    void indexMistakes() {
        assertThatThrownBy(IndexOfAnotherTable::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table foreign_index: index column sealed.a belongs to another table");
        assertThatThrownBy(EmptyIndex::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table empty_index: an index needs at least one column");
        assertThatThrownBy(DuplicateIndex::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table dup_index: index idx_dup_index_a is declared twice");
    }

    @Test
    void namesMustNotBeBlank() {
        assertThatThrownBy(BlankName::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table name must not be blank");
        assertThatThrownBy(BlankColumnName::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table blank_column: column name must not be blank");
    }

    @Test
    void aTableWithoutColumnsCannotBeUsed() {
        NoColumns t = new NoColumns();
        assertThatThrownBy(t::fields)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Table empty declares no column");
    }

    @Test
    void declaringAfterTheTableIsSealedFails() {
        Sealed t = new Sealed();
        assertThat(t.fields()).hasSize(2);
        String tail = " (declare columns in field initializers and the rest in an initializer block)";
        assertThatThrownBy(t::declareColumn)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Table sealed is already in use and immutable; cannot declare c" + tail);
        assertThatThrownBy(t::declareIndex)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Table sealed is already in use and immutable; cannot declare an index" + tail);
        assertThatThrownBy(t::declarePrimaryKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Table sealed is already in use and immutable; cannot declare a primary key" + tail);
        assertThatThrownBy(t::declareCheck)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Table sealed is already in use and immutable; cannot declare a check" + tail);
        assertThatThrownBy(() -> t.b.unique())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Table sealed is already in use and immutable; cannot declare b" + tail);
        assertThat(t.fields()).containsExactly(t.a, t.b);
        assertThat(t.indexes()).isEmpty();
        assertThat(t.checks()).isEmpty();
        assertThat(t.b.isUnique()).isFalse();
    }

    @Test
    void aTableIsNotSealedBeforeItsFirstUse() {
        Sealed t = new Sealed();
        t.declareColumn();
        assertThat(t.fields()).extracting(Column::name).containsExactly("a", "b", "c");
    }

    @Test
    void sealedListsAreUnmodifiable() {
        Sealed t = Sealed.INSTANCE;
        List<Column<?>> fields = t.fields();
        assertThat(t.fields()).isSameAs(fields);
        assertThat(t.columns()).isSameAs(fields);
        assertThatThrownBy(() -> fields.add(t.a)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.indexes().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.primaryKeyColumns().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.foreignKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(t.fields()).containsExactly(t.a, t.b);
    }

    @Test
    void theFieldIsTheNewestColumnWithAllOptions() {
        Sealed t = Sealed.INSTANCE;
        assertThat(t.fields().get(0)).isSameAs(t.a);
        assertThat(t.a.isPrimaryKey()).isTrue();
        assertThat(t.a.isNullable()).isFalse();
        assertThat(t.b.isNullable()).isTrue();
        assertThat(t.b.type()).isEqualTo(DataType.varchar(10));
        assertThat(t.a.table()).isSameAs(t);
        assertThat(t.a.qualifiedName()).isEqualTo("sealed.a");
        assertThat(t.column("b")).containsSame(t.b);
        assertThat(t.column("x")).isEmpty();
        assertThat(t.primaryKeyColumns()).containsExactly(t.a);
    }

    @Test
    void compositePrimaryKey() {
        FilmActor t = FilmActor.INSTANCE;
        assertThat(t.primaryKeyColumns()).containsExactly(t.actorId, t.filmId);
        assertThat(t.actorId.isPrimaryKey()).isFalse();
        assertThat(t.filmId.isPrimaryKey()).isFalse();
        assertThat(t.fields()).containsExactly(t.actorId, t.filmId, t.fee);
    }

    @Test
    void indexesAndUniqueIndexesWithDefaultAndExplicitNames() {
        Indexed t = Indexed.INSTANCE;
        assertThat(t.indexes()).extracting(Index::name)
                .containsExactly("idx_indexed_title", "uq_indexed_title_year", "by_code", "uq_code");
        assertThat(t.indexes()).extracting(Index::unique).containsExactly(false, true, false, true);
        assertThat(t.indexes().get(1).columns()).containsExactly(t.title, t.year);
        assertThat(t.indexes().get(0).table()).isSameAs(t);
        assertThat(t.id.isAutoIncrement()).isTrue();
    }
}
