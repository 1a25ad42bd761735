package dev.quarry.postgres;

import dev.quarry.dsl.DataException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.Row;
import dev.quarry.postgres.PgTables.Doc;
import dev.quarry.postgres.PgTables.Mood;
import dev.quarry.schema.Ddl;
import dev.quarry.testkit.KitTables.AllTypes;
import dev.quarry.testkit.KitTables.Author;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL's native types through the dialect's bindings, on a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTypesTest {
    private static final Doc D = Doc.DOC;
    private static final AllTypes T = AllTypes.ALL_TYPES;
    private static final Author A = Author.AUTHOR;

    private Database db;

    @BeforeAll
    void open() {
        db = PgServer.open("quarry_pg_types");
        Ddl.drop(db, D, T, A);
    }

    @BeforeEach
    void create() {
        Ddl.create(db, D, T, A);
    }

    @AfterEach
    void drop() {
        Ddl.drop(db, D, T, A);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @Test
    void connectPicksThePostgresDialect() {
        assertThat(db.dialect()).isInstanceOf(PostgresDialect.class);
    }

    @Test
    void columnsHaveTheNativeTypes() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name, format_type(atttypid, atttypmod) FROM information_schema.columns "
                     + "JOIN pg_attribute ON attrelid = 'qk_all_types'::regclass AND attname = column_name "
                     + "WHERE table_schema = current_schema() AND table_name = 'qk_all_types' ORDER BY ordinal_position")) {
            while (rs.next()) types.put(rs.getString(1), rs.getString(2));
        }
        assertThat(types).containsExactly(
                Map.entry("id", "integer"), Map.entry("an_int", "integer"), Map.entry("a_bigint", "bigint"),
                Map.entry("a_smallint", "smallint"), Map.entry("a_varchar", "character varying(40)"),
                Map.entry("a_char", "character(3)"), Map.entry("a_text", "text"), Map.entry("a_bool", "boolean"),
                Map.entry("a_decimal", "numeric(12,2)"), Map.entry("a_real", "real"), Map.entry("a_double", "double precision"),
                Map.entry("a_date", "date"), Map.entry("a_timestamp", "timestamp(6) without time zone"),
                Map.entry("a_timestamptz", "timestamp(6) with time zone"), Map.entry("a_uuid", "uuid"),
                Map.entry("a_blob", "bytea"), Map.entry("an_enum", "character varying(5)"));
    }

    @Test
    void jsonKeepsTheTextAndJsonbNormalizesIt() {
        String text = "{\"b\": 1,  \"a\": [true, null], \"a\": \"dup\"}";
        int id = db.insertInto(D, r -> r.set(D.j, text).set(D.jb, text)).executeAndGetKey(D.id);
        Row row = db.select(D.j, D.jb).from(D).where(D.id.eq(id)).fetchOne();
        assertThat(row.get(D.j)).isEqualTo(text);
        assertThat(row.get(D.jb)).isEqualTo("{\"a\": \"dup\", \"b\": 1}");
        // a jsonb parameter compares as jsonb, whatever its spacing and key order
        assertThat(db.select(count()).from(D).where(D.jb.eq("{\"b\":1,\"a\":\"dup\"}")).fetchValue(count())).isEqualTo(1L);
        int nulls = db.insertInto(D, r -> r.setNull(D.j).setNull(D.jb)).executeAndGetKey(D.id);
        Row empty = db.select(D.j, D.jb).from(D).where(D.id.eq(nulls)).fetchOne();
        assertThat(empty.get(D.j)).isNull();
        assertThat(empty.get(D.jb)).isNull();
        assertThatThrownBy(() -> db.insertInto(D, r -> r.set(D.jb, "{not json")).execute())
                .isInstanceOfSatisfying(dev.quarry.dsl.DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("22P02"));
    }

    @Test
    void arraysOfEveryElementTypeRoundTripWithNullElements() {
        LocalDateTime ts = LocalDateTime.of(2005, 5, 24, 22, 53, 30, 123_456_000);
        OffsetDateTime tstz = OffsetDateTime.of(2006, 2, 15, 4, 34, 33, 500_000_000, ZoneOffset.ofHours(-5));
        UUID uuid = UUID.fromString("2f1c7c9e-8a8b-4f4e-9a55-0d1b7f3a9c10");
        List<String> awkward = Arrays.asList("plain", "", null, "NULL", "with,comma", "{braces}", "quote\"s", "back\\slash",
                " spaced ", "ünïcödé ☃", "it's");
        int id = db.insertInto(D, r -> r
                .set(D.ints, Arrays.asList(1, null, Integer.MIN_VALUE))
                .set(D.longs, Arrays.asList(Long.MAX_VALUE, null))
                .set(D.shorts, Arrays.asList((short) -1, null))
                .set(D.texts, awkward)
                .set(D.varchars, Arrays.asList("a", null))
                .set(D.bools, Arrays.asList(true, null, false))
                .set(D.decimals, Arrays.asList(new BigDecimal("12345.678"), null, new BigDecimal("1E+2")))
                .set(D.reals, Arrays.asList(1.5f, null, Float.MAX_VALUE))
                .set(D.doubles, Arrays.asList(0.1 + 0.2, null, -Double.MAX_VALUE))
                .set(D.dates, Arrays.asList(LocalDate.of(1999, 12, 31), null))
                .set(D.stamps, Arrays.asList(ts, null, LocalDateTime.of(2000, 1, 1, 0, 0)))
                .set(D.stampsTz, Arrays.asList(tstz, null, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .set(D.uuids, Arrays.asList(uuid, null))
                .set(D.blobs, Arrays.asList(new byte[] {0, (byte) 0xff, 92, 34}, null, new byte[0]))
                .set(D.moods, Arrays.asList(Mood.SO_SO, null, Mood.HAPPY))
                .set(D.jsons, Arrays.asList("{\"k\": [1, \"x\\\"y\"]}", null))).executeAndGetKey(D.id);

        Row row = db.select(D.ints, D.longs, D.shorts, D.texts, D.varchars, D.bools, D.decimals, D.reals, D.doubles, D.dates,
                D.stamps, D.stampsTz, D.uuids, D.blobs, D.moods, D.jsons).from(D).where(D.id.eq(id)).fetchOne();
        assertThat(row.get(D.ints)).containsExactly(1, null, Integer.MIN_VALUE);
        assertThat(row.get(D.longs)).containsExactly(Long.MAX_VALUE, null);
        assertThat(row.get(D.shorts)).containsExactly((short) -1, null);
        assertThat(row.get(D.texts)).isEqualTo(awkward);
        assertThat(row.get(D.varchars)).containsExactly("a", null);
        assertThat(row.get(D.bools)).containsExactly(true, null, false);
        assertThat(row.get(D.decimals)).containsExactly(new BigDecimal("12345.678"), null, new BigDecimal("100.000"));
        assertThat(row.get(D.reals)).containsExactly(1.5f, null, Float.MAX_VALUE);
        assertThat(row.get(D.doubles)).containsExactly(0.1 + 0.2, null, -Double.MAX_VALUE);
        assertThat(row.get(D.dates)).containsExactly(LocalDate.of(1999, 12, 31), null);
        assertThat(row.get(D.stamps)).containsExactly(ts, null, LocalDateTime.of(2000, 1, 1, 0, 0));
        assertThat(row.get(D.stampsTz).get(0).toInstant()).isEqualTo(tstz.toInstant());
        assertThat(row.get(D.stampsTz).get(1)).isNull();
        assertThat(row.get(D.stampsTz).get(2)).isEqualTo(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(row.get(D.uuids)).containsExactly(uuid, null);
        assertThat(row.get(D.blobs)).hasSize(3);
        assertThat(row.get(D.blobs).get(0)).containsExactly(0, 0xff, 92, 34);
        assertThat(row.get(D.blobs).get(1)).isNull();
        assertThat(row.get(D.blobs).get(2)).isEmpty();
        assertThat(row.get(D.moods)).containsExactly(Mood.SO_SO, null, Mood.HAPPY);
        assertThat(row.get(D.jsons)).containsExactly("{\"k\": [1, \"x\\\"y\"]}", null);
        assertThatThrownBy(() -> row.get(D.ints).add(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyAndNullArraysDiffer() {
        int empty = db.insertInto(D, r -> r.set(D.ints, List.of()).set(D.texts, List.of())).executeAndGetKey(D.id);
        int none = db.insertInto(D, r -> r.setNull(D.ints).setNull(D.texts)).executeAndGetKey(D.id);
        assertThat(db.select(D.ints).from(D).where(D.id.eq(empty)).fetchValue(D.ints)).isEmpty();
        assertThat(db.select(D.texts).from(D).where(D.id.eq(empty)).fetchValue(D.texts)).isEmpty();
        assertThat(db.select(D.ints).from(D).where(D.id.eq(none)).fetchValue(D.ints)).isNull();
        assertThat(db.select(count()).from(D).where(D.ints.isNull()).fetchValue(count())).isEqualTo(1L);
    }

    @Test
    void arraysCompareAsArraysInConditionsAndUpdates() {
        db.insertInto(D, List.of(List.of(1, 2), List.of(3)), (r, v) -> r.set(D.ints, v)).execute();
        assertThat(db.select(count()).from(D).where(D.ints.eq(List.of(1, 2))).fetchValue(count())).isEqualTo(1L);
        assertThat(db.update(D).set(D.ints, Arrays.asList(9, null)).where(D.ints.eq(List.of(3))).execute()).isEqualTo(1);
        assertThat(db.select(D.ints).from(D).where(D.ints.ne(List.of(1, 2))).fetchValue(D.ints)).containsExactly(9, null);
    }

    @Test
    void ddlDefaultsOfArraysBytesExtremeDoublesAndTheCurrentTimestamp() {
        LocalDateTime before = LocalDateTime.now().minusMinutes(1);
        int id = db.insertInto(D, r -> r.setNull(D.j)).executeAndGetKey(D.id);
        Row row = db.select(D.tags, D.bytes, D.big, D.created).from(D).where(D.id.eq(id)).fetchOne();
        assertThat(row.get(D.tags)).containsExactly("new", "a \"quoted\" \\ tag");
        assertThat(row.get(D.bytes)).containsExactly(1, 0xab);
        assertThat(row.get(D.big)).isEqualTo(-Double.MAX_VALUE);
        assertThat(row.get(D.created)).isBetween(before, LocalDateTime.now().plusMinutes(1));
        LocalDateTime now = db.select(Dsl.currentTimestamp()).fetchValue(Dsl.currentTimestamp());
        assertThat(Duration.between(now, LocalDateTime.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void charIsReadBlankPaddedAndComparesWithoutTheBlanks() {
        int id = db.insertInto(D, r -> r.set(D.padded, "ab")).executeAndGetKey(D.id);
        assertThat(db.select(D.padded).from(D).where(D.id.eq(id)).fetchValue(D.padded)).isEqualTo("ab   ");
        assertThat(db.select(count()).from(D).where(D.padded.eq("ab")).fetchValue(count())).isEqualTo(1L);
        assertThat(db.select(count()).from(D).where(D.padded.eq("ab   ")).fetchValue(count())).isEqualTo(1L);
    }

    @Test
    void realIsSinglePrecision() {
        List<Float> values = List.of(1.1f, Float.MAX_VALUE, Float.MIN_NORMAL, -0.0f, -Float.MAX_VALUE);
        db.insertInto(D, values, (r, v) -> r.set(D.ratio, v)).execute();
        assertThat(db.select(D.ratio).from(D).orderBy(D.id.asc()).fetch(r -> r.get(D.ratio))).containsExactlyElementsOf(values);
        assertThat(db.select(count()).from(D).where(D.ratio.eq(1.1f)).fetchValue(count())).isEqualTo(1L);
    }

    @Test
    void nanAndInfinitiesAreRefusedAlthoughPostgresqlStoresThem() {
        // MariaDB stores neither and SQLite turns NaN into NULL, so Quarry refuses them on every dialect (22003)
        assertThatThrownBy(() -> db.insertInto(D, r -> r.set(D.ratio, Float.NaN)).execute())
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"))
                .hasMessageStartingWith("INSERT INTO qp_doc: column qp_doc.ratio (REAL): NaN");
        assertThatThrownBy(() -> db.insertInto(D, r -> r.set(D.doubles, Arrays.asList(1.0, Double.POSITIVE_INFINITY))).execute())
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"))
                .hasMessageStartingWith("INSERT INTO qp_doc: column qp_doc.doubles (DOUBLE ARRAY): Infinity");
        assertThatThrownBy(() -> db.select(D.id).from(D).where(D.ratio.lt(Float.POSITIVE_INFINITY)).fetch())
                .isInstanceOf(DataException.class);
        // a NaN another program stored is not returned either
        db.execute(new dev.quarry.dsl.Rendered("INSERT INTO qp_doc (ratio) VALUES ('NaN')", List.of(), List.of()));
        assertThatThrownBy(() -> db.select(D.ratio).from(D).fetch())
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"))
                .hasMessageStartingWith("column qp_doc.ratio (REAL): the database returned NaN or an infinity for a REAL");
        assertThat(db.select(count()).from(D).fetchValue(count())).isEqualTo(1L);
    }

    @Test
    void timestampsKeepMicrosecondsAndTimestamptzKeepsTheInstant() {
        LocalDateTime nanos = LocalDateTime.of(2005, 5, 24, 22, 53, 30, 123_456_789);
        OffsetDateTime tstz = OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(5, 30));
        LocalDateTime far = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
        int id = db.insertInto(T, r -> r.set(T.aTimestamp, nanos).set(T.aTimestamptz, tstz).set(T.aDate, LocalDate.of(1, 1, 1))).executeAndGetKey(T.id);
        int farId = db.insertInto(T, r -> r.set(T.aTimestamp, far)).executeAndGetKey(T.id);
        Row row = db.select(T.aTimestamp, T.aTimestamptz, T.aDate).from(T).where(T.id.eq(id)).fetchOne();
        assertThat(row.get(T.aTimestamp)).isEqualTo(LocalDateTime.of(2005, 5, 24, 22, 53, 30, 123_457_000));
        assertThat(row.get(T.aTimestamptz).toInstant()).isEqualTo(tstz.toInstant());
        assertThat(row.get(T.aTimestamptz).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(row.get(T.aDate)).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(db.select(T.aTimestamp).from(T).where(T.id.eq(farId)).fetchValue(T.aTimestamp)).isEqualTo(far);
        assertThat(db.select(count()).from(T).where(T.aTimestamptz.eq(tstz.withOffsetSameInstant(ZoneOffset.UTC))).fetchValue(count())).isEqualTo(1L);
    }

    @Test
    void upsertAndReturning() {
        int id = db.insertInto(A, r -> r.set(A.name, "Austen").set(A.born, 1)).executeAndGetKey(A.authorId);
        assertThat(db.insertInto(A, r -> r.set(A.name, "Austen").set(A.born, 2)).onConflict(A.name).doNothing().execute()).isZero();
        var updated = db.insertInto(A, r -> r.set(A.name, "Austen").set(A.born, 1775)).onConflict(A.name)
                .doUpdate(set -> set.set(A.born, Dsl.excluded(A.born))).returning(A.authorId, A.born).fetch();
        assertThat(updated).singleElement().satisfies(r -> {
            assertThat(r.get(A.authorId)).isEqualTo(id);
            assertThat(r.get(A.born)).isEqualTo(1775);
        });
        var deleted = db.deleteFrom(A).where(A.authorId.eq(id)).returning(A.name).fetch();
        assertThat(deleted).singleElement().satisfies(r -> assertThat(r.get(A.name)).isEqualTo("Austen"));
    }

    @Test
    void oneStatementCarriesUpTo65535Binds() {
        int columns = 5;
        int rows = 65_535 / columns;
        List<Integer> items = IntStream.range(0, rows).boxed().toList();
        Insert full = db.insertInto(T, items, (r, i) -> r.set(T.anInt, i).set(T.aBigint, (long) i).set(T.aSmallint, (short) 1)
                .set(T.aVarchar, "v").set(T.aBool, true));
        assertThat(full.renderChunks(db.dialect())).singleElement().satisfies(r -> assertThat(r.binds()).hasSize(65_535));
        assertThat(full.execute()).isEqualTo(rows);
        List<Integer> more = IntStream.range(0, rows + 1).boxed().toList();
        Insert split = db.insertInto(T, more, (r, i) -> r.set(T.anInt, i).set(T.aBigint, (long) i).set(T.aSmallint, (short) 1)
                .set(T.aVarchar, "v").set(T.aBool, true));
        assertThat(split.renderChunks(db.dialect())).hasSize(2);
        assertThat(split.execute()).isEqualTo(rows + 1);
        assertThat(db.select(count()).from(T).fetchValue(count())).isEqualTo(2L * rows + 1);
    }
}
