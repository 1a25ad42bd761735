package dev.quarry.dsl.spi;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.TableField;
import dev.quarry.dsl.TableLike;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The structure of one statement for one dialect, with its bind values pulled out: the key of the
 * compiled-SQL cache ({@code dev.quarry.dsl.RenderCache}). It is built by one walk of the tree in which
 * every {@link CacheKeyed} node adds what changes its SQL ({@link #add}) and hands its bind values over as
 * slots ({@link #slot}); no SQL text is built. Two statements with equal keys render the same SQL for
 * the dialect, and their bind values are their slots, re-ordered as the cached SQL needs them.
 *
 * <p>Not thread-safe: one key per rendering. The walk mirrors {@link SqlBuilder}'s checks that do not
 * depend on text: the table scopes (a column of a table that is not in the query makes the walk give up,
 * so that the full rendering throws its precise message).
 */
public final class CacheKey {
    /** Thrown by {@link #notCacheable()}: the statement is rendered in full. Carries no stack trace. */
    public static final class NotCacheable extends RuntimeException {
        private NotCacheable() {
            super("not cacheable", null, false, false);
        }
    }

    private static final NotCacheable NOT_CACHEABLE = new NotCacheable();

    /** Slot kinds. */
    static final byte PARAM = 0, RAW = 1, KEYED = 2;

    private static final ClassValue<Boolean> TRUSTED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Method render = type.getMethod("renderTo", SqlBuilder.class);
                if (CacheKeyed.class.isAssignableFrom(type)) {
                    Method key = type.getMethod("appendCacheKey", CacheKey.class);
                    return render.getDeclaringClass().isAssignableFrom(key.getDeclaringClass());
                }
                // a column rendered by TableField's own renderTo (b.column(this)) is standard
                return TableField.class.isAssignableFrom(type) && render.getDeclaringClass() == TableField.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private Dialect dialect;
    private boolean padInLists;
    private Object[] elements = new Object[128];
    private int size;
    private int hash = 1;
    /** Nesting level of the node being walked; the statement {@link #reset} is followed by is level 0. */
    private int depth = -1;

    private Object[] values = new Object[16];
    private DataType<?>[] types = new DataType<?>[16];
    private Object[] owners = new Object[16];
    private int[] ownerIndexes = new int[16];
    private byte[] kinds = new byte[16];
    private int slots;

    @SuppressWarnings("unchecked")
    private List<? extends TableLike>[] scopeStack = new List[4];
    private int scopeCount;

    /**
     * @param dialect the dialect the statement is rendered for (part of the key)
     * @param padInLists whether IN lists are padded to their size bucket ({@link SqlBuilder#inListSize(int)})
     */
    public CacheKey(Dialect dialect, boolean padInLists) {
        reset(dialect, padInLists);
    }

    /**
     * Empties this key for another statement, keeping its arrays (the cache reuses one key per thread).
     *
     * @param dialect the dialect the next statement is rendered for
     * @param padInLists whether IN lists are padded
     * @return this key
     */
    public CacheKey reset(Dialect dialect, boolean padInLists) {
        this.dialect = dialect;
        this.padInLists = padInLists;
        Arrays.fill(elements, 0, size, null);
        Arrays.fill(values, 0, slots, null);
        Arrays.fill(owners, 0, slots, null);
        size = 0;
        slots = 0;
        hash = 1;
        depth = -1;
        Arrays.fill(scopeStack, 0, scopeCount, null);
        scopeCount = 0;
        add(dialect);
        return this;
    }

    /** @return the dialect the key is built for */
    public Dialect dialect() { return dialect; }

    /** @return the dialect's renderer, for nodes whose rendering asks it for a constant (the LIKE escape) */
    public Renderer renderer() { return dialect.renderer(); }

    /**
     * Makes the walk give up: the statement is rendered in full, every time.
     *
     * @return never returns normally; declared so that callers can write {@code throw key.notCacheable()}
     * @throws NotCacheable always
     */
    public NotCacheable notCacheable() {
        throw NOT_CACHEABLE;
    }

    /**
     * Adds one structural element: a keyword, operator, identifier, flag, type or node class. Compared
     * with {@code equals}. (A class is hashed by its name: the identity hash of a {@code Class} whose
     * monitor was ever inflated is a slow call into the VM.)
     *
     * @param element the element, may be null
     * @return this key
     */
    public CacheKey add(Object element) {
        if (size == elements.length) elements = Arrays.copyOf(elements, size * 2);
        elements[size++] = element;
        hash = 31 * hash + (element == null ? 0 : element instanceof Class<?> c ? c.getName().hashCode() : element.hashCode());
        return this;
    }

    /**
     * @param flag a structural flag
     * @return this key
     */
    public CacheKey add(boolean flag) {
        return add(flag ? Boolean.TRUE : Boolean.FALSE);
    }

    /**
     * @param number a structural count or size
     * @return this key
     */
    public CacheKey add(int number) {
        return add(Integer.valueOf(number));
    }

    /**
     * Adds a data type: bind types and type-dependent renderings (casts, SQLite's rounded decimal sums,
     * MySQL's integer division) are part of the SQL's shape.
     *
     * @param type the type
     * @return this key
     */
    public CacheKey add(DataType<?> type) {
        if (size == elements.length) elements = Arrays.copyOf(elements, size * 2);
        elements[size++] = type;
        // DataType.hashCode allocates; this cheaper hash is consistent with its equals
        hash = 31 * hash + (type == null ? 0 : type.sqlType().hashCode() * 17 + type.javaType().hashCode());
        return this;
    }

    /**
     * Adds a child node, or gives up if it is not known to be cache-safe: a {@link CacheKeyed} node whose
     * key method belongs to its rendering, or a column rendered by {@link TableField}'s own
     * {@code renderTo}. A column must belong to a table in scope. The statement the walk starts with is
     * level 0; a node nested deeper than {@link SqlBuilder#MAX_DEPTH} levels makes the walk give up, so
     * that the full rendering fails with its message.
     *
     * @param part the child
     * @return this key
     * @throws NotCacheable if the child is not cache-safe, or nested too deep
     */
    public CacheKey visit(QueryPart part) {
        if (part == null || !TRUSTED.get(part.getClass())) throw NOT_CACHEABLE;
        // past the nesting limit the full rendering throws its precise message
        if (++depth > SqlBuilder.MAX_DEPTH) throw NOT_CACHEABLE;
        try {
            if (part instanceof CacheKeyed k) {
                k.appendCacheKey(this);
            } else {
                column((TableField<?>) part);
            }
        } finally {
            depth--;
        }
        return this;
    }

    /**
     * A column is keyed by the position of its table in the scopes (whose own key holds the table's name
     * and alias, so equal keys qualify it alike), its name and its type.
     */
    private void column(TableField<?> field) {
        TableLike table = field.table();
        int position = scopePosition(table);
        if (position < 0) throw NOT_CACHEABLE;
        add(TableField.class).add(position).add(field.name()).add(field.type());
    }

    private int scopePosition(TableLike table) {
        for (int d = scopeCount - 1; d >= 0; d--) {
            List<? extends TableLike> scope = scopeStack[d];
            for (int i = 0, n = scope.size(); i < n; i++) {
                if (scope.get(i) == table) return (scopeCount - 1 - d) * 1024 + i;
            }
        }
        return -1;
    }

    /**
     * Adds a bind value from a node that binds it itself, through
     * {@link SqlBuilder#bind(Object, DataType, Object, int)} with the same owner and index. Two slots of the
     * same (owner, index) are allowed (a node used twice); the cache checks they stay the same node.
     *
     * @param value the value, may be null
     * @param type its type
     * @param owner the node that binds it (compared by identity)
     * @param index the value's index within its owner, 0 for a node with one value
     */
    public void slot(Object value, DataType<?> type, Object owner, int index) {
        addSlot(value, type, owner, index, PARAM);
    }

    /**
     * Adds a bind value that a renderer hook binds with {@link SqlBuilder#bind(Object, DataType)}, such
     * as LIMIT or OFFSET: the cache finds it again by identity of the value object. A hook must not inline
     * it (a raw slot the cached SQL does not bind makes the cache refuse the statement's SQL).
     *
     * @param value the value object the hook will bind
     * @param type its type
     */
    public void rawSlot(Object value, DataType<?> type) {
        addSlot(value, type, value, -1, RAW);
    }

    /**
     * Adds a value that some dialects bind and others inline as a literal (frame offsets, NTILE counts on
     * old MySQL, MySQL's GROUP_CONCAT separator): it is part of the key and also a slot, found by identity
     * as in {@link #rawSlot}.
     *
     * @param value the value object the hook binds or inlines
     * @param type its type
     */
    public void keyedSlot(Object value, DataType<?> type) {
        add(value);
        addSlot(value, type, value, -1, KEYED);
    }

    private void addSlot(Object value, DataType<?> type, Object owner, int index, byte kind) {
        if (slots == values.length) {
            int n = slots * 2;
            values = Arrays.copyOf(values, n);
            types = Arrays.copyOf(types, n);
            owners = Arrays.copyOf(owners, n);
            ownerIndexes = Arrays.copyOf(ownerIndexes, n);
            kinds = Arrays.copyOf(kinds, n);
        }
        values[slots] = value;
        types[slots] = type;
        owners[slots] = owner;
        ownerIndexes[slots] = index;
        kinds[slots] = kind;
        slots++;
    }

    /**
     * The number of values an IN list of {@code n} values binds: as {@link SqlBuilder#inListSize(int)}
     * of a builder that pads when the cache does.
     *
     * @param n the list's size
     * @return the padded size, or n
     * @throws NotCacheable for lists longer than {@link SqlBuilder#MAX_PADDED_IN_LIST}, which are rendered in full
     */
    public int inListSize(int n) {
        if (n > SqlBuilder.MAX_PADDED_IN_LIST) throw NOT_CACHEABLE;
        return padInLists ? SqlBuilder.paddedInListSize(n) : n;
    }

    /**
     * Opens a scope of tables, as {@link SqlBuilder#pushScope(java.util.Collection)}.
     *
     * @param tables the FROM and JOIN tables of the query
     */
    public void pushScope(List<? extends TableLike> tables) {
        if (scopeCount == scopeStack.length) scopeStack = Arrays.copyOf(scopeStack, scopeCount * 2);
        scopeStack[scopeCount++] = tables;
    }

    /** Closes the scope opened last. */
    public void popScope() {
        scopeStack[--scopeCount] = null;
    }

    // ---- read by the cache ----

    /** @return the number of slots */
    public int slotCount() { return slots; }

    /** @return the slot values, in walk order (the array is live; slotCount() are valid) */
    public Object[] slotValues() { return values; }

    /** @return the slot types */
    public DataType<?>[] slotTypes() { return types; }

    /** @return the slot owners (identity) */
    public Object[] slotOwners() { return owners; }

    /** @return the slot owner indexes, -1 for raw and keyed slots */
    public int[] slotOwnerIndexes() { return ownerIndexes; }

    /** @return the slot kinds: 0 param, 1 raw, 2 keyed */
    public byte[] slotKinds() { return kinds; }

    /** @return an immutable copy of the key, for storing */
    public Object frozen() {
        return new Frozen(Arrays.copyOf(elements, size), size, hash);
    }

    /** @return a view of the key for a lookup, without copying; valid until this key changes */
    public Object probe() {
        return new Frozen(elements, size, hash);
    }

    private record Frozen(Object[] elements, int size, int hash) {
        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Frozen f) || f.hash != hash || f.size != size) return false;
            Object[] a = elements, b = f.elements;
            for (int i = 0; i < size; i++) {
                Object x = a[i], y = b[i];
                if (x != y && (x == null || !x.equals(y))) return false;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return Arrays.toString(Arrays.copyOf(elements, size));
        }
    }
}
