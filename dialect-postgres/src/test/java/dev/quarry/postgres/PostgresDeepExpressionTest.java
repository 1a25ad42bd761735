package dev.quarry.postgres;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Record1;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.testkit.DeepExpressionSuite;
import dev.quarry.testkit.KitTables.AllTypes;
import dev.quarry.testkit.KitTables.Rating;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deep and huge statement suite on PostgreSQL 15, in its own schema: an IN list longer than 1,024
 * values is one array parameter, {@code = ANY(?)}; plus that this works for every element type.
 */
class PostgresDeepExpressionTest extends DeepExpressionSuite {
    private static final AllTypes T = AllTypes.ALL_TYPES;
    private static final int LONG = SqlBuilder.MAX_PADDED_IN_LIST + 1;

    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_deep");
    }

    @Override
    protected int expectedMaxBindParameters() {
        return 65_535;
    }

    @Override
    protected boolean longInListsAreOneArray() {
        return true;
    }

    /** Row 2's value, then LONG - 1 values that match no row (made by {@code other}). */
    private static <V> List<V> listWith(V value, IntFunction<V> other) {
        List<V> list = new ArrayList<>(LONG);
        list.add(value);
        for (int i = 1; i < LONG; i++) list.add(other.apply(i));
        return list;
    }

    private <V> void assertInAndNotIn(Field<V> column, V second, IntFunction<V> other) {
        List<V> list = listWith(second, other);
        assertThat(ids(column.in(list))).as("%s = ANY(?)", column.name()).containsExactly(2);
        assertThat(ids(column.notIn(list))).as("%s <> ALL(?)", column.name()).containsExactly(1, 3);
    }

    private List<Integer> ids(Condition where) {
        return db.select(T.id).from(T).where(where).orderBy(T.id.asc()).fetch().stream().map(Record1::value1).toList();
    }

    @Test
    void everyElementTypeWorksAsAnArrayParameter() {
        for (int row = 1; row <= 3; row++) {
            int r = row;
            db.insertInto(T, x -> x.set(T.anInt, r).set(T.aBigint, 10_000_000_000L + r).set(T.aSmallint, (short) r)
                    .set(T.aVarchar, "v" + r).set(T.aChar, "c" + r).set(T.aText, "t'" + r).set(T.aBool, r == 2)
                    .set(T.aDecimal, new BigDecimal(r + ".25")).set(T.aReal, r + 0.5f).set(T.aDouble, r + 0.125)
                    .set(T.aDate, LocalDate.of(2024, 2, 26 + r)).set(T.aTimestamp, LocalDateTime.of(2024, 1, 1, 10, r, 0, 123_456_000))
                    .set(T.aTimestamptz, OffsetDateTime.of(2024, 1, 1, 10, r, 0, 0, ZoneOffset.ofHours(2)))
                    .set(T.aUuid, new UUID(r, r)).set(T.aBlob, new byte[] {0, (byte) r, (byte) 0xff})
                    .set(T.anEnum, Rating.values()[r - 1])).execute();
        }
        assertInAndNotIn(T.anInt, 2, i -> -i);
        assertInAndNotIn(T.aBigint, 10_000_000_002L, i -> (long) -i);
        assertInAndNotIn(T.aSmallint, (short) 2, i -> (short) -i);
        assertInAndNotIn(T.aVarchar, "v2", i -> "x" + i);
        assertInAndNotIn(T.aChar, "c2", i -> "y" + (i % 100));
        assertInAndNotIn(T.aText, "t'2", i -> "{\"," + i + "}");
        assertInAndNotIn(T.aDecimal, new BigDecimal("2.25"), i -> new BigDecimal(i).negate());
        assertInAndNotIn(T.aReal, 2.5f, i -> (float) -i);
        assertInAndNotIn(T.aDouble, 2.125, i -> (double) -i);
        assertInAndNotIn(T.aDate, LocalDate.of(2024, 2, 28), i -> LocalDate.of(1900, 1, 1).plusDays(i));
        assertInAndNotIn(T.aTimestamp, LocalDateTime.of(2024, 1, 1, 10, 2, 0, 123_456_000), i -> LocalDateTime.of(1999, 1, 1, 0, 0).plusSeconds(i));
        assertInAndNotIn(T.aTimestamptz, OffsetDateTime.of(2024, 1, 1, 8, 2, 0, 0, ZoneOffset.UTC),
                i -> OffsetDateTime.of(1999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i));
        assertInAndNotIn(T.aUuid, new UUID(2, 2), i -> new UUID(-i, i));
        assertInAndNotIn(T.aBlob, new byte[] {0, 2, (byte) 0xff}, i -> new byte[] {(byte) i, (byte) (i >> 8)});
        // enum labels travel as varchar; a list longer than the enum is repetition
        assertThat(ids(T.anEnum.in(Collections.nCopies(LONG, Rating.PG13)))).containsExactly(2);
        assertThat(ids(T.anEnum.notIn(Collections.nCopies(LONG, Rating.PG13)))).containsExactly(1, 3);
        assertThat(ids(T.aBool.in(Collections.nCopies(LONG, true)))).containsExactly(2);
        assertThat(ids(T.aBool.notIn(Collections.nCopies(LONG, true)))).containsExactly(1, 3);
    }
}
