package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.Objects;

/**
 * One ORDER BY item: a field, a direction and where NULLs go. Immutable.
 *
 * @param field the sort key
 * @param descending true for DESC
 * @param nullsAtStart true for NULLS FIRST, false for NULLS LAST, null for the database's default
 *                   (NULLs sort first ascending on SQLite and MySQL, last on PostgreSQL)
 * @param <T> the field's type
 */
public record SortField<T>(Field<T> field, boolean descending, Boolean nullsAtStart) implements OrderField, CacheKeyed {
    /**
     * @param field the sort key
     * @param descending true for DESC
     * @param nullsAtStart true for NULLS FIRST, false for NULLS LAST, null for the database's default
     * @throws NullPointerException if {@code field} is null
     */
    public SortField {
        Objects.requireNonNull(field, "field");
    }

    /** @return the same item with NULLs sorted before all other values */
    public SortField<T> nullsFirst() { return new SortField<>(field, descending, true); }

    /** @return the same item with NULLs sorted after all other values */
    public SortField<T> nullsLast() { return new SortField<>(field, descending, false); }

    @Override
    public SortField<?> toSortField() { return this; }

    @Override
    public void renderTo(SqlBuilder b) {
        if (field instanceof AliasedField<?> a) {
            b.renderer().aliasSortItem(b, a.reference(), a.field(), descending, nullsAtStart);
        } else {
            b.renderer().sortItem(b, field, descending, nullsAtStart);
        }
    }

    // ---- compiled-SQL cache ----

    /**
     * Adds this sort item to the compiled-SQL cache's key: direction, NULLS placement and the sorted
     * expression (for an alias, the alias and its expression, which some dialects repeat).
     *
     * @param key the key being built
     */
    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(SortField.class).add(descending).add(nullsAtStart);
        if (field instanceof AliasedField<?> a) key.add("alias").add(a.alias()).visit(a.field());
        else key.visit(field);
    }
}
