package dev.quarry.mapping;

import java.util.Objects;

/**
 * A relation on a mapped record, loaded on first access: {@code Lazy<Customer>} (many-to-one, the
 * foreign key NOT NULL), {@code Lazy<Optional<Customer>>} (many-to-one, the foreign key nullable) or
 * {@code Lazy<List<Rental>>} (one-to-many, many-to-many).
 *
 * <pre>{@code
 * record Customer(int customerId, String firstName, Lazy<List<Rental>> rentals) {}
 *
 * for (Customer c : customers.findAll()) {
 *     c.rentals().get().size();   // the first get() loads the rentals of every customer of this result: 2 queries in all
 * }
 * }</pre>
 *
 * <p>The first {@link #get()} of any record of a result loads the relation for every record of that
 * result in one query (chunked IN lists under the dialect's bind limit), so that touching the relation
 * of each of N records costs one query, not N (SQLAlchemy's {@code selectin} loading). Records loaded that
 * way form a result of their own for their relations, so a path (customer → rentals → inventory → film)
 * costs one query per level. A relation named in {@link EntityQuery#with} is loaded with the query.
 *
 * <p>Where the load runs: on the session the records came from; when that was a {@link
 * dev.quarry.dsl.Transaction} that has ended, in a short read-only transaction of the same
 * {@link dev.quarry.dsl.Database} (so the values come from a later snapshot than the records). In strict
 * mode ({@link EntityQuery#strict()}, {@link Repository#strict()}) {@code get()} of a relation that was not
 * loaded with the query throws {@link LazyLoadingException} instead (SQLAlchemy's {@code raiseload}).
 *
 * <p>A {@code Lazy} takes no part in its record's equality: {@code equals} is true for any two
 * {@code Lazy} instances and {@code hashCode} is 0, so two records with the same column values are equal
 * whether or not their relations were loaded, and comparing records never runs a query. {@code toString}
 * never loads. Thread-safe: concurrent first accesses run one load.
 *
 * @param <T> the relation's value: the target record, {@code Optional} of it, or a {@code List} of them
 */
public final class Lazy<T> {
    private static final Object UNSET = new Object();

    private static final String NOT_LOADED = "this relation was made with Lazy.notLoaded() and cannot load;"
            + " read the record through a repository to get a relation that loads";

    /** The relation of a record mapped from rows by {@link Records}: it cannot load. */
    static final Lazy<Object> FROM_ROWS = new Lazy<>(null, null, "this record was mapped from rows by Records, which"
            + " loads no relations; read it through a repository (Entity.repository) to get relations that load");

    private final LoadGroup<?> group;
    private final Object key;
    /** Why a lazy without a group cannot load. */
    private final String detached;
    private volatile Object value = UNSET;

    Lazy(LoadGroup<?> group, Object key) {
        this(group, key, NOT_LOADED);
    }

    private Lazy(LoadGroup<?> group, Object key, String detached) {
        this.group = group;
        this.key = key;
        this.detached = detached;
    }

    private Lazy(Object value) {
        this.group = null;
        this.key = null;
        this.detached = NOT_LOADED;
        this.value = value;
    }

    /**
     * A relation value already known, for records built in code (a record to insert, a test fixture).
     *
     * @param value the value: a record, an {@code Optional}, or a list (null is taken as it is)
     * @param <T> its type
     * @return a loaded lazy holding it
     */
    public static <T> Lazy<T> of(T value) {
        return new Lazy<>(value);
    }

    /**
     * A relation that was not loaded and cannot be, for records built in code before they exist in the
     * database: {@code new Customer(0, "ANN", Lazy.notLoaded())}. The repository ignores relation
     * components when it writes; the record it returns from {@code insert} has relations that load.
     *
     * @param <T> the value type
     * @return a lazy whose {@link #get()} throws {@link LazyLoadingException}
     */
    public static <T> Lazy<T> notLoaded() {
        return new Lazy<>(null, null);
    }

    /**
     * The relation's value, loading it (for the whole result this record belongs to) if needed.
     *
     * @return the target record (never null for {@code Lazy<Customer>}), an {@code Optional} of it, or an
     *         unmodifiable list (empty when there is none), ordered by the target's primary key
     * @throws LazyLoadingException if the query was strict and did not load this relation, this lazy was
     *         made by {@link #notLoaded()}, or its record was mapped from rows by {@link Records}
     * @throws dev.quarry.dsl.DataAccessException if the load fails
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = value;
        if (v == UNSET) {
            if (group == null) throw new LazyLoadingException(detached);
            group.loadOnAccess();
            v = value;
        }
        return (T) v;
    }

    /** @return whether the value is here, so that {@link #get()} runs no query */
    public boolean isLoaded() {
        return value != UNSET;
    }

    /** The key this lazy is loaded by: the foreign key (many-to-one) or the referenced key (to-many). */
    Object key() { return key; }

    void set(Object loaded) { value = loaded; }

    /** @return true for any other {@code Lazy}: relations take no part in a record's equality */
    @Override
    public boolean equals(Object o) {
        return o instanceof Lazy;
    }

    /** @return 0, as {@link #equals} ignores the value */
    @Override
    public int hashCode() {
        return 0;
    }

    /** @return {@code Lazy[not loaded]}, or {@code Lazy[<value>]} (a list as its size), without loading */
    @Override
    public String toString() {
        Object v = value;
        if (v == UNSET) return group == null ? "Lazy[not loaded, detached]" : "Lazy[" + group.relation().name() + ", not loaded]";
        if (v instanceof java.util.List<?> list) return "Lazy[" + list.size() + " items]";
        return "Lazy[" + Objects.toString(v) + "]";
    }
}
