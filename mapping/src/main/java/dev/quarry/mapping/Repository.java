package dev.quarry.mapping;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.Delete;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.OrderField;
import dev.quarry.dsl.RowBuilder;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.TableField;
import dev.quarry.dsl.Update;
import dev.quarry.schema.Column;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the records of one {@link Entity} on a session (a {@link dev.quarry.dsl.Database} or a
 * {@link dev.quarry.dsl.Transaction}): find by primary key, query, count, insert with generated keys, update
 * by primary key, upsert, delete. Every value goes to the database as a bind parameter. Immutable and
 * thread-safe (as thread-safe as its session: a transaction is for one thread).
 *
 * <pre>{@code
 * Repository<Customer> customers = CUSTOMERS.repository(db);
 * Customer mary = customers.findById(1).orElseThrow();
 * Customer ann = customers.insert(new Customer(0, "ANN", "LEE", Lazy.notLoaded()));   // ann.customerId() is the generated key
 * customers.update(new Customer(ann.customerId(), "ANNE", "LEE", Lazy.notLoaded()));
 * }</pre>
 *
 * <p>Writing rules (decided here, as jOOQ's and Exposed's DAOs do): an auto-increment primary-key column
 * is left out of an INSERT when its component is {@code null} or {@code 0} and the database generates it;
 * a column with a default gets its default when its component is {@code null} (left out of the INSERT, or
 * its default expression in a many-row INSERT where other rows set it; the value is not read back: find
 * the record again to see it). {@code Lazy} components are never written, except that a many-to-one
 * relation whose foreign-key column no component maps writes that column from the relation: the key it
 * was read with, or the key of the record in {@code Lazy.of(target)}.
 *
 * @param <E> the record type
 */
public final class Repository<E extends Record> {
    private final Entity<E> entity;
    private final Session session;
    private final boolean strict;
    private final int chunkSize;

    Repository(Entity<E> entity, Session session, boolean strict, int chunkSize) {
        this.entity = entity;
        this.session = session;
        this.strict = strict;
        this.chunkSize = chunkSize;
    }

    /** @return the entity */
    public Entity<E> entity() { return entity; }

    /** @return the session statements run on */
    public Session session() { return session; }

    /**
     * @return this repository in strict mode: every query it makes is {@link EntityQuery#strict()}
     */
    public Repository<E> strict() {
        return new Repository<>(entity, session, true, chunkSize);
    }

    /**
     * @param keysPerQuery the most keys one relation-loading query binds in its IN list (default, and at
     *                     most, the dialect's bind limit: 32,766 on SQLite, 65,535 on PostgreSQL and MySQL)
     * @return this repository with that chunk size for the relations of the records it reads
     * @throws IllegalArgumentException if keysPerQuery is less than 1
     */
    public Repository<E> withChunkSize(int keysPerQuery) {
        if (keysPerQuery < 1) throw new IllegalArgumentException("chunk size cannot be less than 1, was " + keysPerQuery);
        return new Repository<>(entity, session, strict, keysPerQuery);
    }

    LoadContext context(boolean strictQuery) {
        return new LoadContext(session, strict || strictQuery, chunkSize);
    }

    // ---- reading ----

    /** @return a query of all records, to refine ({@link EntityQuery}) */
    public EntityQuery<E> query() {
        return new EntityQuery<>(this, null, List.of(), -1, 0, List.of(), strict);
    }

    /**
     * @param key the primary-key value, or one value per primary-key column in the table's key order; each
     *            converted to its column's type by the mapping conversions ({@code 1} for a BIGINT key)
     * @return the record, or empty
     * @throws IllegalArgumentException if the number of values is not the key's
     * @throws MappingException if a value cannot be converted to its column's type
     */
    public Optional<E> findById(Object... key) {
        return query().where(keyCondition(key, "findById")).fetchOptional();
    }

    /** @return all records, in the database's order */
    public List<E> findAll() {
        return query().fetch();
    }

    /**
     * @param condition a condition on the entity's table
     * @return the records that match, in the database's order
     */
    public List<E> findAll(Condition condition) {
        return query().where(condition).fetch();
    }

    /**
     * @param condition a condition on the entity's table
     * @param orderBy the order
     * @return the records that match, in that order
     */
    public List<E> findAll(Condition condition, OrderField... orderBy) {
        return query().where(condition).orderBy(orderBy).fetch();
    }

    /**
     * @param condition a condition on the entity's table
     * @param orderBy the order (a page needs one to be stable)
     * @param limit the most records, at least 0
     * @param offset the records to skip, at least 0
     * @return one page of the records that match
     */
    public List<E> findAll(Condition condition, List<? extends OrderField> orderBy, long limit, long offset) {
        return query().where(condition).orderBy(orderBy.toArray(OrderField[]::new)).limit(limit).offset(offset).fetch();
    }

    /** @return the number of records ({@code SELECT COUNT(*)}) */
    public long count() {
        return query().count();
    }

