package dev.quarry.dsl.spi;

/**
 * A {@link QueryPart} whose SQL may be cached by its structure: it can describe, without rendering,
 * everything that changes the SQL it renders. This is the opt-in of the compiled-SQL cache
 * ({@code dev.quarry.dsl.RenderCache}); a node that does not implement it makes its statement fall back
 * to full rendering every time, which is always correct.
 *
 * <p>The contract, for a node from any module: {@link #appendCacheKey(CacheKey)} must add to the key
 * every input of its {@link QueryPart#renderTo(SqlBuilder)} that can change the SQL text (keywords,
 * operators, identifiers, aliases, flags, data types, values it or a renderer hook may inline as
 * literals), visit its children with {@link CacheKey#visit(QueryPart)} in any fixed order, and hand each
 * value it binds to the key as a slot ({@link CacheKey#slot}, {@link CacheKey#rawSlot},
 * {@link CacheKey#keyedSlot}) instead of adding it to the key. Two nodes with equal keys must render
 * the same SQL. A node that cannot guarantee this for some state calls {@link CacheKey#notCacheable()}.
 *
 * <p>The key method is trusted only if it is declared in the class that declares {@code renderTo} or
 * in a subclass of it: a subclass that overrides {@code renderTo} without overriding this method is
 * rendered in full every time.
 */
public interface CacheKeyed extends QueryPart {
    /**
     * Adds this node's structure to the key and its bind values to the key's slots.
     *
     * @param key the key being built for one statement and dialect; never null
     * @throws CacheKey.NotCacheable (through {@link CacheKey#notCacheable()}) when this node, in this
     *         state, must be rendered in full
     */
    void appendCacheKey(CacheKey key);
}
