package dev.quarry.dsl;

/**
 * Counters of a {@link RenderCache} since it was made ({@link Database#renderCacheStats()}). Counters
 * are read one after the other while statements run, so a snapshot taken under load is approximate.
 *
 * @param hits statements whose SQL came from the cache (not rendered)
 * @param misses cacheable statements that were rendered because their shape was not cached yet (or had
 *               been evicted)
 * @param uncacheable statements rendered in full because a node is not known to be cache-safe, or an IN
 *                    list is longer than {@link dev.quarry.dsl.spi.SqlBuilder#MAX_PADDED_IN_LIST}
 * @param notStored misses whose rendering could not be tied to the statement's values unambiguously, so
 *                  nothing was stored (the next statement of that shape tries again)
 * @param evictions entries dropped to keep the cache within its capacity
 * @param size entries in the cache now
 * @param capacity the most entries the cache keeps
 */
public record RenderCacheStats(long hits, long misses, long uncacheable, long notStored, long evictions, int size, int capacity) {
    /** @return the number of full renderings: {@code misses + uncacheable} */
    public long renders() {
        return misses + uncacheable;
    }
}
