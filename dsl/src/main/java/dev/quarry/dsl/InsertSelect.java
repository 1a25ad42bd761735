package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.StatementKind;

import java.util.List;

/**
 * An immutable {@code INSERT INTO t (columns) SELECT ...}, made by
 * {@code db.insertInto(table, columns...).select(query)}:
 *
 * <pre>{@code
 * int copied = db.insertInto(FILM_ARCHIVE, FILM_ARCHIVE.filmId, FILM_ARCHIVE.title)
 *         .select(db.select(FILM.filmId, FILM.title).from(FILM).where(FILM.releaseYear.lt(2000)))
 *         .execute();
 * }</pre>
 *
 * <p>The rows are computed and inserted by the database in one statement; nothing travels through
 * the client. Columns left out get their DEFAULT.
 */
public final class InsertSelect {
    private final Executor executor;
    private final TableLike table;
    private final List<TableField<?>> columns;
    private final Select<?> query;
    private final List<Field<?>> returning;

    InsertSelect(Executor executor, TableLike table, List<TableField<?>> columns, Select<?> query, List<Field<?>> returning) {
        this.executor = executor;
        this.table = table;
        this.columns = columns;
        this.query = query;
        this.returning = returning;
    }

    /**
     * Asks for the inserted rows back: {@code INSERT ... SELECT ... RETURNING fields} (PostgreSQL,
     * SQLite 3.35+, MariaDB 10.5+). Run it with {@link #fetch()}. A dialect without it (MySQL) fails
     * at render time with {@link UnsupportedDialectFeatureException}.
     *
     * @param fields columns of the table, or expressions over them; at least one
     * @return the statement with the RETURNING clause
     * @throws IllegalArgumentException if no field is given
     */
    public InsertSelect returning(Field<?>... fields) {
        return new InsertSelect(executor, table, columns, query, Returning.check("INSERT INTO " + table.name(), fields));
    }

    /**
     * @param dialect the dialect
     * @return the SQL and bind values (those of the query)
     * @throws IllegalStateException if the query refers to a table that is not in its FROM or JOIN
     * @throws UnsupportedDialectFeatureException if the dialect cannot express the query or the RETURNING
     */
    public Rendered render(Dialect dialect) {
        SqlBuilder b = new SqlBuilder(dialect);
        b.pushScope(List.of(table));
        b.renderer().insertInto(b, false);
        b.visit(table);
        boolean q = b.qualifyColumns(false);
        b.append(" (").visitAll(columns, ", ").append(')');
        b.qualifyColumns(q);
        b.popScope();
        b.append(' ').visit(query);
        if (!returning.isEmpty()) {
            b.pushScope(List.of(table));
            b.renderer().returning(b, StatementKind.INSERT, returning);
            b.popScope();
        }
        return b.toRendered();
    }

    private Executor executor() {
        if (executor == null) throw new IllegalStateException("this INSERT is not attached to a database");
        return executor;
    }

    /**
     * Runs the statement (without RETURNING; use {@link #fetch()} for that).
     *
     * @return the number of rows inserted
     * @throws IllegalStateException if the statement is detached
     * @throws DataAccessException if the database refuses a row (a constraint violation is a subclass)
     */
    public int execute() {
        Executor e = executor();
        return e.execute(new InsertSelect(e, table, columns, query, List.of()).render(e.dialect()));
    }

    /**
     * Runs a statement made with {@link #returning} and reads the rows it returns.
     *
     * @return one row per inserted row
     * @throws IllegalStateException if no RETURNING fields were given, or the statement is detached
     * @throws UnsupportedDialectFeatureException if the dialect has no INSERT ... RETURNING
     */
    public List<Row> fetch() {
        if (returning.isEmpty()) throw new IllegalStateException("INSERT INTO " + table.name() + " has no RETURNING fields; call returning(...) first");
        Executor e = executor();
        return e.fetch(render(e.dialect()), returning);
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
    public InsertSelect queryTimeout(java.time.Duration timeout) {
        StatementTimer.requirePositive("queryTimeout", timeout);
        return new InsertSelect(executor().withQueryTimeout(timeout.toNanos()), table, columns, query, returning);
    }

    @Override
    public String toString() {
        return "InsertSelect[" + table.name() + " " + columns.stream().map(TableField::name).toList() + "]";
    }
}
