package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the join condition that a declared foreign key gives between a joined table and the tables
 * already in a query, in either direction. Aliased tables match the table they alias (same class and
 * name); their columns are matched by name.
 */
final class ForeignKeyJoin {
    private ForeignKeyJoin() {}

    /** One way to join: {@code referencing = referenced}. */
    private record Candidate(TableField<?> referencing, TableField<?> referenced) {
        String describe() {
            return referencing.qualifiedName() + " -> " + referenced.qualifiedName();
        }
    }

    /**
     * @param inQuery the tables of the query before the join
     * @param joined the joined table
     * @param via the referencing column to follow, or null for the only foreign key there is
     * @param kind the join keyword, for messages
     * @return {@code referencing = referenced}
     * @throws IllegalArgumentException if no foreign key, or several, link the joined table to the query
     *         (or {@code via} does not)
     */
    static Condition condition(List<TableLike> inQuery, TableLike joined, TableField<?> via, String kind) {
        List<Candidate> candidates = new ArrayList<>();
        for (TableField<?> c : joined.fields()) {
            TableField<?> target = c.referencedColumn().orElse(null);
            if (target == null) continue;
            for (TableLike t : inQuery) {
                if (same(t, target.table())) candidates.add(new Candidate(c, columnNamed(t, target.name())));
            }
        }
        for (TableLike t : inQuery) {
            for (TableField<?> c : t.fields()) {
                TableField<?> target = c.referencedColumn().orElse(null);
                if (target != null && same(joined, target.table())) {
                    candidates.add(new Candidate(c, columnNamed(joined, target.name())));
                }
            }
        }
        String tables = inQuery.stream().map(SqlBuilder::describe).collect(Collectors.joining(", "));
        String what = kind + " " + SqlBuilder.describe(joined) + " ON its foreign key";
        if (via != null) {
            List<Candidate> chosen = candidates.stream().filter(c -> c.referencing() == via).toList();
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException(what + " " + via.qualifiedName() + ": that column declares no foreign key between "
                        + SqlBuilder.describe(joined) + " and the tables of the query (" + tables + ")"
                        + (candidates.isEmpty() ? "" : "; the foreign keys there are: " + describe(candidates)));
            }
            candidates = chosen;
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(what + ": no declared foreign key links " + SqlBuilder.describe(joined)
                    + " and the tables of the query (" + tables + "); write the condition with on(...)");
        }
        if (candidates.size() > 1) {
            throw new IllegalArgumentException(what + " is ambiguous: " + SqlBuilder.describe(joined) + " and the tables of the query ("
                    + tables + ") are linked by " + describe(candidates) + "; name the referencing column with onForeignKey(column)");
        }
        return equal(candidates.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Condition equal(Candidate c) {
        return ((Field<Object>) c.referencing()).eq((Field<Object>) c.referenced());
    }

    private static String describe(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::describe).collect(Collectors.joining(", "));
    }

    /** Whether {@code t} is {@code declared} or an alias of it. */
    private static boolean same(TableLike t, TableLike declared) {
        if (t == declared) return true;
        return !(t instanceof DerivedTable) && !(t instanceof Cte) && t.getClass() == declared.getClass()
                && t.name().equals(declared.name());
    }

    private static TableField<?> columnNamed(TableLike t, String name) {
        for (TableField<?> c : t.fields()) {
            if (c.name().equals(name)) return c;
        }
        throw new IllegalStateException("table " + SqlBuilder.describe(t) + " has no column " + name);
    }
}
