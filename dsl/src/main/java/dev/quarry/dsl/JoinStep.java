package dev.quarry.dsl;

/**
 * The half-built join of {@code select.join(table)}: completed by {@link #on(Condition)}.
 *
 * @param <R> the row type of the query
 */
public final class JoinStep<R extends Row> {
    private final Select<R> select;
    private final String kind;
    private final TableLike table;

    JoinStep(Select<R> select, String kind, TableLike table) {
        this.select = select;
        this.kind = kind;
        this.table = table;
    }

    /**
     * @param condition the join condition
     * @return the query with the join added
     * @throws IllegalArgumentException if condition is null
     */
    public Select<R> on(Condition condition) {
        if (condition == null) {
            throw new IllegalArgumentException(kind + " " + table.name() + " ON null: a join needs a condition");
        }
        return select.withJoin(new Join(kind, table, condition));
    }

    record Join(String kind, TableLike table, Condition on) {}
}
