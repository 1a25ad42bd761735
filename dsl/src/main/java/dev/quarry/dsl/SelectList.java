package dev.quarry.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The result columns of a query used as a table (derived table, CTE): their names and how a field finds its position. */
final class SelectList {
    private SelectList() {}

    /**
     * The name of each result column: a column's name, a field's alias.
     *
     * @param fields the select list
     * @param what the table in messages, such as {@code derived table t}
     * @return the names, in order
     * @throws IllegalArgumentException if a field has no name the database is sure to give it (an
     *         expression without alias), or two fields have the same name
     */
    static List<String> names(List<Field<?>> fields, String what) {
        List<String> names = new ArrayList<>(fields.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Field<?> f = fields.get(i);
            String name;
            if (f instanceof AliasedField<?> a) name = a.alias();
            else if (f instanceof TableField<?> c) name = c.name();
            else {
                throw new IllegalArgumentException(what + ": select-list field " + (i + 1) + " (" + Param.describe(f)
                        + ") is an expression without a column name; name it with as(\"...\")");
            }
            if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(what + " would have two columns named " + name
                        + "; rename one with as(\"...\")");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * Finds a select-list field: the same field, else the one field that aliases it.
     *
     * @param fields the select list
     * @param field the field asked for
     * @param what the table in messages
     * @return its 0-based position
     * @throws IllegalArgumentException if the field is not in the list, or several aliases of it are
     */
    static int indexOf(List<Field<?>> fields, Field<?> field, String what) {
        if (field == null) throw new IllegalArgumentException(what + ": field(null)");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equals(field)) return i;
        }
        int found = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) instanceof AliasedField<?> a && a.field().equals(field)) {
                if (found >= 0) {
                    throw new IllegalArgumentException(what + ": " + Param.describe(field)
                            + " is in the select list under several aliases; ask for the aliased field");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(what + ": " + Param.describe(field) + " is not in its select list "
                    + describe(fields));
        }
        return found;
    }

    static String describe(List<Field<?>> fields) {
        return fields.stream().map(f -> f instanceof TableField<?> c ? c.qualifiedName() : f.name())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
