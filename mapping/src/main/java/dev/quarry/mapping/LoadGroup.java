package dev.quarry.mapping;

import dev.quarry.dsl.Field;
import dev.quarry.dsl.OrderField;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Select;
import dev.quarry.dsl.TableField;
import dev.quarry.schema.Column;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Lazy} values of one relation for all records of one result: the first access loads them all
 * with one query per chunk of keys (SQLAlchemy's {@code selectin} loading), so that N records cost one
 * query, not N. The loaded target records form a result of their own, with groups for their relations.
 * Thread-safe: loading is synchronized and runs once.
 *
 * @param <T> the target record type
 */
final class LoadGroup<T extends Record> {
    private final Relation<?, T> relation;
    private final LoadContext context;
    private final List<Lazy<?>> members;
    private Entity.Batch<T> loaded;

    @SuppressWarnings("unchecked")
    LoadGroup(Relation<?, ?> relation, LoadContext context, int expected) {
        this.relation = (Relation<?, T>) relation;
        this.context = context;
        this.members = new ArrayList<>(expected);
    }

    Relation<?, T> relation() { return relation; }

    /** @return a new member lazy for a record whose key value is {@code key} (a NULL key is resolved at once) */
    Lazy<?> member(Object key) {
        Lazy<Object> lazy = new Lazy<>(this, key);
        if (key == null) {
            lazy.set(relation.kind() != Relation.Kind.MANY_TO_ONE ? List.of() : relation.optional() ? Optional.empty() : null);
        } else {
            members.add(lazy);
        }
        return lazy;
    }

    /** Loads on a member's first {@link Lazy#get()}, unless the query was strict. */
    void loadOnAccess() {
        if (context.strict()) {
            synchronized (this) {
                if (loaded == null) {
                    throw new LazyLoadingException(relation.source().type().getSimpleName() + "." + relation.name()
                            + " was not loaded and the query is strict (no lazy loading); load it with the query:"
                            + " query().with(...) naming this relation");
                }
            }
        }
        load();
    }

    /**
     * Loads the relation for every member, once.
     *
     * @return the loaded target records, as a result of their own (for nested loading)
     */
    synchronized Entity.Batch<T> load() {
        if (loaded != null) return loaded;
        Entity<T> target = relation.target();
        Entity.Plan plan = target.plan();
        boolean manyToMany = relation.kind() == Relation.Kind.MANY_TO_MANY;
        @SuppressWarnings("unchecked")
        TableField<Object> match = (TableField<Object>) (manyToMany ? relation.joinSourceKey() : relation.targetKey());
        Map<Object, Object> keys = new LinkedHashMap<>();
        Class<?> keyType = match.type().javaType();
        for (Lazy<?> lazy : members) {
            Object key = lazy.key();
            keys.computeIfAbsent(normalize(key), k -> keyType.isInstance(key) ? key : Conversions.of(
                    "key of " + relation + " for column " + match.qualifiedName(), keyType, key.getClass()).convert(key));
        }
        List<Field<?>> fields = new ArrayList<>(plan.fields);
        int keyAt = fields.indexOf(match);
        if (keyAt < 0) {
            keyAt = fields.size();
            fields.add(match);
        }
        int matchAt = keyAt;
        Field<?>[] selectList = fields.toArray(Field<?>[]::new);
        List<Column<?>> primaryKey = target.primaryKey();
        OrderField[] order = primaryKey.toArray(OrderField[]::new);
        List<Object> all = new ArrayList<>(keys.values());
        int chunk = context.chunk();
        List<Row> rows = all.isEmpty() ? List.of() : context.run(session -> {
            List<Row> out = new ArrayList<>();
            for (int from = 0; from < all.size(); from += chunk) {
                List<Object> part = all.subList(from, Math.min(all.size(), from + chunk));
                Select<?> select = session.select(selectList).from(target.table());
                if (manyToMany) {
                    @SuppressWarnings("unchecked")
                    Field<Object> joinTarget = (Field<Object>) relation.joinTargetKey();
                    @SuppressWarnings("unchecked")
                    Field<Object> targetKey = (Field<Object>) relation.targetKey();
                    select = session.select(selectList).from(target.table()).join(relation.joinSourceKey().table())
                            .on(joinTarget.eq(targetKey));
                }
                out.addAll(select.where(match.in(part)).orderBy(order).fetch());
            }
            return out;
        });
        Entity.Batch<T> batch = target.map(rows, context);
        if (relation.kind() == Relation.Kind.MANY_TO_ONE) {
            Map<Object, T> byKey = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) byKey.putIfAbsent(normalize(rows.get(i).get(matchAt)), batch.records.get(i));
            for (Lazy<?> lazy : members) {
                T value = byKey.get(normalize(lazy.key()));
                lazy.set(relation.optional() ? Optional.ofNullable(value) : value);
            }
        } else {
            Map<Object, List<T>> byKey = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                byKey.computeIfAbsent(normalize(rows.get(i).get(matchAt)), k -> new ArrayList<>()).add(batch.records.get(i));
            }
            Map<Object, List<T>> frozen = new HashMap<>();
            for (Lazy<?> lazy : members) {
                Object key = normalize(lazy.key());
                lazy.set(frozen.computeIfAbsent(key, k -> {
                    List<T> list = byKey.get(k);
                    return list == null ? List.of() : Collections.unmodifiableList(list);
                }));
            }
        }
        loaded = batch;
        return batch;
    }

    /** Integral numbers compare as longs, so that an INTEGER key matches a BIGINT one. */
    private static Object normalize(Object key) {
        if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        if (key instanceof BigInteger b && b.bitLength() < 64) return b.longValue();
        return key;
    }
}
