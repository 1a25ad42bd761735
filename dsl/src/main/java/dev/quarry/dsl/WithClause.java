package dev.quarry.dsl;

import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.StatementKind;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The WITH clause of one statement: its CTE definitions in order, and whether it is WITH RECURSIVE.
 * Renders the definitions, comma-separated, and declares each CTE to the builder for the rest of the
 * statement: in a plain WITH a CTE sees those listed before it, in WITH RECURSIVE all of them.
 */
record WithClause(List<Cte> ctes, boolean recursive) implements QueryPart {
    static WithClause of(Cte[] ctes, boolean recursive) {
        String with = recursive ? "withRecursive" : "with";
        if (ctes == null || ctes.length == 0) throw new IllegalArgumentException(with + "() needs at least one CTE");
        Set<String> names = new HashSet<>();
        for (Cte c : ctes) {
            if (c == null) throw new IllegalArgumentException(with + "(...) got a null CTE");
            if (c.definition() != c) {
                throw new IllegalArgumentException(with + "(...) got the aliased reference " + c.name() + " AS " + c.alias()
                        + "; declare the CTE itself");
            }
            if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(with + "(...) declares two CTEs named " + c.name());
            }
            if (c.isRecursive() && !recursive) {
                throw new IllegalArgumentException("CTE " + c.name() + " refers to itself: start the statement with withRecursive(...)");
            }
        }
        return new WithClause(List.of(ctes), recursive);
    }

    /**
     * Renders the clause through the dialect's hook, which may refuse WITH for the statement kind.
     *
     * @param b the builder
     * @param kind the statement
     */
    void render(SqlBuilder b, StatementKind kind) {
        b.renderer().with(b, kind, recursive, this);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        if (recursive) {
            for (Cte c : ctes) b.declareCte(c);
        }
        for (int i = 0; i < ctes.size(); i++) {
            if (i > 0) b.append(", ");
            ctes.get(i).renderDefinition(b);
            if (!recursive) b.declareCte(ctes.get(i));
        }
    }
}
