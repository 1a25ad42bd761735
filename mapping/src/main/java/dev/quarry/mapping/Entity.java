package dev.quarry.mapping;

import dev.quarry.dsl.Field;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.TableField;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record type bound to a table: each component is read from (and written to) the column of the same
 * name (underscores and case ignored, {@code customerId} ↔ {@code customer_id}; {@link ColumnName}
 * overrides), and each {@link Lazy} component is a relation declared on this entity. Declared once, as
 * constants next to the tables:
 *
 * <pre>{@code
 * record Customer(int customerId, String firstName, String lastName, Lazy<List<Rental>> rentals) {}
 * record Rental(int rentalId, int customerId, LocalDateTime rentalDate, Lazy<Customer> customer) {}
 *
 * static final Entity<Customer> CUSTOMERS = Entity.of(Customer.class, CUSTOMER);
 * static final Entity<Rental> RENTALS = Entity.of(Rental.class, RENTAL);
 * static final Relation<Customer, Rental> CUSTOMER_RENTALS = CUSTOMERS.oneToMany("rentals", RENTALS, RENTAL.customerId);
 * static final Relation<Rental, Customer> RENTAL_CUSTOMER = RENTALS.manyToOne("customer", CUSTOMERS, RENTAL.customerId);
 * }</pre>
 *
 * <p>Rules checked when the entity and its relations are declared, each failing with a
 * {@link MappingException} that names the record component and the column: every non-{@code Lazy}
 * component has a column of the table and a type its values convert to and from (see {@link Records} for
 * the conversions); every primary-key column of the table has a component. Table columns without a
 * component are neither read nor written (their defaults apply on insert). Relations are declared before
 * the entity is first used (the first query, repository call or mapping seals it, as a {@link Table}
 * seals on first use); every {@code Lazy} component must then have a relation, else the first use fails.
 * After that the entity is immutable and thread-safe.
 *
 * @param <E> the record type
 */
public final class Entity<E extends Record> {
    private final Class<E> type;
    private final Table table;
    private final Instantiator<E> instantiator;
    private final RecordComponent[] components;
    /** Per component: its column, or null for a {@code Lazy} component. */
    private final Column<?>[] columns;
    private final Conversions.Converter[] readers;
    private final Conversions.Converter[] writers;
    private final MethodHandle[] accessors;
    private final List<Column<?>> primaryKey;
    private final Map<String, Relation<E, ?>> relations = new LinkedHashMap<>();
    private volatile Plan plan;

    private Entity(Class<E> type, Table table) {
        this.type = type;
        this.table = table;
        this.instantiator = Instantiator.of(type);
        this.components = type.getRecordComponents();
        int n = components.length;
        this.columns = new Column<?>[n];
        this.readers = new Conversions.Converter[n];
        this.writers = new Conversions.Converter[n];
        this.accessors = new MethodHandle[n];
        List<Column<?>> all = table.columns();
        for (int c = 0; c < n; c++) {
            RecordComponent component = components[c];
            accessors[c] = accessor(component);
            if (component.getType() == Lazy.class) continue;
            ColumnName named = component.getAnnotation(ColumnName.class);
            String wanted = Conversions.normalize(named != null ? named.value() : component.getName());
            Column<?> found = null;
            for (Column<?> column : all) {
                if (Conversions.normalize(column.name()).equals(wanted)) {
                    found = column;
                    break;
                }
            }
            if (found == null) {
                List<String> names = new ArrayList<>();
                for (Column<?> column : all) names.add(column.name());
                throw new MappingException("Entity " + type.getSimpleName() + ": component '" + component.getName() + "' ("
                        + component.getType().getSimpleName() + ") has no column in table " + table.name() + " " + names
                        + (named != null ? " (@ColumnName(\"" + named.value() + "\"))" : "; name it with @ColumnName"));
            }
            for (int other = 0; other < c; other++) {
                if (columns[other] == found) {
                    throw new MappingException("Entity " + type.getSimpleName() + ": components '" + components[other].getName()
                            + "' and '" + component.getName() + "' both map to column " + found.qualifiedName());
                }
            }
            columns[c] = found;
            String where = type.getSimpleName() + "." + component.getName() + " (" + component.getGenericType().getTypeName()
                    + ") from column " + found.qualifiedName() + " (" + found.type().javaType().getSimpleName() + ")";
            readers[c] = Conversions.of(where, component.getGenericType(), found.type().javaType());
            writers[c] = writer(component, found);
        }
        this.primaryKey = table.primaryKeyColumns();
        if (primaryKey.isEmpty()) {
            throw new MappingException("Entity " + type.getSimpleName() + ": table " + table.name()
                    + " has no primary key; an entity needs one (findById, update and relations use it)");
        }
        for (Column<?> key : primaryKey) {
            if (componentOf(key) < 0) {
                throw new MappingException("Entity " + type.getSimpleName() + ": the primary-key column " + key.qualifiedName()
                        + " has no component");
            }
        }
    }

