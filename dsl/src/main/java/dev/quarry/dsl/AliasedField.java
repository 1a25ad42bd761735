package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;

/**
 * A field with a result-column alias. In the select list it renders {@code expr AS "alias"}; in ORDER BY
 * it renders as a reference to the alias; anywhere else (WHERE, GROUP BY, HAVING, where standard SQL
 * and PostgreSQL do not see select-list aliases) it renders the aliased expression itself.
 */
record AliasedField<T>(Field<T> field, String alias) implements Field<T>, CacheKeyed {
    AliasedField {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("alias of " + Param.describe(field) + " must not be blank");
        }
        if (field instanceof AliasedField<?> a) field = (Field<T>) unwrap(a);
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> unwrap(AliasedField<?> a) {
        return (Field<T>) a.field;
    }

    @Override
    public DataType<T> type() { return field.type(); }

    @Override
    public String name() { return alias; }

    QueryPart reference() {
        return b -> b.identifier(alias);
    }

    void renderDeclaration(SqlBuilder b) {
        b.visit(field).append(" AS ").identifier(alias);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.visit(field);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(AliasedField.class).add(alias).visit(field);
    }

    /** The key of {@link #renderDeclaration}: the expression and its alias. */
    void appendDeclarationKey(CacheKey key) {
        key.add("AS").add(alias).visit(field);
    }
}