    /**
     * @param condition a condition on the entity's table
     * @return the number of records that match
     */
    public long count(Condition condition) {
        return query().where(condition).count();
    }

    /**
     * @param condition a condition on the entity's table
     * @return whether a record matches
     */
    public boolean exists(Condition condition) {
        return query().where(condition).exists();
    }

    /**
     * @param key the primary-key value(s), as for {@link #findById}
     * @return whether the record exists
     */
    public boolean existsById(Object... key) {
        return query().where(keyCondition(key, "existsById")).exists();
    }

    // ---- writing ----

    /**
     * Inserts one record.
     *
     * @param record the record; its {@code Lazy} components are ignored
     * @return the record as inserted: the generated key filled in, relations ready to load
     * @throws dev.quarry.dsl.IntegrityConstraintViolationException (or a subclass) if a constraint refuses it;
     *         nothing is written then
     */
    public E insert(E record) {
        return insertAll(List.of(record)).get(0);
    }

    /**
     * Inserts records in one atomic statement or batch (see {@code Insert.execute}), reading the generated
     * keys back in order.
     *
     * @param records the records; either all or none of them leave an auto-increment key to the database
     * @return the records as inserted, in the same order, with generated keys filled in
     * @throws IllegalArgumentException if some records leave the generated key to the database and others
     *         do not (insert them in two calls)
     * @throws dev.quarry.dsl.IntegrityConstraintViolationException if a constraint refuses a row; nothing is
     *         written then
     */
    public List<E> insertAll(Collection<? extends E> records) {
        if (records.isEmpty()) return List.of();
        Entity.Plan plan = entity.plan();
        List<Object[]> values = new ArrayList<>(records.size());
        for (E record : records) {
            if (record == null) throw new IllegalArgumentException("insertAll: a " + entity.type().getSimpleName() + " is null");
            values.add(entity.values(record));
        }
        Column<?> generated = generatedKey();
        int generatedAt = generated == null ? -1 : plan.fields.indexOf(generated);
        int leftOut = 0;
        if (generated != null) {
            for (Object[] v : values) if (unset(v[generatedAt])) leftOut++;
            if (leftOut != 0 && leftOut != values.size()) {
                throw new IllegalArgumentException("insertAll: " + leftOut + " of " + values.size() + " "
                        + entity.type().getSimpleName() + " records leave " + generated.qualifiedName()
                        + " to the database and the others set it; insert them in two calls");
            }
        }
        List<Column<?>> written = new ArrayList<>();
        for (Column<?> column : entity.mappedColumns()) {
            int at = plan.fields.indexOf(column);
            if (at == generatedAt && leftOut > 0) continue;
            if ((column.hasDefault() || !entity.hasComponent(column)) && allNull(values, at)) continue;
            written.add(column);
        }
        Insert insert = session.insertInto(entity.table(), values, (row, v) -> {
            for (Column<?> column : written) set(row, column, v[plan.fields.indexOf(column)]);
        });
        LoadContext context = context(false);
        List<E> out = new ArrayList<>(values.size());
        if (leftOut > 0) {
            List<?> keys = insert.executeAndGetKeys(generated);
            for (int i = 0; i < values.size(); i++) values.get(i)[generatedAt] = keys.get(i);
        } else {
            insert.execute();
        }
        for (Object[] v : values) out.add(entity.mapOne(v, context));
        return List.copyOf(out);
    }

    /**
     * Updates the record's row, found by its primary key, setting every other mapped column.
     *
     * @param record the record; its {@code Lazy} components are ignored
     * @return the number of rows updated: 1, or 0 when no row has that key
     * @throws IllegalArgumentException if the entity maps no column besides its primary key
     */
    public int update(E record) {
        Entity.Plan plan = entity.plan();
        Object[] v = entity.values(record);
        List<Column<?>> primaryKey = entity.primaryKey();
        Update update = session.update(entity.table());
        boolean any = false;
        for (Column<?> column : entity.mappedColumns()) {
            Object value = v[plan.fields.indexOf(column)];
            if (primaryKey.contains(column) || value == null && !entity.hasComponent(column)) continue;
            update = setUpdate(update, column, value);
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("update: entity " + entity.type().getSimpleName() + " maps no column of "
                    + entity.table().name() + " besides its primary key");
        }
        return update.where(keyCondition(keyValues(v), "update")).execute();
    }

