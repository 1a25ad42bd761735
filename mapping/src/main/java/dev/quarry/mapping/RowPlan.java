package dev.quarry.mapping;

import dev.quarry.dsl.Field;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.TableField;
import dev.quarry.dsl.TableLike;
import dev.quarry.mapping.Conversions.Converter;
import dev.quarry.mapping.RecordShape.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * How the rows of one select list become records: per component, the position it reads and the
 * converter of the value, or the plan of a nested record. Built by {@link #byName} or
 * {@link #byPosition} once per select list, which is where every matching error is raised; the per-row
 * work ({@link #map}) is array fills, converters and one method-handle call per record. Immutable and
 * thread-safe.
 */
final class RowPlan<R> {
    /** The select list the plan was built for; {@link RecordMapper} compares it by identity per row. */
    final List<Field<?>> fields;
    private final Instantiator<R> instantiator;
    /** Per component: the select-list position it reads, or -1 for a nested record. */
    private final int[] positions;
    private final Converter[] converters;
    /** Per component: the plan of a nested record, or null. */
    private final Nested[] nested;

    private RowPlan(List<Field<?>> fields, Instantiator<R> instantiator, int[] positions, Converter[] converters,
                    Nested[] nested) {
        this.fields = fields;
        this.instantiator = instantiator;
        this.positions = positions;
        this.converters = converters;
        this.nested = nested;
    }

    /**
     * @param row a row of the select list this plan was built for
     * @return the record
     * @throws MappingException if a value cannot be converted (a SQL NULL for a primitive component, a
     *         number that does not fit, a string that names no enum constant)
     */
    R map(Row row) {
        Object[] args = new Object[positions.length];
        for (int i = 0; i < args.length; i++) {
            Nested n = nested[i];
            args[i] = n != null ? n.read(row) : positions[i] < 0 ? Lazy.FROM_ROWS : converters[i].convert(row.get(positions[i]));
        }
        return instantiator.create(args);
    }

    /**
     * @param other a select list equal to this plan's (element by element)
     * @return the same plan for that list instance
     */
    RowPlan<R> forFields(List<Field<?>> other) {
        return new RowPlan<>(other, instantiator, positions, converters, nested);
    }

    /** A record component filled from the columns of one table; null or empty when they are all NULL. */
    private static final class Nested {
        private final int[] positions;
        private final Converter[] converters;
        private final Instantiator<?> instantiator;
        private final boolean optional;

        Nested(int[] positions, Converter[] converters, Instantiator<?> instantiator, boolean optional) {
            this.positions = positions;
            this.converters = converters;
            this.instantiator = instantiator;
            this.optional = optional;
        }

        Object read(Row row) {
            Object[] args = new Object[positions.length];
            boolean present = false;
            for (int i = 0; i < args.length; i++) {
                Object v = positions[i] < 0 ? null : row.get(positions[i]);
                args[i] = v;
                if (v != null) present = true;
            }
            if (!present) return optional ? Optional.empty() : null;
            for (int i = 0; i < args.length; i++) args[i] = positions[i] < 0 ? Lazy.FROM_ROWS : converters[i].convert(args[i]);
            Object record = instantiator.create(args);
            return optional ? Optional.of(record) : record;
        }
    }

    // ---- building -----------------------------------------------------------------------------------

    /**
     * Component i reads column i.
     *
     * @throws MappingException if the counts differ or a column's type cannot be converted
     */
    static <R> RowPlan<R> byPosition(RecordShape<R> shape, List<Field<?>> fields) {
        Component[] components = shape.components;
        if (components.length != fields.size()) {
            StringJoiner names = new StringJoiner(", ", "(", ")");
            for (Component c : components) names.add(c.name);
            throw new MappingException(shape.type.getSimpleName() + " has " + components.length + " component"
                    + (components.length == 1 ? " " : "s ") + names + " but the select list has " + fields.size()
                    + " column" + (fields.size() == 1 ? " " : "s ") + selectList(fields));
        }
        int[] positions = new int[components.length];
        Converter[] converters = new Converter[components.length];
        for (int i = 0; i < components.length; i++) {
            positions[i] = i;
            converters[i] = converter(components[i].describe(shape), components[i], fields.get(i));
        }
        return new RowPlan<>(fields, shape.instantiator, positions, converters, new Nested[components.length]);
    }

    /**
     * Components by name; record components from the columns of one table each (see {@link Records}).
     *
     * @throws MappingException naming the component and the column when a component has no column, two
     *         columns or tables match, or a column's type cannot be converted
     */
    static <R> RowPlan<R> byName(RecordShape<R> shape, List<Field<?>> fields) {
        Component[] components = shape.components;
        int[] positions = new int[components.length];
        Converter[] converters = new Converter[components.length];
        Nested[] nested = new Nested[components.length];
        boolean[] consumed = new boolean[fields.size()];
        for (int i = 0; i < components.length; i++) {
            Component c = components[i];
            if (c.nested != null && !columnHoldsRecord(c, fields)) {
                nested[i] = nested(shape, c, fields, consumed);
                positions[i] = -1;
            }
        }
        for (int i = 0; i < components.length; i++) {
            if (nested[i] != null) continue;
            Component c = components[i];
            if (c.lazy) {
                positions[i] = -1;
                continue;
            }
            String where = c.describe(shape);
            List<Integer> matches = matches(c, fields, null);
            List<Integer> free = new ArrayList<>();
            for (int p : matches) if (!consumed[p]) free.add(p);
            List<Integer> chosen = free.isEmpty() ? matches : free;
            if (chosen.isEmpty()) {
                throw new MappingException(where + ": no column named " + c.columnName + " in the select list "
                        + selectList(fields));
            }
            if (chosen.size() > 1) throw ambiguous(where, chosen, fields);
            positions[i] = chosen.get(0);
            converters[i] = converter(where, c, fields.get(positions[i]));
        }
        return new RowPlan<>(fields, shape.instantiator, positions, converters, nested);
    }

    private static Nested nested(RecordShape<?> owner, Component component, List<Field<?>> fields, boolean[] consumed) {
        RecordShape<?> shape = component.nested;
        String path = owner.type.getSimpleName() + "." + component.name;
        String where = component.describe(owner);
        TableLike table = table(where, component, fields);
        Component[] components = shape.components;
        int[] positions = new int[components.length];
        Converter[] converters = new Converter[components.length];
        for (int i = 0; i < components.length; i++) {
            Component c = components[i];
            if (c.lazy) {
                positions[i] = -1;
                continue;
            }
            String inner = c.describe(shape) + " of " + path;
            List<Integer> matches = matches(c, fields, table);
            if (matches.isEmpty()) {
                Class<?> record = RecordShape.recordType(c.genericType);
                if (record != null) {
                    throw new MappingException(inner + ": records nest one level deep, and " + tableLabel(table)
                            + " has no column named " + c.columnName + " that holds a " + record.getSimpleName()
                            + "; make " + c.name + " a component of " + owner.type.getSimpleName());
                }
                throw new MappingException(inner + ": no column named " + c.columnName + " of " + tableLabel(table)
                        + " in the select list " + selectList(fields));
            }
            if (matches.size() > 1) throw ambiguous(inner, matches, fields);
            positions[i] = matches.get(0);
            consumed[positions[i]] = true;
            converters[i] = converter(inner, c, fields.get(positions[i]));
        }
        return new Nested(positions, converters, shape.instantiator, component.optional);
    }

    /** The table of the select list a record component is filled from: by the component's name, else by the record's. */
    private static TableLike table(String where, Component component, List<Field<?>> fields) {
        List<TableLike> tables = new ArrayList<>();
        for (Field<?> f : fields) {
            if (f instanceof TableField<?> c && tables.stream().noneMatch(t -> t == c.table())) tables.add(c.table());
        }
        String recordName = component.nested.type.getSimpleName();
        String recordKey = Conversions.normalize(recordName);
        List<TableLike> found = tablesKnownAs(tables, component.key);
        if (found.isEmpty() && !recordKey.equals(component.key)) found = tablesKnownAs(tables, recordKey);
        if (found.isEmpty()) {
            StringJoiner present = new StringJoiner(", ", "[", "]");
            for (TableLike t : tables) present.add(tableLabel(t));
            throw new MappingException(where + ": no table of the select list is named or aliased " + component.columnName
                    + (recordKey.equals(component.key) ? "" : " or " + recordName) + "; the tables are " + present
                    + "; alias one with Table.as(\"" + component.columnName + "\")");
        }
        if (found.size() > 1) {
            StringJoiner names = new StringJoiner(" and ");
            for (TableLike t : found) names.add(tableLabel(t));
            throw new MappingException(where + " matches " + found.size() + " tables of the select list, " + names
                    + "; give them distinct aliases with Table.as(...)");
        }
        return found.get(0);
    }

    private static List<TableLike> tablesKnownAs(List<TableLike> tables, String key) {
        List<TableLike> found = new ArrayList<>();
        for (TableLike t : tables) if (Conversions.normalize(t.alias() != null ? t.alias() : t.name()).equals(key)) found.add(t);
        return found;
    }

    /**
     * @param table null to search the whole select list, else only that table's columns
     * @return the positions of the columns whose names match the component's, without repeats of an equal field
     */
    private static List<Integer> matches(Component component, List<Field<?>> fields, TableLike table) {
        List<Integer> found = new ArrayList<>();
        for (int p = 0; p < fields.size(); p++) {
            Field<?> f = fields.get(p);
            if (table != null && !(f instanceof TableField<?> c && c.table() == table)) continue;
            if (!Conversions.normalize(f.name()).equals(component.key)) continue;
            if (found.stream().noneMatch(q -> fields.get(q).equals(f))) found.add(p);
        }
        return found;
    }

    /** @return whether a column named like a record component already holds that record type (so it is not nested) */
    private static boolean columnHoldsRecord(Component component, List<Field<?>> fields) {
        Class<?> record = component.nested.type;
        for (int p : matches(component, fields, null)) {
            if (record.isAssignableFrom(fields.get(p).type().javaType())) return true;
        }
        return false;
    }

    private static MappingException ambiguous(String where, List<Integer> positions, List<Field<?>> fields) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < positions.size(); i++) {
            if (i > 0) names.append(i == positions.size() - 1 ? " and " : ", ");
            names.append(columnLabel(fields.get(positions.get(i))));
        }
        return new MappingException(where + " matches " + positions.size() + " columns of the select list, " + names
                + "; give them distinct names with Field.as(...)");
    }

    private static Converter converter(String where, Component component, Field<?> field) {
        return Conversions.of(where + " from column " + columnLabel(field), component.genericType, field.type().javaType());
    }

    /** @return {@code table.column} (the table's alias if it has one), or the name of a computed or aliased field */
    static String columnLabel(Field<?> field) {
        if (field instanceof TableField<?> c) {
            TableLike t = c.table();
            return (t.alias() != null ? t.alias() : t.name()) + "." + c.name();
        }
        return field.name();
    }

    /** @return {@code name}, or {@code name AS alias} for an aliased table */
    static String tableLabel(TableLike table) {
        String alias = table.alias();
        return alias == null || alias.equals(table.name()) ? table.name() : table.name() + " AS " + alias;
    }

    /** @return the select list as messages show it: {@code [ms_film.film_id, ms_film.title, count]} */
    static String selectList(List<Field<?>> fields) {
        StringJoiner names = new StringJoiner(", ", "[", "]");
        for (Field<?> f : fields) names.add(columnLabel(f));
        return names.toString();
    }
}