    /**
     * Binds a record type to a table.
     *
     * @param type the record class; its canonical constructor is used (also when not public)
     * @param table the table, unaliased
     * @param <E> the record type
     * @return the entity; declare its relations next, before its first use
     * @throws MappingException if a component has no column or an unconvertible type, a primary-key column
     *         has no component, or the table has no primary key
     * @throws IllegalArgumentException if the table is an alias
     */
    public static <E extends Record> Entity<E> of(Class<E> type, Table table) {
        if (type == null || table == null) throw new IllegalArgumentException("Entity.of(" + type + ", " + table + ")");
        if (table.alias() != null) {
            throw new IllegalArgumentException("Entity " + type.getSimpleName() + ": bind it to table " + table.name()
                    + " itself, not to its alias " + table.alias());
        }
        return new Entity<>(type, table);
    }

    /** @return the record class */
    public Class<E> type() { return type; }

    /** @return the table */
    public Table table() { return table; }

    /** @return the relations declared on this entity, in declaration order */
    public List<Relation<E, ?>> relations() {
        synchronized (relations) {
            return List.copyOf(relations.values());
        }
    }

    /**
     * A repository of this entity's records on a session: a {@link dev.quarry.dsl.Database} (each call on
     * a pooled connection) or a {@link dev.quarry.dsl.Transaction} (the transaction's connection).
     *
     * @param session where statements run
     * @return the repository
     * @throws MappingException if a {@code Lazy} component has no relation (the entity is sealed here)
     */
    public Repository<E> repository(Session session) {
        if (session == null) throw new IllegalArgumentException("repository(null)");
        plan();
        return new Repository<>(this, session, false, 0);
    }

    // ---- relations ----

    /**
     * Declares a many-to-one relation: each record of this entity refers to one target record through a
     * foreign-key column of this entity's table. The component is {@code Lazy<T>} when the column is NOT
     * NULL, {@code Lazy<Optional<T>>} when it is nullable (empty for a NULL key).
     *
     * @param component the name of this record's {@code Lazy} component
     * @param target the referenced entity
     * @param foreignKey the column of this entity's table; it must reference a column of the target's table
     *                   (or the target's single-column primary key is taken)
     * @param <T> the target record type
     * @return the relation, for {@link EntityQuery#with}
     * @throws MappingException if the component is missing or of another type, or the column does not fit
     * @throws IllegalStateException if the entity is already in use
     */
    public <T extends Record> Relation<E, T> manyToOne(String component, Entity<T> target, TableField<?> foreignKey) {
        RecordComponent rc = lazyComponent(component);
        ownColumn(foreignKey, table, "foreign key");
        TableField<?> referenced = referencedIn(foreignKey, target.table, target);
        Type value = Conversions.argument(rc.getGenericType());
        boolean optional = value != null && Conversions.raw(value) == Optional.class;
        Type element = optional ? Conversions.argument(value) : value;
        if (element != target.type) {
            throw new MappingException("Entity " + type.getSimpleName() + ": component '" + component + "' is "
                    + rc.getGenericType().getTypeName() + "; a many-to-one relation to " + target.type.getSimpleName()
                    + " needs Lazy<" + target.type.getSimpleName() + "> or Lazy<Optional<" + target.type.getSimpleName() + ">>");
        }
        if (!optional && foreignKey instanceof Column<?> c && c.isNullable()) {
            throw new MappingException("Entity " + type.getSimpleName() + ": component '" + component + "': column "
                    + foreignKey.qualifiedName() + " is nullable; declare the component as Lazy<Optional<"
                    + target.type.getSimpleName() + ">>");
        }
        return declare(new Relation<>(Relation.Kind.MANY_TO_ONE, this, target, component, optional, foreignKey, referenced,
                null, null));
    }

