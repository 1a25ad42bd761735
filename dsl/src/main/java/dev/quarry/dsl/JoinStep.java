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

    // ---- joins ----

    /**
     * Joins on the one declared foreign key between the joined table and the tables already in the
     * query, in either direction: {@code select(...).from(RENTAL).join(FILM).onForeignKey()} renders
     * {@code ON "rental"."film_id" = "film"."film_id"}. An aliased table ({@code Table.as}) counts as the
     * table it aliases, its columns matched by name.
     *
     * @return the query with the join added
     * @throws IllegalArgumentException if no declared foreign key links the tables, or several do (the
     *         message names them; choose one with {@link #onForeignKey(TableField)})
     */
    public Select<R> onForeignKey() {
        return on(ForeignKeyJoin.condition(select.tablesInQuery(), table, null, kind));
    }

    /**
     * Joins on the foreign key declared by one column, of the joined table or of a table already in the
     * query: {@code .from(FILM).join(LANGUAGE).onForeignKey(FILM.originalLanguageId)}, or for a
     * self-join {@code .from(CUSTOMER).join(referrer).onForeignKey(CUSTOMER.referredBy)}.
     *
     * @param referencing the column that declares the foreign key, of the exact (aliased or not) table
     *                    in the query
     * @return the query with the join added
     * @throws IllegalArgumentException if the column is null or its foreign key does not link the joined
     *         table and a table of the query
     */
    public Select<R> onForeignKey(TableField<?> referencing) {
        if (referencing == null) throw new IllegalArgumentException(kind + " " + table.name() + " onForeignKey(null)");
        return on(ForeignKeyJoin.condition(select.tablesInQuery(), table, referencing, kind));
    }

    record Join(String kind, TableLike table, Condition on) {}
}