    /**
     * Inserts the record, or updates the row with the same primary key (INSERT ... ON CONFLICT (key) DO
     * UPDATE on SQLite and PostgreSQL, ON DUPLICATE KEY UPDATE on MySQL). A record that leaves its
     * auto-increment key to the database is simply inserted.
     *
     * @param record the record
     * @return the record as written, with its key, relations ready to load
     */
    public E upsert(E record) {
        Entity.Plan plan = entity.plan();
        Column<?> generated = generatedKey();
        Object[] v = entity.values(record);
        if (generated != null && unset(v[plan.fields.indexOf(generated)])) return insert(record);
        List<Column<?>> primaryKey = entity.primaryKey();
        List<Column<?>> written = new ArrayList<>();
        for (Column<?> column : entity.mappedColumns()) {
            if ((column.hasDefault() || !entity.hasComponent(column)) && v[plan.fields.indexOf(column)] == null) continue;
            written.add(column);
        }
        Insert insert = session.insertInto(entity.table(), row -> {
            for (Column<?> column : written) set(row, column, v[plan.fields.indexOf(column)]);
        });
        List<Column<?>> updated = new ArrayList<>(written);
        updated.removeAll(primaryKey);
        TableField<?>[] conflict = primaryKey.toArray(TableField<?>[]::new);
        Insert upsert = updated.isEmpty() ? insert.onConflict(conflict).doNothing()
                : insert.onConflict(conflict).doUpdate(set -> {
                    for (Column<?> column : updated) excluded(set, column);
                });
        upsert.execute();
        return entity.mapOne(v, context(false));
    }

    /**
     * @param record the record whose row to delete, by its primary key
     * @return the number of rows deleted: 1, or 0 when no row has that key
     */
    public int delete(E record) {
        return deleteById(keyValues(entity.values(record)));
    }

    /**
     * @param key the primary-key value(s), as for {@link #findById}
     * @return the number of rows deleted: 1, or 0
     */
    public int deleteById(Object... key) {
        return session.deleteFrom(entity.table()).where(keyCondition(key, "deleteById")).execute();
    }

    /**
     * @param condition a condition on the entity's table (required: to empty the table use
     *                  {@code session.deleteFrom(table).all()})
     * @return the number of rows deleted
     * @throws IllegalArgumentException if condition is null
     */
    public int deleteWhere(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("deleteWhere(null); use deleteFrom(table).all() to delete every row");
        Delete delete = session.deleteFrom(entity.table()).where(condition);
        return delete.execute();
    }

    // ---- helpers ----

    private Column<?> generatedKey() {
        List<Column<?>> primaryKey = entity.primaryKey();
        return primaryKey.size() == 1 && primaryKey.get(0).isAutoIncrement() ? primaryKey.get(0) : null;
    }

    private static boolean unset(Object key) {
        return key == null || key instanceof Number n && n.longValue() == 0 && !(n instanceof Double) && !(n instanceof Float);
    }

    private static boolean allNull(List<Object[]> values, int at) {
        for (Object[] v : values) if (v[at] != null) return false;
        return true;
    }

    private Object[] keyValues(Object[] values) {
        Entity.Plan plan = entity.plan();
        Object[] key = new Object[plan.primaryKeyPositions.length];
        for (int k = 0; k < key.length; k++) key[k] = values[plan.primaryKeyPositions[k]];
        return key;
    }

    @SuppressWarnings("unchecked")
    private Condition keyCondition(Object[] key, String operation) {
        List<Column<?>> primaryKey = entity.primaryKey();
        if (key == null || key.length != primaryKey.size()) {
            throw new IllegalArgumentException(operation + ": the key of " + entity.table().name() + " is " + names(primaryKey)
                    + " (" + primaryKey.size() + " value" + (primaryKey.size() == 1 ? "" : "s") + "), got "
                    + (key == null ? 0 : key.length));
        }
        Condition condition = null;
        for (int k = 0; k < key.length; k++) {
            Column<Object> column = (Column<Object>) primaryKey.get(k);
            Object value = key[k];
            if (value == null) throw new IllegalArgumentException(operation + ": the value for " + column.qualifiedName() + " is null");
            Class<?> type = column.type().javaType();
            if (!type.isInstance(value)) {
                value = Conversions.of(operation + ": the value for " + column.qualifiedName() + " (" + type.getSimpleName() + ")",
                        type, value.getClass()).convert(value);
            }
            Condition c = column.eq(value);
            condition = condition == null ? c : condition.and(c);
        }
        return condition;
    }

    private static String names(List<Column<?>> columns) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : columns) names.add(c.name());
        return names.toString();
    }

    /** Sets a column; a null for a column with a default sets the default's expression, so the default applies. */
    @SuppressWarnings("unchecked")
    private static void set(RowBuilder row, Column<?> column, Object value) {
        if (value != null) row.set((TableField<Object>) column, value);
        else if (column.hasDefault()) setDefault(row, column);
        else row.setNull(column);
    }

    private static <T> void setDefault(RowBuilder row, Column<T> column) {
        row.set(column, column.defaultValueExpression().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Update setUpdate(Update update, Column<?> column, Object value) {
        return update.set((TableField<Object>) column, value);
    }

    private static <T> void excluded(RowBuilder set, Column<T> column) {
        set.set(column, Dsl.excluded(column));
    }

    @Override
    public String toString() {
        return "Repository<" + entity.type().getSimpleName() + ">" + (strict ? "[strict]" : "");
    }
}
