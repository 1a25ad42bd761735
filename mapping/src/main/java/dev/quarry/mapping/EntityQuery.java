package dev.quarry.mapping;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.OrderField;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.TooManyRowsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A query for records of one entity, made by {@link Repository#query()}: a condition, an order, a limit
 * and offset, relations to load with the query, and whether touching any other relation throws.
 * Immutable: each method returns a new query. Thread-safe.
 *
 * <pre>{@code
 * List<Customer> customers = repo.query()
 *         .where(CUSTOMER.storeId.eq(1))
 *         .orderBy(CUSTOMER.lastName)
 *         .with(CUSTOMER_RENTALS, RENTAL_INVENTORY, INVENTORY_FILM)   // 4 queries in all, one per level
 *         .fetch();
 * }</pre>
 *
 * @param <E> the record type
 */
public final class EntityQuery<E extends Record> {
    private final Repository<E> repository;
    private final Condition where;
    private final List<OrderField> orderBy;
    private final long limit;
    private final long offset;
    private final List<List<Relation<?, ?>>> paths;
    private final boolean strict;

    EntityQuery(Repository<E> repository, Condition where, List<OrderField> orderBy, long limit, long offset,
                List<List<Relation<?, ?>>> paths, boolean strict) {
        this.repository = repository;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.paths = paths;
        this.strict = strict;
    }

    /**
     * @param condition a condition on the entity's table (columns of other tables fail when the query runs);
     *                  combined with an earlier one by AND
     * @return the query with the condition
     * @throws IllegalArgumentException if condition is null
     */
    public EntityQuery<E> where(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("where(null)");
        return new EntityQuery<>(repository, where == null ? condition : where.and(condition), orderBy, limit, offset, paths, strict);
    }

    /**
     * @param order columns or sort fields ({@code CUSTOMER.lastName.desc()}), replacing an earlier order
     * @return the query with the order
     */
    public EntityQuery<E> orderBy(OrderField... order) {
        return new EntityQuery<>(repository, where, List.of(order), limit, offset, paths, strict);
    }

    /**
     * @param limit the most records to return, at least 0
     * @return the query with the limit
     * @throws IllegalArgumentException if limit is negative
     */
    public EntityQuery<E> limit(long limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative, was " + limit);
        return new EntityQuery<>(repository, where, orderBy, limit, offset, paths, strict);
    }

    /**
     * @param offset the records to skip, at least 0
     * @return the query with the offset
     * @throws IllegalArgumentException if offset is negative
     */
    public EntityQuery<E> offset(long offset) {
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative, was " + offset);
        return new EntityQuery<>(repository, where, orderBy, limit, offset, paths, strict);
    }

    /**
     * Loads a relation (eager loading) with the query, or a path of relations, one query per relation
     * level (chunked under the bind limit): {@code with(CUSTOMER_RENTALS, RENTAL_INVENTORY, INVENTORY_FILM)}
     * loads each customer's rentals, their inventory and its film. Call it again for more paths.
     *
     * @param path a relation of this entity, then optionally relations of the previous relation's target
     * @return the query with the path added
     * @throws IllegalArgumentException if the path is empty, or a relation does not start where the previous
     *         one ends (the message names both)
     */
    public EntityQuery<E> with(Relation<?, ?>... path) {
        if (path.length == 0) throw new IllegalArgumentException("with() needs at least one relation");
        Entity<?> at = repository.entity();
        for (Relation<?, ?> relation : path) {
            if (relation == null) throw new IllegalArgumentException("with(): a relation is null");
            if (relation.source() != at) {
                throw new IllegalArgumentException("with(): " + relation + " does not start at " + at.type().getSimpleName());
            }
            at = relation.target();
        }
        List<List<Relation<?, ?>>> more = new ArrayList<>(paths);
        more.add(List.of(path));
        return new EntityQuery<>(repository, where, orderBy, limit, offset, List.copyOf(more), strict);
    }

    /**
     * Strict mode (SQLAlchemy's {@code raiseload}): touching a relation that was not loaded with the query
     * (through {@link #with}) throws {@link LazyLoadingException} instead of running a query; also for the
     * records that were loaded through {@code with}.
     *
     * @return the strict query
     */
    public EntityQuery<E> strict() {
        return new EntityQuery<>(repository, where, orderBy, limit, offset, paths, true);
    }

    /**
     * Runs the query, then one query per relation level named in {@link #with}, on the repository's
     * session (a repository of a transaction that has ended fails like any statement of it; only relations
     * of records already read load after the end).
     *
     * @return the records, unmodifiable, in the query's order
     * @throws dev.quarry.dsl.DataAccessException if a statement fails
     * @throws MappingException at the first row a value of which cannot be converted
     */
    public List<E> fetch() {
        Entity<E> entity = repository.entity();
        LoadContext context = repository.context(strict);
        List<Row> rows = select(repository.session(), entity.plan().fields.toArray(Field<?>[]::new), true).fetch();
        Entity.Batch<E> batch = entity.map(rows, context);
        for (List<Relation<?, ?>> path : paths) loadPath(batch, path, 0);
        return batch.records;
    }

    private static void loadPath(Entity.Batch<?> batch, List<Relation<?, ?>> path, int at) {
        LoadGroup<?> group = batch.groups.get(path.get(at));
        Entity.Batch<?> next = group.load();
        if (at + 1 < path.size()) loadPath(next, path, at + 1);
    }

    /**
     * @return the only record, or empty when there is none
     * @throws TooManyRowsException if there is more than one
     */
    public Optional<E> fetchOptional() {
        List<E> found = (limit >= 0 && limit < 2 ? this : limit(2)).fetch();
        if (found.size() > 1) {
            throw new TooManyRowsException("expected at most one " + repository.entity().type().getSimpleName()
                    + " but the query found more", null, null, null);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * @return the number of records the query's condition matches (limit and offset ignored), by
     *         {@code SELECT COUNT(*)}
     */
    public long count() {
        Field<Long> count = Dsl.count();
        return select(repository.session(), new Field<?>[] {count}, false).fetchValue(count);
    }

    /** @return whether the condition matches any record ({@code SELECT key ... LIMIT 1}) */
    public boolean exists() {
        Field<?>[] key = repository.entity().primaryKey().toArray(Field<?>[]::new);
        return !select(repository.session(), key, false).limit(1).fetch().isEmpty();
    }

    private Select<Row> select(Session session, Field<?>[] fields, boolean full) {
        Select<Row> select = session.select(fields).from(repository.entity().table());
        if (where != null) select = select.where(where);
        if (full) {
            if (!orderBy.isEmpty()) select = select.orderBy(orderBy.toArray(OrderField[]::new));
            if (limit >= 0) select = select.limit(limit);
            if (offset > 0) select = select.offset(offset);
        }
        return select;
    }

    @Override
    public String toString() {
        return "EntityQuery<" + repository.entity().type().getSimpleName() + ">[where=" + where + ", orderBy=" + orderBy
                + ", limit=" + limit + ", offset=" + offset + ", with=" + paths + (strict ? ", strict" : "") + "]";
    }
}
