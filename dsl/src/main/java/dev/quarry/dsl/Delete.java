package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.StatementKind;

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
    private final List<Field<?>> returning;
    private final List<TableLike> using;
    private final WithClause with;

    private Delete(Executor executor, TableLike table, Condition where, boolean all, List<Field<?>> returning, List<TableLike> using, WithClause with) {
        this.executor = executor;
        this.table = table;
        this.where = where;
        this.all = all;
        this.returning = returning;
        this.using = using;
        this.with = with;
    }

    static Delete create(Executor executor, TableLike table) {
        if (table == null) throw new IllegalArgumentException("DELETE FROM null");
        WriteTarget.check(table, "DELETE FROM");
        return new Delete(executor, table, null, false, List.of(), List.of(), null);
    }

    /**
     * Adds a WHERE condition; a second call combines with the first by AND.
     *
     * @param condition the rows to delete
     * @return the statement
     */
    public Delete where(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("DELETE FROM " + table.name() + " WHERE null");
        return new Delete(executor, table, where == null ? condition : where.and(condition), all, returning, using, with);
    }

    /** @return the statement, explicitly deleting every row of the table */
    public Delete all() {
        return new Delete(executor, table, where, true, returning, using, with);
    }

    /**
     * Asks for the deleted rows back: {@code DELETE ... RETURNING fields} (PostgreSQL, SQLite 3.35+,
     * MariaDB 10.0+). Run it with {@link #fetch()}. A dialect without it (MySQL) fails at render time
     * with {@link UnsupportedDialectFeatureException}.
     *
     * @param fields columns of the table, or expressions over them; at least one
     * @return the statement with the RETURNING clause
     * @throws IllegalArgumentException if no field is given
     */
    public Delete returning(Field<?>... fields) {
        return new Delete(executor, table, where, all, Returning.check("DELETE FROM " + table.name(), fields), using, with);
    }

    // ---- DML forms ----

    /**
     * Joins other tables to the DELETE, so that WHERE may use their columns:
     * {@code db.deleteFrom(PAYMENT).using(CUSTOMER).where(CUSTOMER.customerId.eq(PAYMENT.customerId).and(CUSTOMER.active.eq(false)))}.
     * Rendered {@code DELETE FROM t USING o WHERE ...} on PostgreSQL (PostgreSQL manual, DELETE),
     * {@code DELETE t FROM t, o WHERE ...} on MySQL and MariaDB (MySQL 8.0 manual, 15.2.2 "DELETE
     * Statement", multiple-table syntax), and on SQLite, which has no multi-table DELETE, as the
     * equivalent {@code DELETE FROM t WHERE EXISTS (SELECT 1 FROM o WHERE ...)}. Only rows of the
     * statement's own table are deleted, each once. RETURNING: PostgreSQL returns columns of all
     * tables, SQLite only of the deleted one; MariaDB has RETURNING only for a single-table DELETE and
     * MySQL none, so there it fails at render time. A second call adds tables.
     *
     * @param tables the other tables, at least one
     * @return the statement
     * @throws IllegalArgumentException if no table is given, a table is null, is the statement's table
     *         (use an aliased table), or is given twice
     */
    public Delete using(TableLike... tables) {
        List<TableLike> list = JoinedTables.add("DELETE FROM " + table.name() + " USING", table, using, tables);
        return new Delete(executor, table, where, all, returning, list, with);
    }

    private Rendered renderUsing(Dialect dialect) {
        if (where == null) {
            throw new IllegalStateException("DELETE FROM " + table.name() + " USING "
                    + using.stream().map(TableLike::name).toList() + " has no WHERE condition joining the tables");
        }
        SqlBuilder b = new SqlBuilder(dialect);
        if (with != null) with.render(b, StatementKind.DELETE);
        b.pushScope(JoinedTables.scope(table, using));
        b.renderer().deleteUsing(b, table, using, where);
        if (!returning.isEmpty()) b.renderer().multiTableReturning(b, StatementKind.DELETE, table, returning);
        b.popScope();
        return b.toRendered();
    }

    /**
     * Runs a delete made with {@link #returning} and reads the rows it returns.
     *
     * @return one row per deleted row, with its values before deletion
     * @throws IllegalStateException if no RETURNING fields were given, or WHERE and {@code all()} are both missing
     * @throws UnsupportedDialectFeatureException if the dialect has no DELETE ... RETURNING
     */
    public List<Row> fetch() {
        if (returning.isEmpty()) throw new IllegalStateException("DELETE FROM " + table.name() + " has no RETURNING fields; call returning(...) first");
        if (executor == null) throw new IllegalStateException("this DELETE is not attached to a database");
        return executor.fetch(render(executor.dialect()), returning);
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
        if (!using.isEmpty()) return renderUsing(dialect);
        SqlBuilder b = new SqlBuilder(dialect);
        if (with != null) with.render(b, StatementKind.DELETE);
        b.pushScope(List.of(table));
        b.append("DELETE FROM ").visit(table);
        if (where != null) b.append(" WHERE ").visit(where);
        if (!returning.isEmpty()) b.renderer().returning(b, StatementKind.DELETE, returning);
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
        if (!returning.isEmpty()) return fetch().size();
        return executor.execute(render(executor.dialect()));
    }

    // ---- CTEs ----

    /** @return a copy with the WITH clause of {@link With} */
    Delete withClause(WithClause clause) {
        return new Delete(executor, table, where, all, returning, using, clause);
    }

    /**
     * Gives this statement its own timeout, replacing the database's default
     * ({@code Database.Builder.queryTimeout}): if it runs longer, it is cancelled on the server
     * ({@link java.sql.Statement#cancel()}) and fails with {@link QueryTimeoutException}. Inside a
     * transaction with a timeout ({@link TransactionOptions#timeout}) the shorter of the two applies.
     *
     * @param timeout the timeout, positive
     * @return a copy of this statement with that timeout
     * @throws IllegalArgumentException if the timeout is null, zero or negative
     * @throws IllegalStateException if the statement is not attached to a database or transaction
     */
    public Delete queryTimeout(java.time.Duration timeout) {
        StatementTimer.requirePositive("queryTimeout", timeout);
        if (executor == null) throw new IllegalStateException("this DELETE is not attached to a database");
        return new Delete(executor.withQueryTimeout(timeout.toNanos()), table, where, all, returning, using, with);
    }
}