    /**
     * Declares a one-to-many relation: records of the target entity refer to a record of this entity
     * through a foreign-key column of the target's table. The component is {@code Lazy<List<T>>}, ordered
     * by the target's primary key.
     *
     * @param component the name of this record's {@code Lazy} component
     * @param target the referring entity
     * @param foreignKey the column of the target's table; it must reference a column of this entity's table
     *                   (or this entity's single-column primary key is taken)
     * @param <T> the target record type
     * @return the relation, for {@link EntityQuery#with}
     * @throws MappingException if the component is missing or of another type, or the column does not fit
     * @throws IllegalStateException if the entity is already in use
     */
    public <T extends Record> Relation<E, T> oneToMany(String component, Entity<T> target, TableField<?> foreignKey) {
        RecordComponent rc = lazyComponent(component);
        listOf(rc, target, "one-to-many");
        ownColumn(foreignKey, target.table, "foreign key");
        TableField<?> referenced = referencedIn(foreignKey, table, this);
        return declare(new Relation<>(Relation.Kind.ONE_TO_MANY, this, target, component, false, referenced, foreignKey,
                null, null));
    }

    /**
     * Declares a many-to-many relation through a join table that holds a column referring to this
     * entity's table and one referring to the target's. The component is {@code Lazy<List<T>>}, ordered by
     * the target's primary key.
     *
     * @param component the name of this record's {@code Lazy} component
     * @param target the entity at the other end
     * @param sourceColumn the join table's column that references this entity's table
     * @param targetColumn the join table's column that references the target's table
     * @param <T> the target record type
     * @return the relation, for {@link EntityQuery#with}
     * @throws MappingException if the component is missing or of another type, or the columns do not fit
     * @throws IllegalStateException if the entity is already in use
     */
    public <T extends Record> Relation<E, T> manyToMany(String component, Entity<T> target, TableField<?> sourceColumn,
                                                        TableField<?> targetColumn) {
        RecordComponent rc = lazyComponent(component);
        listOf(rc, target, "many-to-many");
        if (sourceColumn == null || targetColumn == null || sourceColumn.table() != targetColumn.table()) {
            throw new MappingException("Entity " + type.getSimpleName() + ": many-to-many '" + component
                    + "' needs two columns of one join table, got " + label(sourceColumn) + " and " + label(targetColumn));
        }
        TableField<?> sourceReferenced = referencedIn(sourceColumn, table, this);
        TableField<?> targetReferenced = referencedIn(targetColumn, target.table, target);
        return declare(new Relation<>(Relation.Kind.MANY_TO_MANY, this, target, component, false, sourceReferenced,
                targetReferenced, sourceColumn, targetColumn));
    }

    private <T extends Record> Relation<E, T> declare(Relation<E, T> relation) {
        synchronized (relations) {
            if (plan != null) {
                throw new IllegalStateException("Entity " + type.getSimpleName() + " is already in use; declare relation '"
                        + relation.name() + "' before its first query");
            }
            if (relations.containsKey(relation.name())) {
                throw new IllegalStateException("Entity " + type.getSimpleName() + " already has a relation '" + relation.name() + "'");
            }
            relations.put(relation.name(), relation);
        }
        return relation;
    }

    private RecordComponent lazyComponent(String name) {
        for (RecordComponent rc : components) {
            if (rc.getName().equals(name)) {
                if (rc.getType() != Lazy.class) {
                    throw new MappingException("Entity " + type.getSimpleName() + ": component '" + name + "' is "
                            + rc.getGenericType().getTypeName() + "; a relation needs a Lazy component");
                }
                return rc;
            }
        }
        throw new MappingException("Entity " + type.getSimpleName() + " has no component '" + name + "'");
    }

    private void listOf(RecordComponent rc, Entity<?> target, String kind) {
        Type value = Conversions.argument(rc.getGenericType());
        if (value == null || Conversions.raw(value) != List.class || Conversions.argument(value) != target.type) {
            throw new MappingException("Entity " + type.getSimpleName() + ": component '" + rc.getName() + "' is "
                    + rc.getGenericType().getTypeName() + "; a " + kind + " relation to " + target.type.getSimpleName()
                    + " needs Lazy<List<" + target.type.getSimpleName() + ">>");
        }
    }

    private void ownColumn(TableField<?> column, Table owner, String what) {
        if (column == null || column.table() != owner) {
            throw new MappingException("Entity " + type.getSimpleName() + ": the " + what + " " + label(column)
                    + " is not a column of table " + owner.name());
        }
    }

