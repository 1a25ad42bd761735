package dev.quarry.testkit;

import dev.quarry.dsl.Cte;
import dev.quarry.dsl.CteColumn;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Record2;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.With;

import java.util.function.Function;

import static dev.quarry.dsl.Dsl.concat;
import static dev.quarry.dsl.Dsl.cte;
import static dev.quarry.dsl.Dsl.select;
import static dev.quarry.dsl.Dsl.value;

/**
 * A query that generates rows in the database, for streaming tests of any size without a table: a
 * recursive CTE {@code n(i)} counts 1 .. side, and the CTE crossed with itself gives side² rows
 * {@code (id, 'row ' || id)} with the ids 1 .. side², in no particular order. Portable to SQLite,
 * PostgreSQL and MariaDB/MySQL: MariaDB stops a recursion after {@code max_recursive_iterations} (1,000 by
 * default) rounds, so the recursion stays at most 1,000 deep and the square does the rest.
 */
public final class GeneratedRows {
    /** The counter column of the CTE. */
    private static final CteColumn<Integer> I = CteColumn.of("i", DataType.integer());

    private GeneratedRows() {}

    /**
     * @param session where the query runs
     * @param side the square root of the number of rows, 1 .. 1,000
     * @return {@code SELECT id, label} over side² generated rows, attached to the session
     * @throws IllegalArgumentException if side is out of range
     */
    public static Select<Record2<Integer, String>> square(Session session, int side) {
        return build(side, session::withRecursive);
    }

    /**
     * @param side the square root of the number of rows, 1 .. 1,000
     * @return the same query, detached: it renders, and runs through {@code session.fetchLazy(select, n)}
     * @throws IllegalArgumentException if side is out of range
     */
    public static Select<Record2<Integer, String>> square(int side) {
        return build(side, Dsl::withRecursive);
    }

    private static Select<Record2<Integer, String>> build(int side, Function<Cte[], With> withRecursive) {
        if (side < 1 || side > 1_000) throw new IllegalArgumentException("side " + side + " is not in 1 .. 1000");
        Cte n = cte("n", I).asRecursive(select(value(1)), self -> select(self.field(I).plus(1)).from(self).where(self.field(I).lt(side)));
        Cte a = n.as("a");
        Cte b = n.as("b");
        Field<Integer> id = a.field(I).minus(1).times(side).plus(b.field(I));
        return withRecursive.apply(new Cte[] {n}).select(id.as("id"), concat(value("row "), id.cast(DataType.varchar(20))).as("label"))
                .from(a).crossJoin(b);
    }
}
