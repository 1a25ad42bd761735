package dev.quarry.dsl;

/** What INSERT, UPDATE and DELETE accept as their table: a declared table without alias. */
final class WriteTarget {
    private WriteTarget() {}

    /**
     * @param table the target, not null
     * @param statement the statement in messages, such as {@code UPDATE}
     * @throws IllegalArgumentException if the table is a derived table, a CTE or an aliased table
     */
    static void check(TableLike table, String statement) {
        if (table instanceof DerivedTable || table instanceof Cte) {
            throw new IllegalArgumentException(statement + " " + table.name() + ": a " + (table instanceof Cte ? "CTE" : "derived table")
                    + " cannot be written to; name a declared table");
        }
        if (table.alias() != null) {
            throw new IllegalArgumentException(statement + " " + table.name() + " AS " + table.alias()
                    + ": an aliased table cannot be the target of " + statement + "; use the table itself (aliases are for reading)");
        }
    }
}
