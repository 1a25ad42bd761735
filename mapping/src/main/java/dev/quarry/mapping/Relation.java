package dev.quarry.mapping;

import dev.quarry.dsl.TableField;

/**
 * A relation between two entities, declared once on the source entity ({@link Entity#manyToOne},
 * {@link Entity#oneToMany}, {@link Entity#manyToMany}) and filled into the source record's {@link Lazy}
 * component of the same name. The handle names the relation in {@link EntityQuery#with} for eager
 * loading. Immutable; compared by identity.
 *
 * @param <S> the source record type (the one with the {@code Lazy} component)
 * @param <T> the target record type (the element type for to-many relations)
 */
public final class Relation<S extends Record, T extends Record> {
    /** The kinds of relation. */
    public enum Kind {
        /** Each source row holds a foreign key to one target row: {@code Lazy<T>} or {@code Lazy<Optional<T>>}. */
        MANY_TO_ONE,
        /** Target rows hold a foreign key to the source row: {@code Lazy<List<T>>}. */
        ONE_TO_MANY,
        /** A join table holds pairs of keys: {@code Lazy<List<T>>}. */
        MANY_TO_MANY
    }

    private final Kind kind;
    private final Entity<S> source;
    private final Entity<T> target;
    private final String name;
    private final boolean optional;
    private final TableField<?> sourceKey;
    private final TableField<?> targetKey;
    private final TableField<?> joinSourceKey;
    private final TableField<?> joinTargetKey;

    /**
     * @param sourceKey the column of the source table whose value a source record is loaded by
     * @param targetKey the column of the target table matched against those values (MANY_TO_ONE,
     *                  ONE_TO_MANY) or referenced by the join table (MANY_TO_MANY)
     */
    Relation(Kind kind, Entity<S> source, Entity<T> target, String name, boolean optional, TableField<?> sourceKey,
             TableField<?> targetKey, TableField<?> joinSourceKey, TableField<?> joinTargetKey) {
        this.kind = kind;
        this.source = source;
        this.target = target;
        this.name = name;
        this.optional = optional;
        this.sourceKey = sourceKey;
        this.targetKey = targetKey;
        this.joinSourceKey = joinSourceKey;
        this.joinTargetKey = joinTargetKey;
    }

    /** @return the kind of relation */
    public Kind kind() { return kind; }

    /** @return the entity whose records carry the relation */
    public Entity<S> source() { return source; }

    /** @return the entity the relation leads to */
    public Entity<T> target() { return target; }

    /** @return the name of the source record's {@code Lazy} component */
    public String name() { return name; }

    /** @return for MANY_TO_ONE, whether the component is {@code Lazy<Optional<T>>} */
    boolean optional() { return optional; }

    TableField<?> sourceKey() { return sourceKey; }

    TableField<?> targetKey() { return targetKey; }

    TableField<?> joinSourceKey() { return joinSourceKey; }

    TableField<?> joinTargetKey() { return joinTargetKey; }

    /** @return e.g. {@code Customer.rentals (ONE_TO_MANY to Rental)} */
    @Override
    public String toString() {
        return source.type().getSimpleName() + "." + name + " (" + kind + " to " + target.type().getSimpleName() + ")";
    }
}
