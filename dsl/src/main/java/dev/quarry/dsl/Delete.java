package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/**
 * An immutable DELETE from one table. It needs a WHERE condition, or an explicit {@link #all()} to
 * delete every row; rendering or running it without either fails.
 */
public final class Delete {
    private final Executor executor;
    private final TableLike table;
    private final Condition where;
    private final boolean all;

    private Delete(Executor executor, TableLike table, Condition where, boolean all) {
        this.executor = executor;
        this.table = table;
        this.where = where;
        this.all = all;
    }

    static Delete create(Executor executor, TableLike table) {
        if (table == null) throw new IllegalArgumentException("DELETE FROM null");
        return new Delete(executor, table, null, false);
    }

    /**
     * Adds a WHERE condition; a second call combines with the first by AND.
     *
     * @param condition the rows to delete
     * @return the statement
     */
    public Delete where(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("DELETE FROM " + table.name() + " WHERE null");
        return new Delete(executor, table, where == null ? condition : where.and(condition), all);
    }

    /** @return the statement, explicitly deleting every row of the table */
    public Delete all() {
        return new Delete(executor, table, where, true);
    }

    /**
     * @param dialect the dialect
     * @return the SQL and bind values
     * @throws IllegalStateException if there is neither WHERE nor {@code all()}
     */
    public Rendered render(Dialect dialect) {
        if (where == null && !all) {
            throw new IllegalStateException("DELETE FROM " + table.name() + " has no WHERE condition; call all() to delete every row");
        }
        SqlBuilder b = new SqlBuilder(dialect);
        b.pushScope(List.of(table));
        b.append("DELETE FROM ").visit(table);
        if (where != null) b.append(" WHERE ").visit(where);
        b.popScope();
        return b.toRendered();
    }

    /**
     * Runs the delete.
     *
     * @return the number of rows deleted
     * @throws IllegalStateException if there is neither WHERE nor {@code all()}, or the statement is detached
     * @throws DataAccessException if the database refuses (a foreign key violation is a subclass)
     */
    public int execute() {
        if (executor == null) throw new IllegalStateException("this DELETE is not attached to a database");
        return executor.execute(render(executor.dialect()));
    }
}