    /** The column of {@code in} that a foreign-key column refers to: its declared reference, else the single key. */
    private TableField<?> referencedIn(TableField<?> foreignKey, Table in, Entity<?> owner) {
        Optional<TableField<?>> declared = foreignKey.referencedColumn();
        if (declared.isPresent()) {
            if (declared.get().table() != in) {
                throw new MappingException("Entity " + type.getSimpleName() + ": column " + foreignKey.qualifiedName()
                        + " references " + declared.get().qualifiedName() + ", not a column of table " + in.name());
            }
            return declared.get();
        }
        if (owner.primaryKey.size() != 1) {
            throw new MappingException("Entity " + type.getSimpleName() + ": column " + foreignKey.qualifiedName()
                    + " declares no reference and table " + in.name() + " has no single-column primary key");
        }
        return owner.primaryKey.get(0);
    }

    private static String label(TableField<?> column) {
        return column == null ? "null" : column.qualifiedName();
    }

    // ---- the plan: what a query selects and how a row becomes a record ----

    /**
     * The select list (the mapped columns, then key columns relations need that no component maps) and,
     * per component, the position it is read from or the relation and key position of its {@code Lazy}.
     */
    static final class Plan {
        final List<Field<?>> fields;
        final int[] positions;
        final Relation<?, ?>[] relationAt;
        final int[] primaryKeyPositions;

        Plan(List<Field<?>> fields, int[] positions, Relation<?, ?>[] relationAt, int[] primaryKeyPositions) {
            this.fields = fields;
            this.positions = positions;
            this.relationAt = relationAt;
            this.primaryKeyPositions = primaryKeyPositions;
        }
    }

    Plan plan() {
        Plan p = plan;
        if (p != null) return p;
        synchronized (relations) {
            if (plan != null) return plan;
            List<Field<?>> fields = new ArrayList<>();
            int[] positions = new int[components.length];
            Relation<?, ?>[] relationAt = new Relation<?, ?>[components.length];
            for (int c = 0; c < components.length; c++) {
                if (columns[c] != null) {
                    positions[c] = fields.size();
                    fields.add(columns[c]);
                }
            }
            for (int c = 0; c < components.length; c++) {
                if (columns[c] != null) continue;
                Relation<E, ?> relation = relations.get(components[c].getName());
                if (relation == null) {
                    throw new MappingException("Entity " + type.getSimpleName() + ": component '" + components[c].getName()
                            + "' (" + components[c].getGenericType().getTypeName() + ") has no relation; declare it with"
                            + " manyToOne, oneToMany or manyToMany before the entity's first use");
                }
                relationAt[c] = relation;
                TableField<?> key = relation.sourceKey();
                int at = fields.indexOf(key);
                if (at < 0) {
                    at = fields.size();
                    fields.add(key);
                }
                positions[c] = at;
            }
            int[] keyPositions = new int[primaryKey.size()];
            for (int k = 0; k < keyPositions.length; k++) keyPositions[k] = fields.indexOf(primaryKey.get(k));
            plan = p = new Plan(List.copyOf(fields), positions, relationAt, keyPositions);
            return p;
        }
    }

    /** Records mapped from one result, with one load group per relation shared by all of them. */
    static final class Batch<E extends Record> {
        final List<E> records;
        final Map<Relation<?, ?>, LoadGroup<?>> groups;

        Batch(List<E> records, Map<Relation<?, ?>, LoadGroup<?>> groups) {
            this.records = records;
            this.groups = groups;
        }
    }

    /**
     * Maps the rows of one result (selected with {@link Plan#fields} first; more columns may follow).
     *
     * @throws MappingException at the first row whose value cannot be converted
     */
    Batch<E> map(List<? extends Row> rows, LoadContext context) {
        return map(rows, Row::get, context);
    }

    /** Reads the value at a select-list position of one row. */
    @FunctionalInterface
    interface ValueReader<X> {
        Object get(X row, int position);
    }

