package dev.quarry.dsl;

import java.util.ArrayList;
import java.util.List;

/** Checks shared by UPDATE ... FROM and DELETE ... USING: the other tables a statement joins to its target. */
final class JoinedTables {
    private JoinedTables() {}

    /**
     * @param clause the clause in messages, such as {@code UPDATE film ... FROM}
     * @param target the statement's table
     * @param existing the other tables added so far
     * @param more the tables to add
     * @return existing and more, unmodifiable
     * @throws IllegalArgumentException if no table is given, a table is null, is the target, or is given twice
     */
    static List<TableLike> add(String clause, TableLike target, List<TableLike> existing, TableLike... more) {
        if (more.length == 0) throw new IllegalArgumentException(clause + " needs at least one table");
        List<TableLike> all = new ArrayList<>(existing);
        for (TableLike t : more) {
            if (t == null) throw new IllegalArgumentException(clause + " null");
            if (t == target) {
                throw new IllegalArgumentException(clause + " " + t.name() + ": table " + t.name()
                        + " is the statement's own table; joining a table to itself needs an aliased table");
            }
            for (TableLike e : all) {
                if (e == t) throw new IllegalArgumentException(clause + " " + t.name() + ": table " + t.name() + " is given twice");
            }
            all.add(t);
        }
        return List.copyOf(all);
    }

    /**
     * @param target the statement's table
     * @param others the other tables
     * @return the tables whose columns the statement may use: the target first
     */
    static List<TableLike> scope(TableLike target, List<TableLike> others) {
        List<TableLike> scope = new ArrayList<>(others.size() + 1);
        scope.add(target);
        scope.addAll(others);
        return scope;
    }
}
