package dev.quarry.testkit;

import dev.quarry.dsl.DataException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.RowBuilder;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values a column cannot hold, run by every dialect module on its real database: each case of a table
 * (value, column type) fails with one {@link DataException} of one SQLState (class 22, SQL:2016 section
 * 24.1), the same on every database, through every way a value reaches a column (single-row insert,
 * many-row insert, update, both sides of an upsert, a bind expression, a hand-made statement that skips
 * Quarry's own checks), and the table's rows are unchanged afterwards. Values the database computes
 * (arithmetic and concatenation in an UPDATE, an INSERT ... SELECT, an upsert, a SELECT) fail the same
 * way. Values at the edges of what fits are accepted and read back identically.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputSuite {
    /** The database under test, open for the whole class. */
    protected Database db;

    /**
     * Opens the database under test. Called once per test class.
     *
     * @return an open database; the suite closes it after the last test
     */
    protected abstract Database openDatabase();

    /** One column of each type whose values can be out of reach, all nullable but the key. */
    public static final class Holder extends Table {
        /** The singleton. */
        public static final Holder HOLDER = new Holder();
        /** Explicit key (no auto-increment, so that many-row inserts go as a JDBC batch where the dialect batches). */
        public final Column<Integer> id = integer("id").primaryKey();
        /** INTEGER. */
        public final Column<Integer> anInt = integer("an_int").nullable();
        /** SMALLINT. */
        public final Column<Short> aSmallint = smallint("a_smallint").nullable();
        /** BIGINT. */
        public final Column<Long> aBigint = bigint("a_bigint").nullable();
        /** DECIMAL(5, 2): at most 999.99. */
        public final Column<BigDecimal> aDecimal = decimal("a_decimal", 5, 2).nullable();
        /** REAL. */
        public final Column<Float> aReal = real("a_real").nullable();
        /** DOUBLE PRECISION. */
        public final Column<Double> aDouble = doublePrecision("a_double").nullable();
        /** VARCHAR(5). */
        public final Column<String> aVarchar = varchar("a_varchar", 5).nullable();
        /** CHAR(3). */
        public final Column<String> aChar = character("a_char", 3).nullable();
        /** TEXT. */
        public final Column<String> aText = text("a_text").nullable();
        /** DATE. */
        public final Column<LocalDate> aDate = date("a_date").nullable();
        /** TIMESTAMP. */
        public final Column<LocalDateTime> aTimestamp = timestamp("a_timestamp").nullable();
        /** TIMESTAMP WITH TIME ZONE. */
        public final Column<OffsetDateTime> aTimestamptz = timestamptz("a_timestamptz").nullable();

        private Holder() { super("qv_holder"); }
    }

    private static final Holder H = Holder.HOLDER;

    @BeforeAll
    final void openAll() {
        db = openDatabase();
        Ddl.drop(db, H);
    }

    @AfterAll
    final void closeAll() {
        if (db != null) db.close();
    }

    @BeforeEach
    final void createTable() {
        Ddl.create(db, H);
        db.insertInto(H, r -> r.set(H.id, 1).set(H.anInt, 10).set(H.aSmallint, (short) 10).set(H.aBigint, 10L)
                .set(H.aDecimal, new BigDecimal("1.50")).set(H.aReal, 1.5f).set(H.aDouble, 1.5)
                .set(H.aVarchar, "ab").set(H.aChar, "abc").set(H.aText, "text")
                .set(H.aDate, LocalDate.of(2023, 1, 31)).set(H.aTimestamp, LocalDateTime.of(2023, 1, 31, 12, 0))
                .set(H.aTimestamptz, OffsetDateTime.of(2023, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC))).execute();
        db.insertInto(H, r -> r.set(H.id, 2).set(H.anInt, -5).set(H.aSmallint, (short) -5).set(H.aBigint, -5L)
                .set(H.aDecimal, new BigDecimal("-0.50")).set(H.aReal, -0.5f).set(H.aDouble, -0.5)
                .set(H.aVarchar, "x").set(H.aChar, "xyz").set(H.aText, "")).execute();
        before = rows();
    }

    @AfterEach
    final void dropTable() {
        Ddl.drop(db, H);
    }

    private List<String> before;

    /** Every row, every column, in key order. */
    private List<String> rows() {
        List<Field<?>> all = new ArrayList<>(H.fields());
        return db.select(all.toArray(Field<?>[]::new)).from(H).orderBy(H.id).fetch(Row::toString);
    }

    private void assertUnchanged() {
        assertThat(rows()).as("the rows after the refused statement").isEqualTo(before);
    }

    // ---- the table of bad values --------------------------------------------------------------------

    /**
     * A value that a column cannot hold.
     *
     * @param label what the case is, for the test name
     * @param column the column it is written to
     * @param value the value
     * @param sqlState the one SQLState every database reports
     * @param serverRefuses whether the database itself refuses it when Quarry's checks are bypassed (false
     *                      only for trailing blanks beyond the length, which PostgreSQL and MariaDB cut off)
     */
    public record Bad(String label, Column<?> column, Object value, String sqlState, boolean serverRefuses) {
        @Override
        public String toString() { return label + " into " + column.qualifiedName(); }
    }

    private static Bad bad(String label, Column<?> column, Object value, String sqlState) {
        return new Bad(label, column, value, sqlState, true);
    }

    private static final String RANGE = DataException.NUMERIC_VALUE_OUT_OF_RANGE;
    private static final String LENGTH = DataException.STRING_DATA_RIGHT_TRUNCATION;
    private static final String DATETIME = DataException.DATETIME_FIELD_OVERFLOW;
    private static final String CHARACTER = DataException.CHARACTER_NOT_IN_REPERTOIRE;
    private static final String EMOJI = "\uD83D\uDE00";

    /** @return the bad values: (value, column) with the one SQLState of their refusal */
    List<Bad> badValues() {
        return List.of(
                bad("NaN", H.aReal, Float.NaN, RANGE),
                bad("Infinity", H.aReal, Float.POSITIVE_INFINITY, RANGE),
                bad("-Infinity", H.aReal, Float.NEGATIVE_INFINITY, RANGE),
                bad("NaN", H.aDouble, Double.NaN, RANGE),
                bad("Infinity", H.aDouble, Double.POSITIVE_INFINITY, RANGE),
                bad("-Infinity", H.aDouble, Double.NEGATIVE_INFINITY, RANGE),
                bad("1000.00", H.aDecimal, new BigDecimal("1000.00"), RANGE),
                bad("999.995, which rounds to 1000.00", H.aDecimal, new BigDecimal("999.995"), RANGE),
                bad("-999.995, which rounds to -1000.00", H.aDecimal, new BigDecimal("-999.995"), RANGE),
                bad("1E+400", H.aDecimal, new BigDecimal("1E+400"), RANGE),
                bad("-12345.6", H.aDecimal, new BigDecimal("-12345.6"), RANGE),
                bad("year 0", H.aDate, LocalDate.of(0, 6, 1), DATETIME),
                bad("year -1", H.aDate, LocalDate.of(-1, 6, 1), DATETIME),
                bad("year 10000", H.aDate, LocalDate.of(10000, 1, 1), DATETIME),
                bad("year 0", H.aTimestamp, LocalDateTime.of(0, 12, 31, 23, 59), DATETIME),
                bad("year -1", H.aTimestamp, LocalDateTime.of(-1, 6, 1, 0, 0), DATETIME),
                bad("year 10000", H.aTimestamp, LocalDateTime.of(10000, 1, 1, 0, 0), DATETIME),
                bad("half a microsecond before year 10000", H.aTimestamp, LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_500), DATETIME),
                bad("year 10000 in UTC", H.aTimestamptz, OffsetDateTime.of(9999, 12, 31, 20, 0, 0, 0, ZoneOffset.ofHours(-5)), DATETIME),
                bad("year 0 in UTC", H.aTimestamptz, OffsetDateTime.of(1, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1)), DATETIME),
                bad("6 characters", H.aVarchar, "abcdef", LENGTH),
                bad("6 emoji (12 UTF-16 units)", H.aVarchar, EMOJI.repeat(6), LENGTH),
                new Bad("5 characters and a blank", H.aVarchar, "abcde ", LENGTH, false),
                bad("4 characters", H.aChar, "abcd", LENGTH),
                new Bad("2 characters and 2 blanks", H.aChar, "ab  ", LENGTH, false),
                bad("NUL", H.aVarchar, "a\u0000b", CHARACTER),
                bad("NUL", H.aText, "\u0000", CHARACTER),
                bad("NUL", H.aChar, "ab\u0000", CHARACTER),
                bad("a lone high surrogate", H.aText, "a\uD800b", CHARACTER),
                bad("a lone low surrogate", H.aText, "a\uDC00b", CHARACTER),
                bad("a high surrogate at the end", H.aVarchar, "ab\uD83D", CHARACTER),
                bad("a low and a high surrogate, reversed", H.aText, "\uDE00\uD83D", CHARACTER));
    }

    /** Sets a column to a value of its Java type, for the tables of cases, whose values are of any type. */
    private static <T> RowBuilder set(RowBuilder r, Column<T> column, Object value) {
        return r.set(column, column.type().javaType().cast(value));
    }

    private static <T> int update(Database db, Column<T> column, Object value) {
        return db.update(H).set(H.anInt, 11).set(column, column.type().javaType().cast(value)).where(H.id.eq(1)).execute();
    }

    private static <T> int upsertProposing(Database db, Column<T> column, Object value) {
        return db.insertInto(H, r -> set(r.set(H.id, 1), column, value))
                .onConflict(H.id).doUpdate(s -> s.set(column, Dsl.excluded(column))).execute();
    }

    private static <T> int updateThroughBindExpression(Database db, Column<T> column, Object value) {
        return db.update(H).set(column, Dsl.value(column.type().javaType().cast(value), column.type())).where(H.id.eq(1)).execute();
    }

    private static <T> Rendered handMade(Database db, Column<T> column, Object value) {
        Rendered valid = db.update(H).set(column, (T) null).where(H.id.eq(1)).render(db.dialect());
        return new Rendered(valid.sql(), Arrays.asList(value, 1), valid.bindTypes());
    }

    private static <T> void compare(Bad bad, Column<T> column, Database db, boolean representable) {
        T value = column.type().javaType().cast(bad.value());
        if (representable) {
            assertThat(db.select(H.id).from(H).where(column.eq(value)).fetch()).isEmpty();
            assertThat(db.select(H.id).from(H).where(column.in(List.of(value))).fetch()).isEmpty();
            return;
        }
        assertRefused(bad, () -> column.eq(value), true);
        assertRefused(bad, () -> column.gt(value), true);
        assertRefused(bad, () -> column.in(List.of(value)), true);
        if (value instanceof String text) {
            assertRefused(bad, () -> column.startsWith(text), true);
            assertRefused(bad, () -> column.like(text), true);
        }
    }

    private static <T> List<T> writeAndRead(Database db, Column<T> column, Object value) {
        db.insertInto(H, r -> set(r.set(H.id, 100), column, value)).execute();
        db.insertInto(H, List.of(101, 102), (r, id) -> set(r.set(H.id, id), column, value)).execute();
        db.update(H).set(column, column.type().javaType().cast(value)).where(H.id.eq(2)).execute();
        return db.select(column).from(H).where(H.id.in(2, 100, 101, 102)).orderBy(H.id).fetch(r -> r.get(column));
    }

    private static void assertRefused(Bad bad, ThrowingCallable statement, boolean beforeSending) {
        assertThatThrownBy(statement).as(bad.toString())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).as("SQLState of %s: %s", bad, e.getMessage()).isEqualTo(bad.sqlState());
                    if (beforeSending) {
                        assertThat(e.sql()).as("refused before sending: %s", e.getMessage()).isNull();
                        assertThat(e).hasMessageContaining(bad.column().qualifiedName());
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void singleRowInsert(Bad bad) {
        assertRefused(bad, () -> db.insertInto(H, r -> set(r.set(H.id, 100), bad.column(), bad.value())).execute(), true);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void manyRowInsertWithOneBadRowInsertsNone(Bad bad) {
        Column<?> column = bad.column();
        assertRefused(bad, () -> db.insertInto(H, List.of(100, 101, 102), (r, id) -> {
            r.set(H.id, id);
            if (id == 101) set(r, column, bad.value()); else r.setNull(column);
        }).execute(), true);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void update(Bad bad) {
        assertRefused(bad, () -> update(db, bad.column(), bad.value()), true);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void upsertInsertingOrUpdating(Bad bad) {
        assertRefused(bad, () -> upsertProposing(db, bad.column(), bad.value()), true);
        assertRefused(bad, () -> db.insertInto(H, r -> r.set(H.id, 1))
                .onConflict(H.id).doUpdate(s -> set(s, bad.column(), bad.value())).execute(), true);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void bindExpression(Bad bad) {
        assertThatThrownBy(() -> updateThroughBindExpression(db, bad.column(), bad.value())).as(bad.toString())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(bad.sqlState());
                    assertThat(e.sql()).isNull();
                });
        assertUnchanged();
    }

    /**
     * A statement made by hand, which Quarry's column checks never see: what no database can hold is
     * refused by the dialect's binding before sending, what the column cannot hold by the database (on
     * SQLite by the CHECK constraints its DDL declares), with the same SQLState.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void handMadeStatement(Bad bad) {
        if (!bad.serverRefuses()) return;
        Rendered raw = handMade(db, bad.column(), bad.value());
        assertThatThrownBy(() -> db.execute(raw)).as(bad.toString())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).as("SQLState of %s: %s", bad, e.getMessage()).isEqualTo(bad.sqlState());
                    assertThat(e.sql()).isEqualTo(raw.sql());
                });
        assertUnchanged();
    }

    /** A value no database could hold cannot be compared with either; one that is only too big for the column can. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void comparisons(Bad bad) {
        boolean representable = !bad.sqlState().equals(CHARACTER) && !bad.sqlState().equals(DATETIME)
                && !(bad.value() instanceof Float) && !(bad.value() instanceof Double);
        compare(bad, bad.column(), db, representable);
        assertUnchanged();
    }

    // ---- values at the edge, accepted everywhere ---------------------------------------------------

    /**
     * A value that fits, and what every database returns for it.
     *
     * @param column the column
     * @param value the value written
     * @param readBack the value read back
     */
    public record Good(Column<?> column, Object value, Object readBack) {
        @Override
        public String toString() { return value + " into " + column.qualifiedName(); }
    }

    /** @return values at the edge of each column's range, and DECIMAL values that round */
    List<Good> goodValues() {
        return List.of(
                new Good(H.aDecimal, new BigDecimal("999.994"), new BigDecimal("999.99")),
                new Good(H.aDecimal, new BigDecimal("-999.99"), new BigDecimal("-999.99")),
                new Good(H.aDecimal, new BigDecimal("1.005"), new BigDecimal("1.01")),
                new Good(H.aDecimal, new BigDecimal("-1.005"), new BigDecimal("-1.01")),
                new Good(H.aDecimal, new BigDecimal("2.675"), new BigDecimal("2.68")),
                new Good(H.aDecimal, new BigDecimal("0.004"), new BigDecimal("0.00")),
                new Good(H.aDecimal, new BigDecimal("1E-400"), new BigDecimal("0.00")),
                new Good(H.aDecimal, new BigDecimal("5E+2"), new BigDecimal("500.00")),
                new Good(H.anInt, Integer.MIN_VALUE, Integer.MIN_VALUE),
                new Good(H.anInt, Integer.MAX_VALUE, Integer.MAX_VALUE),
                new Good(H.aSmallint, Short.MIN_VALUE, Short.MIN_VALUE),
                new Good(H.aBigint, Long.MAX_VALUE, Long.MAX_VALUE),
                new Good(H.aBigint, Long.MIN_VALUE, Long.MIN_VALUE),
                new Good(H.aReal, Float.MAX_VALUE, Float.MAX_VALUE),
                new Good(H.aReal, -Float.MAX_VALUE, -Float.MAX_VALUE),
                new Good(H.aDouble, Double.MAX_VALUE, Double.MAX_VALUE),
                new Good(H.aDouble, -Double.MAX_VALUE, -Double.MAX_VALUE),
                new Good(H.aVarchar, EMOJI.repeat(5), EMOJI.repeat(5)),
                new Good(H.aVarchar, "abcde", "abcde"),
                new Good(H.aChar, "a" + EMOJI + "c", "a" + EMOJI + "c"),
                new Good(H.aText, "a" + EMOJI + "\uFFFF\u200D", "a" + EMOJI + "\uFFFF\u200D"),
                new Good(H.aDate, LocalDate.of(1, 1, 1), LocalDate.of(1, 1, 1)),
                new Good(H.aDate, LocalDate.of(9999, 12, 31), LocalDate.of(9999, 12, 31)),
                new Good(H.aTimestamp, LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(1, 1, 1, 0, 0)),
                new Good(H.aTimestamp, LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)),
                new Good(H.aTimestamptz, OffsetDateTime.of(9999, 12, 31, 18, 59, 59, 999_999_000, ZoneOffset.ofHours(-5)),
                        OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodValues")
    void valuesAtTheEdgeAreAcceptedAndReadBackAlike(Good good) {
        assertThat(List.<Object>copyOf(writeAndRead(db, good.column(), good.value())))
                .containsExactly(good.readBack(), good.readBack(), good.readBack(), good.readBack());
    }

    // ---- values the database computes --------------------------------------------------------------

    /**
     * A statement whose value the database computes, and the SQLState every database refuses it with.
     *
     * @param label what it does
     * @param statement runs it
     * @param sqlState the SQLState
     */
    public record Computed(String label, Runnable statement, String sqlState) {
        @Override
        public String toString() { return label; }
    }

    /** @return writes whose computed value does not fit the column (row 1 overflows, row 2 would not) */
    List<Computed> computedWrites() {
        return List.of(
                new Computed("UPDATE an_int = an_int + 2147483647",
                        () -> db.update(H).set(H.anInt, H.anInt.plus(Integer.MAX_VALUE)).all().execute(), RANGE),
                new Computed("UPDATE a_smallint = a_smallint + 32767",
                        () -> db.update(H).set(H.aSmallint, H.aSmallint.plus((short) 32767)).all().execute(), RANGE),
                new Computed("UPDATE a_bigint = a_bigint + 9223372036854775807",
                        () -> db.update(H).set(H.aBigint, H.aBigint.plus(Long.MAX_VALUE)).all().execute(), RANGE),
                new Computed("UPDATE a_decimal = a_decimal * 1000",
                        () -> db.update(H).set(H.aDecimal, H.aDecimal.times(new BigDecimal("1000"))).all().execute(), RANGE),
                new Computed("UPDATE a_double = a_double * Double.MAX_VALUE",
                        () -> db.update(H).set(H.aDouble, H.aDouble.times(Double.MAX_VALUE)).all().execute(), RANGE),
                new Computed("UPDATE a_varchar = a_varchar || 'cdef'",
                        () -> db.update(H).set(H.aVarchar, H.aVarchar.concat("cdef")).all().execute(), LENGTH),
                new Computed("INSERT ... SELECT an_int + 2147483647 of every row",
                        () -> db.insertInto(H, H.id, H.anInt)
                                .select(Dsl.select(H.id.plus(100), H.anInt.plus(Integer.MAX_VALUE)).from(H)).execute(), RANGE),
                new Computed("upsert DO UPDATE an_int = an_int + 2147483647",
                        () -> db.insertInto(H, r -> r.set(H.id, 1).set(H.anInt, 0))
                                .onConflict(H.id).doUpdate(s -> s.set(H.anInt, H.anInt.plus(Integer.MAX_VALUE))).execute(), RANGE),
                new Computed("a transaction whose second statement overflows",
                        () -> db.runInTransaction(tx -> {
                            tx.update(H).set(H.aText, "changed").all().execute();
                            tx.update(H).set(H.anInt, H.anInt.plus(Integer.MAX_VALUE)).all().execute();
                        }), RANGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("computedWrites")
    void computedWrites(Computed computed) {
        assertThatThrownBy(computed.statement()::run).as(computed.label())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).as("SQLState of %s: %s", computed, e.getMessage()).isEqualTo(computed.sqlState());
                    assertThat(e.sql()).isNotNull();
                });
        assertUnchanged();
    }

    /** @return queries whose computed value the Java type cannot hold */
    List<Computed> computedReads() {
        return List.of(
                new Computed("SELECT an_int + 2147483647",
                        () -> db.select(H.anInt.plus(Integer.MAX_VALUE)).from(H).where(H.id.eq(1)).fetch(), RANGE),
                new Computed("SELECT a_smallint + 32767",
                        () -> db.select(H.aSmallint.plus((short) 32767)).from(H).where(H.id.eq(1)).fetch(), RANGE),
                new Computed("SELECT a_bigint + 9223372036854775807",
                        () -> db.select(H.aBigint.plus(Long.MAX_VALUE)).from(H).where(H.id.eq(1)).fetch(), RANGE),
                new Computed("SELECT a_real * Float.MAX_VALUE",
                        () -> db.select(H.aReal.times(Float.MAX_VALUE)).from(H).where(H.id.eq(1)).fetch(), RANGE),
                new Computed("SELECT a_double * Double.MAX_VALUE",
                        () -> db.select(H.aDouble.times(Double.MAX_VALUE)).from(H).where(H.id.eq(1)).fetch(), RANGE),
                new Computed("SELECT an_int + 2147483647 into a record",
                        () -> db.select(H.id, H.anInt.plus(Integer.MAX_VALUE).as("total")).from(H).orderBy(H.id).fetchInto(Total.class), RANGE),
                new Computed("SELECT an_int + 2147483647 through a cursor", () -> {
                    try (var cursor = db.select(H.id, H.anInt.plus(Integer.MAX_VALUE)).from(H).orderBy(H.id).fetchLazy()) {
                        cursor.forEach(row -> { });
                    }
                }, RANGE));
    }

    /** A row of {@link #computedReads()}. */
    public record Total(int id, int total) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("computedReads")
    void computedReads(Computed computed) {
        assertThatThrownBy(computed.statement()::run).as(computed.label())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).as("SQLState of %s: %s", computed, e.getMessage()).isEqualTo(computed.sqlState());
                    assertThat(e.sql()).startsWith("SELECT");
                });
        assertUnchanged();
    }

    @Test
    void theSameComputationWithinRangeSucceeds() {
        assertThat(db.select(H.anInt.plus(Integer.MAX_VALUE - 10)).from(H).where(H.id.eq(1)).fetchOne().value1()).isEqualTo(Integer.MAX_VALUE);
        db.update(H).set(H.anInt, H.anInt.plus(Integer.MAX_VALUE)).where(H.id.eq(2)).execute();
        db.update(H).set(H.aDecimal, H.aDecimal.plus(new BigDecimal("0.005"))).where(H.id.eq(1)).execute();
        assertThat(db.select(H.anInt, H.aDecimal).from(H).orderBy(H.id).fetch(r -> r.get(H.anInt) + "/" + r.get(H.aDecimal)))
                .containsExactly("10/1.51", (Integer.MAX_VALUE - 5) + "/-0.50");
    }

    // ---- text cast to a date -----------------------------------------------------------------------

    /** @return bind values cast from text to DATE or TIMESTAMP that name no day, or are no date */
    List<Computed> dateTexts() {
        return List.of(
                new Computed("'2023-02-30' AS DATE", () -> Dsl.value("2023-02-30").cast(DataType.date()), DATETIME),
                new Computed("'2023-13-01' AS DATE", () -> Dsl.value("2023-13-01").cast(DataType.date()), DATETIME),
                new Computed("'2023-02-28 24:00' AS TIMESTAMP", () -> Dsl.value("2023-02-28 24:00").cast(DataType.timestamp()), DATETIME),
                new Computed("'10000-01-01' AS DATE", () -> Dsl.value("10000-01-01").cast(DataType.date()), DataException.INVALID_DATETIME_FORMAT),
                new Computed("'0000-01-01' AS DATE", () -> Dsl.value("0000-01-01").cast(DataType.date()), DATETIME),
                new Computed("'yesterday' AS DATE", () -> Dsl.value("yesterday").cast(DataType.date()), DataException.INVALID_DATETIME_FORMAT),
                new Computed("'2023-2-3' AS DATE", () -> Dsl.value("2023-2-3").cast(DataType.date()), DataException.INVALID_DATETIME_FORMAT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateTexts")
    void textCastToADateIsCheckedBeforeSending(Computed cast) {
        assertThatThrownBy(cast.statement()::run).as(cast.label())
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(cast.sqlState());
                    assertThat(e.sql()).isNull();
                });
    }

    @Test
    void aValidTextCastToADateReadsTheSameEverywhere() {
        assertThat(db.select(Dsl.value("2024-02-29").cast(DataType.date()), Dsl.value("2024-02-29 23:59:58").cast(DataType.timestamp()),
                        Dsl.value("2024-02-29").cast(DataType.timestamp())).from(H).where(H.id.eq(1)).fetchOne().toTuple().toString())
                .isEqualTo("(2024-02-29, 2024-02-29T23:59:58, 2024-02-29T00:00)");
    }
}