    private <X> Batch<E> map(List<? extends X> rows, ValueReader<X> reader, LoadContext context) {
        Plan p = plan();
        Map<Relation<?, ?>, LoadGroup<?>> groups = new LinkedHashMap<>();
        LoadGroup<?>[] groupAt = new LoadGroup<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            Relation<?, ?> relation = p.relationAt[c];
            if (relation != null) {
                LoadGroup<?> group = new LoadGroup<>(relation, context, rows.size());
                groups.put(relation, group);
                groupAt[c] = group;
            }
        }
        List<E> out = new ArrayList<>(rows.size());
        Object[] args = new Object[components.length];
        for (X row : rows) {
            for (int c = 0; c < args.length; c++) {
                Object v = reader.get(row, p.positions[c]);
                LoadGroup<?> group = groupAt[c];
                args[c] = group == null ? readers[c].convert(v) : group.member(v);
            }
            out.add(instantiator.create(args));
        }
        return new Batch<>(Collections.unmodifiableList(out), groups);
    }

    /**
     * Maps column values given per select-list position of the plan (an inserted record).
     */
    E mapOne(Object[] values, LoadContext context) {
        return map(List.<Object[]>of(values), (Object[] row, int i) -> row[i], context).records.get(0);
    }

    /**
     * The record's values for the plan's select list, converted to the columns' types. A many-to-one
     * relation's foreign-key column that no component maps takes its value from the relation: the key it
     * was read with, else the key of the target record a {@link Lazy#of} holds; else it stays null.
     */
    Object[] values(E record) {
        Plan p = plan();
        Object[] values = new Object[p.fields.size()];
        for (int c = 0; c < components.length; c++) {
            if (columns[c] != null) values[p.positions[c]] = writers[c].convert(read(c, record));
        }
        for (int c = 0; c < components.length; c++) {
            Relation<?, ?> relation = p.relationAt[c];
            if (relation == null || relation.kind() != Relation.Kind.MANY_TO_ONE || componentOf(relation.sourceKey()) >= 0) continue;
            Lazy<?> lazy = (Lazy<?>) read(c, record);
            if (lazy == null) continue;
            Object key = lazy.key();
            if (key == null && lazy.isLoaded()) key = targetKey(relation, lazy.get());
            values[p.positions[c]] = key;
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> Object targetKey(Relation<?, T> relation, Object loaded) {
        Object target = loaded instanceof Optional<?> o ? o.orElse(null) : loaded;
        if (target == null) return null;
        Entity<T> entity = relation.target();
        Object[] values = entity.values((T) target);
        return values[entity.plan().fields.indexOf(relation.targetKey())];
    }

    private Object read(int component, E record) {
        try {
            return accessors[component].invokeExact((Object) record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("Entity " + type.getSimpleName() + ": reading component '"
                    + components[component].getName() + "' failed: " + e, e);
        }
    }

    /** @return the component index mapped to a column, or -1 */
    int componentOf(TableField<?> column) {
        for (int c = 0; c < columns.length; c++) if (columns[c] == column) return c;
        return -1;
    }

    /** @return the columns a write may set, in select-list order: those of components and relation foreign keys */
    List<Column<?>> mappedColumns() {
        List<Column<?>> out = new ArrayList<>();
        for (Field<?> f : plan().fields) if (f instanceof Column<?> c) out.add(c);
        return out;
    }

    /** @return whether a component maps the column (else only a relation uses it) */
    boolean hasComponent(Column<?> column) {
        return componentOf(column) >= 0;
    }

    List<Column<?>> primaryKey() { return primaryKey; }

    // ---- conversions and accessors ----

    private static MethodHandle accessor(RecordComponent component) {
        try {
            Method m = component.getAccessor();
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException("record component " + component.getDeclaringRecord().getSimpleName() + "."
                    + component.getName() + " cannot be read: " + e, e);
        }
    }

    private Conversions.Converter writer(RecordComponent component, Column<?> column) {
        String where = type.getSimpleName() + "." + component.getName() + " (" + component.getGenericType().getTypeName()
                + ") into column " + column.qualifiedName() + " (" + column.type().javaType().getSimpleName() + ")";
        Class<?> raw = component.getType();
        if (raw == Optional.class) {
            Type inner = Conversions.argument(component.getGenericType());
            Conversions.Converter convert = Conversions.of(where, column.type().javaType(), Conversions.raw(inner));
            return v -> v == null ? null : ((Optional<?>) v).map(convert::convert).orElse(null);
        }
        return Conversions.of(where, column.type().javaType(), Conversions.boxed(raw));
    }

    @Override
    public String toString() {
        return "Entity<" + type.getSimpleName() + "> on " + table.name();
    }
}
