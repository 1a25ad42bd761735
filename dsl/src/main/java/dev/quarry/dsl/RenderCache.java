package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The compiled-SQL cache: running a statement of the same shape again with other bind values does not
 * render SQL again. Every {@link Database} has one (capacity {@value #DEFAULT_CAPACITY} unless
 * {@link Database.Builder#renderCacheSize(int)} says otherwise), shared by its transactions; it can also
 * be used on its own, without a database.
 *
 * <p>How it works (the idea is SQLAlchemy's since 1.4; jOOQ has no such cache): one walk of the
 * statement, {@link CacheKey}, collects its structure with the bind values pulled out (a value
 * contributes only its {@link DataType}; everything rendered inline contributes itself) and the bind
 * values in walk order, without building SQL text. The key is looked up per dialect in a bounded map;
 * on a hit the cached SQL is returned with the new values placed where the cached SQL binds them. On a
 * miss the statement is rendered once in full while the builder records which node bound each value,
 * and the SQL is stored with that placement.
 *
 * <p>Correctness comes first: a statement with any node that is not known to be cache-safe (a node of
 * another module that does not implement {@link dev.quarry.dsl.spi.CacheKeyed}, or one of Quarry's own
 * not covered yet: subqueries, CTEs, window functions, set operations) is rendered in full every time;
 * a rendering whose bind values cannot be tied to the statement's values unambiguously is not stored.
 * IN lists are padded to the next power of two (up to {@link SqlBuilder#MAX_PADDED_IN_LIST} values,
 * repeating the last value), so lists of varying length share a few shapes; longer lists are not cached.
 *
 * <p>Eviction approximates least-recently-used with the CLOCK algorithm (a hit only sets a flag, so
 * lookups take no lock). Thread-safe.
 */
public final class RenderCache {
    /** The capacity of a database's cache unless configured: 1,000 statement shapes. */
    public static final int DEFAULT_CAPACITY = 1000;

    /**
     * Checks every hit against a full rendering and fails on a difference; for tests (the build sets
     * the system property {@code quarry.renderCache.verify=true} for every test run).
     */
    private static final boolean VERIFY = Boolean.getBoolean("quarry.renderCache.verify");

    /** One key per thread, reused: a key walk allocates nothing but the bind list it returns. */
    private static final ThreadLocal<CacheKey> KEYS = ThreadLocal.withInitial(() -> new CacheKey(null, true));

    private final int capacity;
    private final ConcurrentHashMap<Object, Entry> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder uncacheable = new LongAdder();
    private final LongAdder notStored = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final Object evictionLock = new Object();
    private Iterator<Map.Entry<Object, Entry>> hand;

    /**
     * @param capacity the most statement shapes kept, 1 or more
     * @throws IllegalArgumentException if capacity is less than 1
     */
    public RenderCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("render cache capacity cannot be less than 1, was " + capacity);
        this.capacity = capacity;
        this.entries = new ConcurrentHashMap<>(Math.min(capacity, 1024) * 2);
    }

    /** @return the most statement shapes kept */
    public int capacity() { return capacity; }

    /** @return the counters since this cache was made */
    public RenderCacheStats stats() {
        return new RenderCacheStats(hits.sum(), misses.sum(), uncacheable.sum(), notStored.sum(), evictions.sum(),
                entries.size(), capacity);
    }

    /** Drops every entry (the counters stay). */
    public void clear() {
        entries.clear();
    }

    /**
     * Renders a statement for a dialect, from the cache when its shape is there. IN lists are padded
     * ({@link SqlBuilder#padInLists(boolean)}).
     *
     * @param statement a statement ({@link Select} or any {@link QueryPart} that renders a whole statement)
     * @param dialect the dialect
     * @return the SQL and this statement's bind values
     * @throws IllegalStateException as the statement's own rendering (a column of a table not in the query ...)
     * @throws UnsupportedDialectFeatureException if the dialect cannot express a part of the statement
     */
    public Rendered render(QueryPart statement, Dialect dialect) {
        Objects.requireNonNull(statement, "statement");
        CacheKey key = KEYS.get().reset(dialect, true);
        try {
            key.visit(statement);
        } catch (CacheKey.NotCacheable e) {
            uncacheable.increment();
            return renderFully(statement, dialect, null);
        }
        Entry entry = entries.get(key.probe());
        if (entry != null && entry.matches(key)) {
            hits.increment();
            if (!entry.referenced) entry.referenced = true;
            Rendered r = entry.bind(key.slotValues());
            if (VERIFY) verify(r, statement, dialect);
            return r;
        }
        misses.increment();
        SqlBuilder b = newBuilder(dialect);
        b.recordBindOwners();
        statement.renderTo(b);
        Rendered rendered = b.toRendered();
        Entry recorded = Entry.record(rendered, b, key);
        if (recorded == null) {
            notStored.increment();
        } else if (entry == null || entry.aliasPairs.length > 0) {
            store(key.frozen(), recorded);
        }
        return rendered;
    }

    private static SqlBuilder newBuilder(Dialect dialect) {
        return new SqlBuilder(dialect).padInLists(true);
    }

    private static Rendered renderFully(QueryPart statement, Dialect dialect, Void unused) {
        SqlBuilder b = newBuilder(dialect);
        statement.renderTo(b);
        return b.toRendered();
    }

    private static void verify(Rendered cached, QueryPart statement, Dialect dialect) {
        Rendered full = renderFully(statement, dialect, null);
        if (!full.sql().equals(cached.sql()) || !full.binds().equals(cached.binds())
                || !full.bindTypes().equals(cached.bindTypes())) {
            throw new IllegalStateException("compiled-SQL cache returned\n  " + cached + "\nbut the statement renders\n  " + full);
        }
    }

    private void store(Object key, Entry entry) {
        entries.put(key, entry);
        if (entries.size() > capacity) evict();
    }

    /** CLOCK: sweep the entries, clearing the referenced flag, and drop the first one found clear. */
    private void evict() {
        synchronized (evictionLock) {
            int sweeps = 0;
            while (entries.size() > capacity && sweeps < 4 * capacity + 8) {
                if (hand == null || !hand.hasNext()) hand = entries.entrySet().iterator();
                if (!hand.hasNext()) return;
                Map.Entry<Object, Entry> e = hand.next();
                sweeps++;
                if (e.getValue().referenced) {
                    e.getValue().referenced = false;
                } else if (entries.remove(e.getKey(), e.getValue())) {
                    evictions.increment();
                }
            }
        }
    }

    /** A cached rendering: the SQL, its bind types, and for each placeholder the slot of its value. */
    private static final class Entry {
        final String sql;
        final List<DataType<?>> bindTypes;
        final int[] slotOfBind;
        /** pairs of slots (a0, b0, a1, b1 ...) that must hold the same owner for the placement to hold */
        final int[] aliasPairs;
        final int slotCount;
        volatile boolean referenced;

        Entry(String sql, List<DataType<?>> bindTypes, int[] slotOfBind, int[] aliasPairs, int slotCount) {
            this.sql = sql;
            this.bindTypes = bindTypes;
            this.slotOfBind = slotOfBind;
            this.aliasPairs = aliasPairs;
            this.slotCount = slotCount;
        }

        boolean matches(CacheKey key) {
            if (key.slotCount() != slotCount) return false;
            Object[] owners = key.slotOwners();
            for (int i = 0; i < aliasPairs.length; i += 2) {
                if (owners[aliasPairs[i]] != owners[aliasPairs[i + 1]]) return false;
            }
            return true;
        }

        Rendered bind(Object[] slotValues) {
            Object[] binds = new Object[slotOfBind.length];
            for (int i = 0; i < binds.length; i++) binds[i] = slotValues[slotOfBind[i]];
            return new Rendered(sql, Collections.unmodifiableList(Arrays.asList(binds)), bindTypes);
        }

        /**
         * Ties each placeholder of a full rendering to the slot it came from: a value bound by its node
         * through the node's (owner, index), a value bound by a renderer hook through the identity of the
         * value object. Returns null when that is not unambiguous, or when a raw slot was not bound (a
         * hook may have inlined it).
         */
        static Entry record(Rendered rendered, SqlBuilder b, CacheKey key) {
            int n = key.slotCount();
            Object[] values = key.slotValues();
            Object[] owners = key.slotOwners();
            int[] indexes = key.slotOwnerIndexes();
            byte[] kinds = key.slotKinds();
            Map<Object, List<Integer>> byOwner = new IdentityHashMap<>();
            for (int s = 0; s < n; s++) byOwner.computeIfAbsent(owners[s], o -> new ArrayList<>(2)).add(s);
            List<Object> binds = rendered.binds();
            int[] slotOfBind = new int[binds.size()];
            boolean[] used = new boolean[n];
            List<Integer> pairs = new ArrayList<>();
            for (int i = 0; i < slotOfBind.length; i++) {
                Object value = binds.get(i);
                Object owner = b.bindOwner(i);
                int index = owner == null ? -1 : b.bindOwnerIndex(i);
                if (owner == null) owner = value;
                List<Integer> candidates = byOwner.get(owner);
                int chosen = -1;
                if (candidates != null) {
                    for (int s : candidates) {
                        if (indexes[s] != index) continue;
                        if (chosen < 0) {
                            chosen = s;
                        } else {
                            pairs.add(chosen);
                            pairs.add(s);
                        }
                        used[s] = true;
                    }
                }
                if (chosen < 0 || !Objects.equals(values[chosen], value)) return null;
                slotOfBind[i] = chosen;
            }
            for (int s = 0; s < n; s++) {
                if (!used[s] && kinds[s] == 1 /* RAW: a hook may have inlined it */) return null;
            }
            int[] aliasPairs = new int[pairs.size()];
            for (int i = 0; i < aliasPairs.length; i++) aliasPairs[i] = pairs.get(i);
            return new Entry(rendered.sql(), rendered.bindTypes(), slotOfBind, aliasPairs, n);
        }
    }
}
