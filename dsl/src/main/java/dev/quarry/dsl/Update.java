package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.StatementKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An immutable UPDATE of one table. It needs a WHERE condition, or an explicit {@link #all()} to
 * update every row; rendering or running it without either fails.
 *
 * <pre>{@code
 * db.update(FILM).set(FILM.rentalRate, new BigDecimal("0.99")).where(FILM.filmId.eq(1)).execute();
 * }</pre>
 */
public final class Update {
    private final Executor executor;
    private final TableLike table;
    private final List<Map.Entry<TableField<?>, Field<?>>> assignments;
    private final Condition where;
    private final boolean all;
    private final List<Field<?>> returning;
    private final List<TableLike> from;
    private final WithClause with;

    private Update(Executor executor, TableLike table, List<Map.Entry<TableField<?>, Field<?>>> assignments,
                   Condition where, boolean all, List<Field<?>> returning, List<TableLike> from, WithClause with) {
        this.executor = executor;
        this.table = table;
        this.assignments = assignments;
        this.where = where;
        this.all = all;
        this.returning = returning;
        this.from = from;
        this.with = with;
    }

    static Update create(Executor executor, TableLike table) {
        if (table == null) throw new IllegalArgumentException("UPDATE null");
        WriteTarget.check(table, "UPDATE");
        return new Update(executor, table, List.of(), null, false, List.of(), List.of(), null);
    }

    /**
     * @param column a column of the table
     * @param value the new value, sent as a bind parameter; null only for a nullable column
     * @param <T> the column type
     * @return the statement with the assignment added
     * @throws IllegalArgumentException if the column belongs to another table, is assigned twice, or is
     *         NOT NULL and the value is null
     */
    public <T> Update set(TableField<T> column, T value) {
        RowBuilder check = new RowBuilder(table, "UPDATE");
        check.set(column, value);
        return with(check);
    }

    /**
     * @param column a column of the table
     * @param expression the new value as an expression, such as {@code FILM.rentalDuration}
     * @param <T> the column type
     * @return the statement with the assignment added
     * @throws IllegalArgumentException if the column belongs to another table or is assigned twice
     */
    public <T> Update set(TableField<T> column, Field<T> expression) {
        RowBuilder check = new RowBuilder(table, "UPDATE");
        check.set(column, expression);
        return with(check);
    }

    private Update with(RowBuilder one) {
        Map.Entry<TableField<?>, Field<?>> entry = one.values().entrySet().iterator().next();
        for (Map.Entry<TableField<?>, Field<?>> a : assignments) {
            if (a.getKey() == entry.getKey()) {
                throw new IllegalArgumentException("UPDATE " + table.name() + ": column " + entry.getKey().qualifiedName()
                        + " is set twice");
            }
        }
        List<Map.Entry<TableField<?>, Field<?>>> list = new ArrayList<>(assignments);
        list.add(Map.entry(entry.getKey(), entry.getValue()));
        return new Update(executor, table, List.copyOf(list), where, all, returning, from, with);
    }

    /**
     * Adds a WHERE condition; a second call combines with the first by AND.
     *
     * @param condition the rows to update
     * @return the statement
     */
    public Update where(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("UPDATE " + table.name() + " WHERE null");
        return new Update(executor, table, assignments, where == null ? condition : where.and(condition), all, returning, from, with);
    }

    /** @return the statement, explicitly updating every row of the table */
    public Update all() {
        return new Update(executor, table, assignments, where, true, returning, from, with);
    }

    /**
     * Asks for the updated rows back: {@code UPDATE ... RETURNING fields} (PostgreSQL, SQLite 3.35+).
     * Run it with {@link #fetch()}. A dialect without UPDATE ... RETURNING (MySQL, MariaDB) fails at
     * render time with {@link UnsupportedDialectFeatureException}.
     *
     * @param fields columns of the table (their new values), or expressions over them; at least one
     * @return the statement with the RETURNING clause
     * @throws IllegalArgumentException if no field is given
     */
    public Update returning(Field<?>... fields) {
        return new Update(executor, table, assignments, where, all, Returning.check("UPDATE " + table.name(), fields), from, with);
    }

    // ---- DML forms ----

    /**
     * Joins other tables to the UPDATE, so that SET values and WHERE may use their columns:
     * {@code db.update(FILM).set(FILM.rentalRate, PRICE.rate).from(PRICE).where(PRICE.filmId.eq(FILM.filmId))}.
     * Rendered {@code UPDATE t SET ... FROM o WHERE ...} on PostgreSQL and SQLite (3.33+; PostgreSQL
     * manual, UPDATE; SQLite manual, "UPDATE FROM") and {@code UPDATE t, o SET t.a = ... WHERE ...} on
     * MySQL and MariaDB (MySQL 8.0 manual, 15.2.17 "UPDATE Statement", multiple-table syntax). The WHERE
     * condition must join the tables: a target row that matches several rows of the others is updated
     * once, with values from any one of them. RETURNING: PostgreSQL returns columns of all tables,
     * SQLite only of the updated one; MySQL and MariaDB have no UPDATE ... RETURNING. A second call adds
     * tables.
     *
     * @param tables the other tables, at least one
     * @return the statement
     * @throws IllegalArgumentException if no table is given, a table is null, is the updated table (use an
     *         aliased table), or is given twice
     */
    public Update from(TableLike... tables) {
        List<TableLike> list = JoinedTables.add("UPDATE " + table.name() + " ... FROM", table, from, tables);
        return new Update(executor, table, assignments, where, all, returning, list, with);
    }

    private Rendered renderWithFrom(Dialect dialect) {
        if (where == null) {
            throw new IllegalStateException("UPDATE " + table.name() + " ... FROM "
                    + from.stream().map(TableLike::name).toList() + " has no WHERE condition joining the tables");
        }
        SqlBuilder b = new SqlBuilder(dialect);
        if (with != null) with.render(b, StatementKind.UPDATE);
        b.pushScope(JoinedTables.scope(table, from));
        b.renderer().updateFrom(b, table, assignments, from, where);
        if (!returning.isEmpty()) b.renderer().multiTableReturning(b, StatementKind.UPDATE, table, returning);
        b.popScope();
        return b.toRendered();
    }

    /**
     * Runs an update made with {@link #returning} and reads the rows it returns.
     *
     * @return one row per updated row
     * @throws IllegalStateException if no RETURNING fields were given, or WHERE and {@code all()} are both missing
     * @throws UnsupportedDialectFeatureException if the dialect has no UPDATE ... RETURNING
     */
    public List<Row> fetch() {
        if (returning.isEmpty()) throw new IllegalStateException("UPDATE " + table.name() + " has no RETURNING fields; call returning(...) first");
        if (executor == null) throw new IllegalStateException("this UPDATE is not attached to a database");
        return executor.fetch(render(executor.dialect()), returning);
    }

    /**
     * @param dialect the dialect
     * @return the SQL and bind values
     * @throws IllegalStateException if nothing is set, or there is neither WHERE nor {@code all()}
     */
    public Rendered render(Dialect dialect) {
        if (assignments.isEmpty()) throw new IllegalStateException("UPDATE " + table.name() + " sets no column");
        if (where == null && !all) {
            throw new IllegalStateException("UPDATE " + table.name() + " has no WHERE condition; call all() to update every row");
        }
        if (!from.isEmpty()) return renderWithFrom(dialect);
        SqlBuilder b = new SqlBuilder(dialect);
        if (with != null) with.render(b, StatementKind.UPDATE);
        b.pushScope(List.of(table));
        b.append("UPDATE ").visit(table).append(" SET ");
        b.renderer().assignments(b, assignments);
        if (where != null) b.append(" WHERE ").visit(where);
        if (!returning.isEmpty()) b.renderer().returning(b, StatementKind.UPDATE, returning);
        b.popScope();
        return b.toRendered();
    }

    /**
     * Runs the update.
     *
     * @return the number of rows updated
     * @throws IllegalStateException if there is neither WHERE nor {@code all()}, or the statement is detached
     * @throws DataAccessException if the database refuses
     */
    public int execute() {
        if (executor == null) throw new IllegalStateException("this UPDATE is not attached to a database");
        if (!returning.isEmpty()) return fetch().size();
        return executor.execute(render(executor.dialect()));
    }

    // ---- CTEs ----

    /** @return a copy with the WITH clause of {@link With} */
    Update withClause(WithClause clause) {
        return new Update(executor, table, assignments, where, all, returning, from, clause);
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
    public Update queryTimeout(java.time.Duration timeout) {
        StatementTimer.requirePositive("queryTimeout", timeout);
        if (executor == null) throw new IllegalStateException("this UPDATE is not attached to a database");
        return new Update(executor.withQueryTimeout(timeout.toNanos()), table, assignments, where, all, returning, from, with);
    }
}
