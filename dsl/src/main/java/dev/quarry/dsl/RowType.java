package dev.quarry.dsl;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The shape shared by all rows of one result: the fields and a lookup from field to position. Fields are
 * found by identity first, by {@code equals} only when the instance asked for is not in the select list:
 * building the lookup never hashes a field, since a record's {@code hashCode} walks its whole expression
 * tree recursively.
 */
final class RowType {
    private final List<Field<?>> fields;
    private final Map<Field<?>, Integer> index;

    RowType(List<Field<?>> fields) {
        this.fields = List.copyOf(fields);
        Map<Field<?>, Integer> map = new IdentityHashMap<>(fields.size() * 2);
        for (int i = fields.size() - 1; i >= 0; i--) {
            Field<?> f = fields.get(i);
            map.put(f, i);
        }
        // Unaliased fields may be looked up through their alias.
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i) instanceof AliasedField<?> a && !map.containsKey(a.field())) map.put(a.field(), i);
        }
        this.index = map;
    }

    List<Field<?>> fields() { return fields; }

    int indexOf(Field<?> field) {
        Integer i = index.get(field);
        if (i == null) i = indexOfEqual(field);
        if (i == null) {
            throw new IllegalArgumentException(Param.describe(field) + " is not in the select list "
                    + names());
        }
        return i;
    }

    /** The first field equal to the one asked for, else the last alias of an equal field, else null. */
    private Integer indexOfEqual(Field<?> field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equals(field)) return i;
        }
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i) instanceof AliasedField<?> a && a.field().equals(field)) return i;
        }
        return null;
    }

    int indexOf(String name) {
        int found = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                if (found >= 0) throw new IllegalArgumentException("result column name '" + name + "' is ambiguous in " + names());
                found = i;
            }
        }
        if (found < 0) throw new IllegalArgumentException("no result column named '" + name + "' in " + names());
        return found;
    }

    String names() {
        return fields.stream().map(f -> f instanceof TableField<?> c ? c.qualifiedName() : f.name())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
