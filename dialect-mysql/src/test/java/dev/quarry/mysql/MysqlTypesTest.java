package dev.quarry.mysql;

import dev.quarry.dsl.CheckViolationException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every type round-trips exactly on the real server, including values the JDBC defaults get wrong on
 * MySQL and MariaDB: floats beyond 6 digits, date-times in a daylight-saving gap of the JVM's zone,
 * dates before the Gregorian reform, texts beyond 64 KB, 4-byte UTF-8, JSON text. Where the stored
 * form matters (UTC for TIMESTAMP WITH TIME ZONE, no zone shift for TIMESTAMP), it is read with plain
 * JDBC as the server's own text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysqlTypesTest {
    enum Mood { HAPPY, SAD }

    static final class Types extends Table {
        static final Types TYPES = new Types();
        final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        final Column<Integer> anInt = integer("an_int").nullable();
        final Column<Long> aBigint = bigint("a_bigint").nullable();
        final Column<Short> aSmallint = smallint("a_smallint").nullable();
        final Column<String> aVarchar = varchar("a_varchar", 40).nullable();
        final Column<String> aChar = character("a_char", 3).nullable();
        final Column<String> aText = text("a_text").nullable();
        final Column<Boolean> aBool = bool("a_bool").nullable();
        final Column<BigDecimal> aDecimal = decimal("a_decimal", 12, 2).nullable();
        final Column<BigDecimal> aWideDecimal = decimal("a_wide_decimal", 65, 30).nullable();
        final Column<Float> aReal = real("a_real").nullable();
        final Column<Double> aDouble = doublePrecision("a_double").nullable();
        final Column<LocalDate> aDate = date("a_date").nullable();
        final Column<LocalDateTime> aTimestamp = timestamp("a_timestamp").nullable();
        final Column<OffsetDateTime> aTimestamptz = timestamptz("a_timestamptz").nullable();
        final Column<UUID> aUuid = uuid("a_uuid").nullable();
        final Column<byte[]> aBlob = blob("a_blob").nullable();
        final Column<String> aJson = json("a_json").nullable();
        final Column<String> aJsonb = jsonb("a_jsonb").nullable();
        final Column<Mood> anEnum = enumeration("an_enum", Mood.class).nullable();
        private Types() { super("my_types"); }
    }

    private static final Types T = Types.TYPES;

    private Database db;

    @BeforeAll
    void open() {
        db = Database.connect(MyDatabases.url());
        Ddl.drop(db, T);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void create() {
        Ddl.create(db, T);
    }

    @AfterEach
    void drop() {
        Ddl.drop(db, T);
    }

    /** The server's own text of a column of one row, read with plain JDBC and {@code CAST(... AS CHAR)}. */
    private String storedText(String column, int id) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CAST(`" + column + "` AS CHAR) FROM `my_types` WHERE `id` = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void everyTypeRoundTripsExactlyIncludingItsExtremes() throws SQLException {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        UUID uuid = UUID.fromString("2F1C7C9E-8A8B-4F4E-9A55-0D1B7F3A9C10");
        String text = "é☃😀".repeat(30_000); // 270,000 bytes of UTF-8: beyond TEXT's 65,535, and 4-byte characters
        BigDecimal wide = new BigDecimal("-12345678901234567890123456789012345.123456789012345678901234567890");
        int id = db.insertInto(T, r -> r
                .set(T.anInt, Integer.MIN_VALUE)
                .set(T.aBigint, Long.MAX_VALUE)
                .set(T.aSmallint, Short.MIN_VALUE)
                .set(T.aVarchar, "It's \"quoted\" \\ back`tick 😀")
                .set(T.aChar, "abc")
                .set(T.aText, text)
                .set(T.aBool, true)
                .set(T.aDecimal, new BigDecimal("-9999999999.99"))
                .set(T.aWideDecimal, wide)
                .set(T.aReal, Float.MAX_VALUE)
                .set(T.aDouble, Double.MIN_VALUE)
                .set(T.aDate, LocalDate.of(9999, 12, 31))
                .set(T.aTimestamp, LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000))
                .set(T.aTimestamptz, OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 999_999_000, ZoneOffset.ofHoursMinutes(-9, -30)))
                .set(T.aUuid, uuid)
                .set(T.aBlob, bytes)
                .set(T.aJson, "{\"b\": 1,  \"a\": [1, 2.50, \"x\"]}")
                .set(T.aJsonb, "[]")
                .set(T.anEnum, Mood.SAD)).executeAndGetKey(T.id);

        Row row = db.select(T.anInt, T.aBigint, T.aSmallint, T.aVarchar, T.aChar, T.aText, T.aBool, T.aDecimal, T.aWideDecimal,
                T.aReal, T.aDouble, T.aDate, T.aTimestamp, T.aTimestamptz, T.aUuid, T.aBlob, T.aJson, T.aJsonb, T.anEnum)
                .from(T).where(T.id.eq(id)).fetchOne();
        assertThat(row.get(T.anInt)).isEqualTo(Integer.MIN_VALUE);
        assertThat(row.get(T.aBigint)).isEqualTo(Long.MAX_VALUE);
        assertThat(row.get(T.aSmallint)).isEqualTo(Short.MIN_VALUE);
        assertThat(row.get(T.aVarchar)).isEqualTo("It's \"quoted\" \\ back`tick 😀");
        assertThat(row.get(T.aChar)).isEqualTo("abc");
        assertThat(row.get(T.aText)).isEqualTo(text);
        assertThat(row.get(T.aBool)).isTrue();
        assertThat(row.get(T.aDecimal)).isEqualTo(new BigDecimal("-9999999999.99"));
        assertThat(row.get(T.aWideDecimal)).isEqualTo(wide);
        assertThat(row.get(T.aReal)).isEqualTo(Float.MAX_VALUE);
        assertThat(row.get(T.aDouble)).isEqualTo(Double.MIN_VALUE);
        assertThat(row.get(T.aDate)).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(row.get(T.aTimestamp)).isEqualTo(LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000));
        assertThat(row.get(T.aTimestamptz)).isEqualTo(OffsetDateTime.of(2038, 1, 19, 12, 44, 8, 999_999_000, ZoneOffset.UTC));
        assertThat(row.get(T.aUuid)).isEqualTo(uuid);
        assertThat(row.get(T.aBlob)).containsExactly(bytes);
        assertThat(row.get(T.anEnum)).isEqualTo(Mood.SAD);
        assertThat(row.get(T.aJsonb)).isEqualTo("[]");
        if (((MysqlDialect) db.dialect()).isMariaDb()) {
            // MariaDB keeps JSON as the text given (LONGTEXT with a JSON_VALID check)
            assertThat(row.get(T.aJson)).isEqualTo("{\"b\": 1,  \"a\": [1, 2.50, \"x\"]}");
        } else {
            // MySQL stores a binary form and returns it normalized: keys sorted, one space after ':' and ','
            assertThat(row.get(T.aJson)).isEqualTo("{\"a\": [1, 2.50, \"x\"], \"b\": 1}");
        }
        // stored forms: UUID in canonical lower case, TIMESTAMP WITH TIME ZONE as the UTC time, past 2038
        assertThat(storedText("a_uuid", id)).isEqualTo("2f1c7c9e-8a8b-4f4e-9a55-0d1b7f3a9c10");
        assertThat(storedText("a_timestamptz", id)).isEqualTo("2038-01-19 12:44:08.999999");
        assertThat(storedText("a_bool", id)).isEqualTo("1");
    }

    @Test
    void nullsOfEveryTypeReadAsNull() {
        int id = db.insertInto(T, r -> r.setNull(T.aBool)).executeAndGetKey(T.id);
        Row row = db.select(T.anInt, T.aBigint, T.aSmallint, T.aVarchar, T.aChar, T.aText, T.aBool, T.aDecimal, T.aReal,
                T.aDouble, T.aDate, T.aTimestamp, T.aTimestamptz, T.aUuid, T.aBlob, T.aJson, T.aJsonb, T.anEnum)
                .from(T).where(T.id.eq(id)).fetchOne();
        for (int i = 0; i < row.size(); i++) assertThat(row.get(i)).as("column %s", row.fields().get(i).name()).isNull();
    }

    @Test
    void floatsAndDoublesRoundTripBitForBitAndCompareEqual() {
        Random random = new Random(20_240_517);
        List<Float> reals = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            reals.add(Float.intBitsToFloat(random.nextInt()));
            doubles.add(Double.longBitsToDouble(random.nextLong()));
        }
        reals.replaceAll(f -> Float.isFinite(f) ? f : 1.0f);
        doubles.replaceAll(d -> Double.isFinite(d) ? d : 1.0);
        reals.addAll(List.of(3.1415927f, 16_777_217f, Float.MIN_VALUE, -Float.MAX_VALUE, 1.1f, 0.1f));
        doubles.addAll(List.of(Double.MAX_VALUE, -Double.MIN_VALUE, 0.1 + 0.2, 123456789.12345679, 1e-300));
        int n = Math.min(reals.size(), doubles.size());
        db.insertInto(T, IntStream.range(0, n).boxed().toList(), (r, i) -> r.set(T.anInt, i).set(T.aReal, reals.get(i))
                .set(T.aDouble, doubles.get(i))).execute();
        var rows = db.select(T.anInt, T.aReal, T.aDouble).from(T).orderBy(T.anInt).fetch();
        assertThat(rows).hasSize(n);
        for (Row row : rows) {
            int i = row.get(T.anInt);
            assertThat(Float.floatToIntBits(row.get(T.aReal))).as("float %s", reals.get(i)).isEqualTo(Float.floatToIntBits(reals.get(i)));
            assertThat(Double.doubleToLongBits(row.get(T.aDouble))).as("double %s", doubles.get(i))
                    .isEqualTo(Double.doubleToLongBits(doubles.get(i)));
        }
        int at = reals.indexOf(1.1f);
        assertThat(db.select(T.anInt).from(T).where(T.aReal.eq(1.1f)).fetch(r -> r.get(T.anInt))).contains(at);
        assertThat(db.select(T.anInt).from(T).where(T.aReal.eq(3.1415927f)).fetch(r -> r.get(T.anInt)))
                .containsExactly(reals.indexOf(3.1415927f));
    }

    @Test
    void dateTimesAreNeverShiftedByTheJvmZoneEvenInADaylightSavingGap() throws SQLException {
        TimeZone before = TimeZone.getDefault();
        // 2018-11-04 00:00 to 01:00 does not exist in Sao Paulo (clocks went forward)
        TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
        try (Database local = Database.connect(MyDatabases.url())) {
            LocalDateTime gap = LocalDateTime.of(2018, 11, 4, 0, 30, 15, 250_000_000);
            LocalDateTime julian = LocalDateTime.of(1582, 10, 10, 12, 0, 0, 123_456_000);
            LocalDateTime first = LocalDateTime.of(1, 1, 1, 0, 0);
            OffsetDateTime gapInstant = OffsetDateTime.of(2018, 11, 4, 0, 30, 0, 0, ZoneOffset.UTC);
            List<LocalDateTime> values = List.of(gap, julian, first);
            List<Integer> ids = local.insertInto(T, values, (r, v) -> r.set(T.aTimestamp, v).set(T.aDate, v.toLocalDate())
                    .set(T.aTimestamptz, gapInstant)).executeAndGetKeys(T.id);
            var rows = local.select(T.id, T.aTimestamp, T.aDate, T.aTimestamptz).from(T).orderBy(T.id).fetch();
            assertThat(rows).extracting(r -> r.get(T.aTimestamp)).containsExactly(gap, julian, first);
            assertThat(rows).extracting(r -> r.get(T.aDate)).containsExactly(gap.toLocalDate(), julian.toLocalDate(), first.toLocalDate());
            assertThat(rows).extracting(r -> r.get(T.aTimestamptz)).containsOnly(gapInstant);
            assertThat(storedText("a_timestamp", ids.get(0))).isEqualTo("2018-11-04 00:30:15.250000");
            assertThat(storedText("a_timestamp", ids.get(1))).isEqualTo("1582-10-10 12:00:00.123456");
            assertThat(local.select(T.id).from(T).where(T.aTimestamp.eq(gap)).fetch(r -> r.get(T.id))).containsExactly(ids.get(0));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void fractionsBelowAMicrosecondAreCutOffNotRounded() throws SQLException {
        LocalDateTime almostMidnight = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_999);
        int id = db.insertInto(T, r -> r.set(T.aTimestamp, almostMidnight)).executeAndGetKey(T.id);
        assertThat(db.select(T.aTimestamp).from(T).where(T.id.eq(id)).fetchValue(T.aTimestamp))
                .isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(storedText("a_timestamp", id)).isEqualTo("1999-12-31 23:59:59.999999");
    }

    @Test
    void timestampsWithAnOffsetAreStoredAsTheUtcInstantAndReadBackInUtc() throws SQLException {
        OffsetDateTime east = OffsetDateTime.of(2006, 2, 15, 4, 34, 33, 500_000_000, ZoneOffset.ofHours(14));
        OffsetDateTime west = OffsetDateTime.of(2006, 2, 14, 4, 34, 33, 500_000_000, ZoneOffset.ofHours(-10));
        List<Integer> ids = db.insertInto(T, List.of(east, west), (r, v) -> r.set(T.aTimestamptz, v)).executeAndGetKeys(T.id);
        assertThat(east.toInstant()).isEqualTo(west.toInstant());
        assertThat(storedText("a_timestamptz", ids.get(0))).isEqualTo("2006-02-14 14:34:33.500000");
        assertThat(storedText("a_timestamptz", ids.get(1))).isEqualTo("2006-02-14 14:34:33.500000");
        assertThat(db.select(T.aTimestamptz).from(T).fetch(r -> r.get(T.aTimestamptz)))
                .containsOnly(OffsetDateTime.of(2006, 2, 14, 14, 34, 33, 500_000_000, ZoneOffset.UTC));
        assertThat(db.select(T.id).from(T).where(T.aTimestamptz.eq(east)).fetch(r -> r.get(T.id))).hasSize(2);
    }

    @Test
    void booleansAreTinyintOneAndCompare() {
        db.insertInto(T, java.util.Arrays.asList(true, false, null), (r, b) -> r.set(T.aBool, b)).execute();
        assertThat(db.select(T.aBool).from(T).orderBy(T.id).fetch(r -> r.get(T.aBool))).containsExactly(true, false, null);
        assertThat(db.select(T.aBool).from(T).where(T.aBool.eq(false)).fetch(r -> r.get(T.aBool))).containsExactly(false);
    }

    @Test
    void textComparisonIsCaseSensitiveAndByCodePoint() {
        db.insertInto(T, List.of("b", "B", "a", "A", "é"), (r, s) -> r.set(T.aVarchar, s)).execute();
        assertThat(db.select(T.aVarchar).from(T).where(T.aVarchar.eq("a")).fetch(r -> r.get(T.aVarchar))).containsExactly("a");
        assertThat(db.select(T.aVarchar).from(T).where(T.aVarchar.like("%b")).fetch(r -> r.get(T.aVarchar))).containsExactly("b");
        assertThat(db.select(T.aVarchar).from(T).orderBy(T.aVarchar).fetch(r -> r.get(T.aVarchar))).containsExactly("A", "B", "a", "b", "é");
    }

    @Test
    void invalidJsonIsRefusedByTheServer() {
        assertThatThrownBy(() -> db.insertInto(T, r -> r.set(T.aJson, "{not json")).execute())
                .satisfies(e -> {
                    if (((MysqlDialect) db.dialect()).isMariaDb()) {
                        // MariaDB: JSON is LONGTEXT with CHECK (json_valid(a_json)), error 4025
                        assertThat(e).isInstanceOf(CheckViolationException.class);
                        assertThat(((CheckViolationException) e).sqlState()).isEqualTo("23000");
                    } else {
                        // MySQL: error 3140, ER_INVALID_JSON_TEXT
                        assertThat(e).isInstanceOf(dev.quarry.dsl.DataAccessException.class);
                    }
                });
        assertThat(db.select(dev.quarry.dsl.Dsl.count()).from(T).fetchValue(dev.quarry.dsl.Dsl.count())).isZero();
    }

    @Test
    void arraysAreNotSupported() {
        assertThatThrownBy(() -> db.dialect().binding(DataType.array(DataType.integer())))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The " + db.dialect().name() + " dialect does not support ARRAY values (INTEGER ARRAY)");
    }
}
