package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.StatementKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An immutable INSERT of one or more rows into one table, built with {@link RowBuilder} lambdas:
 *
 * <pre>{@code
 * int filmId = db.insertInto(FILM, row -> row.set(FILM.title, "X").set(FILM.languageId, 1))
 *                .executeAndGetKey(FILM.filmId);
 * }</pre>
 *
 * <p>All rows set the same columns. Columns left out get their DEFAULT; leaving out a NOT NULL
 * column that has neither a default nor auto-increment fails before anything is sent. Many rows are
 * sent as multi-row {@code VALUES} lists, split into several statements so that none carries more bind
 * parameters than the dialect allows ({@link Dialect#maxBindParameters()}), or as a JDBC batch where the
 * dialect is faster that way ({@link #executionForm}); either way on one connection, in a transaction of
 * its own on a {@link Database}, so that the whole insert is atomic.
 */
public final class Insert {
    private final Executor executor;
    private final TableLike table;
    private final List<TableField<?>> columns;
    private final List<List<Field<?>>> rows;
    private final List<TableField<?>> conflictColumns;
    /** null: no conflict clause; empty: DO NOTHING; else the DO UPDATE assignments. */
    private final List<Map.Entry<TableField<?>, Field<?>>> conflictUpdates;
    private final List<Field<?>> returning;
    private final WithClause with;

    private Insert(Executor executor, TableLike table, List<TableField<?>> columns, List<List<Field<?>>> rows,
                   List<TableField<?>> conflictColumns, List<Map.Entry<TableField<?>, Field<?>>> conflictUpdates,
                   List<Field<?>> returning, WithClause with) {
        this.executor = executor;
        this.table = table;
        this.columns = columns;
        this.rows = rows;
        this.conflictColumns = conflictColumns;
        this.conflictUpdates = conflictUpdates;
        this.returning = returning;
        this.with = with;
    }

    /**
     * Starts a portable upsert: what to do when a row conflicts with an existing one on a unique key.
     * PostgreSQL and SQLite render {@code ON CONFLICT (columns) DO NOTHING | DO UPDATE SET ...}
     * (PostgreSQL manual, INSERT, "ON CONFLICT Clause"; SQLite manual, "UPSERT"); MySQL and MariaDB
     * render {@code ON DUPLICATE KEY UPDATE} (DO NOTHING as {@code k = k}, since {@code INSERT IGNORE}
     * would also silence foreign key violations), which acts on a conflict with any unique key of the
     * table, so name the key whose conflict you expect.
     *
     * @param conflictColumns the columns of a primary key or unique constraint of the table, at least one
     * @return the step that chooses DO NOTHING or DO UPDATE
     * @throws IllegalArgumentException if no column is given or a column belongs to another table
     */
    public OnConflict onConflict(TableField<?>... conflictColumns) {
        if (conflictColumns.length == 0) {
            throw new IllegalArgumentException("INSERT INTO " + table.name() + " ON CONFLICT needs at least one column of a unique key");
        }
        for (TableField<?> c : conflictColumns) {
            if (c == null || c.table() != table) {
                throw new IllegalArgumentException("INSERT INTO " + table.name() + " ON CONFLICT: column "
                        + (c == null ? "null" : c.qualifiedName()) + " is not a column of table " + table.name());
            }
        }
        return new OnConflict(this, List.of(conflictColumns));
    }

    Insert withConflict(List<TableField<?>> conflict, List<Map.Entry<TableField<?>, Field<?>>> updates) {
        return new Insert(executor, table, columns, rows, conflict, updates, returning, with);
    }

    TableLike table() { return table; }

    /**
     * Asks for the inserted rows back: {@code INSERT ... RETURNING fields} (PostgreSQL, SQLite 3.35+,
     * MariaDB 10.5+). Run it with {@link #fetch()}. A dialect without RETURNING fails at render time
     * with {@link UnsupportedDialectFeatureException}.
     *
     * @param fields columns of the table, or expressions over them; at least one
     * @return the statement with the RETURNING clause
     * @throws IllegalArgumentException if no field is given
     */
    public Insert returning(Field<?>... fields) {
        return new Insert(executor, table, columns, rows, conflictColumns, conflictUpdates,
                Returning.check("INSERT INTO " + table.name(), fields), with);
    }

    /**
     * Runs an insert made with {@link #returning} and reads the rows it returns, in row order. Rows that
     * need more than one statement (more bind values than the dialect allows in one) are sent on one
     * connection, in a transaction of their own on a {@link Database}, so that the insert is atomic: a
     * failing row leaves none of them inserted.
     *
     * @return one row per inserted (or, in an upsert, updated) row
     * @throws IllegalStateException if no RETURNING fields were given
     * @throws UnsupportedDialectFeatureException if the dialect has no INSERT ... RETURNING
     */
    public List<Row> fetch() {
        if (returning.isEmpty()) throw new IllegalStateException("INSERT INTO " + table.name() + " has no RETURNING fields; call returning(...) first");
        Executor e = executor();
        List<Rendered> statements = chunks(e.dialect(), returning);
        if (statements.size() == 1) return e.fetch(statements.get(0), returning);
        return e.inOneTransaction(statements.get(0).sql(), c -> {
            List<Row> out = new ArrayList<>(rows.size());
            for (Rendered r : statements) out.addAll(e.fetchOn(c, r, returning, Row::new));
            return out;
        });
    }

    /**
     * Runs an insert made with {@link #returning} and fills one record per returned row, as
     * {@link Select#fetchInto(Class)} does.
     *
     * @param recordType a record class whose components match the RETURNING fields
     * @param <R> the record type
     * @return the records
     */
    public <R> List<R> fetchInto(Class<R> recordType) {
        if (returning.isEmpty()) throw new IllegalStateException("INSERT INTO " + table.name() + " has no RETURNING fields; call returning(...) first");
        RecordMapper<R> mapper = RecordMapper.of(recordType, returning);
        List<R> out = new ArrayList<>();
        for (Row row : fetch()) out.add(mapper.map(row));
        return out;
    }

    static Insert create(Executor executor, TableLike table, List<RowBuilder> builders) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        if (builders.isEmpty()) throw new IllegalArgumentException("INSERT INTO " + table.name() + " needs at least one row");
        WriteTarget.check(table, "INSERT INTO");
        List<TableField<?>> columns = builders.get(0).columns();
        checkRequiredColumns(table, columns);
        List<List<Field<?>>> rows = new ArrayList<>(builders.size());
        for (int r = 0; r < builders.size(); r++) {
            Map<TableField<?>, Field<?>> values = builders.get(r).valuesView(); // no copy per row
            if (values.size() != columns.size() || !values.keySet().containsAll(columns)) { // no set per row
                throw new IllegalArgumentException("INSERT INTO " + table.name() + ": row " + (r + 1) + " sets columns "
                        + names(values.keySet()) + " but row 1 sets " + names(columns) + "; all rows must set the same columns");
            }
            List<Field<?>> row = new ArrayList<>(columns.size());
            for (TableField<?> c : columns) row.add(values.get(c));
            rows.add(List.copyOf(row));
        }
        return new Insert(executor, table, columns, List.copyOf(rows), List.of(), null, List.of(), null);
    }

    private static void checkRequiredColumns(TableLike table, List<TableField<?>> set) {
        for (TableField<?> c : table.fields()) {
            if (!c.isNullable() && !c.hasDefault() && !c.isAutoIncrement() && !set.contains(c)) {
                throw new IllegalArgumentException("INSERT INTO " + table.name() + " does not set column " + c.qualifiedName()
                        + ", which is NOT NULL and has no default");
            }
        }
    }

    private static String names(java.util.Collection<TableField<?>> columns) {
        return columns.stream().map(TableField::name).toList().toString();
    }

    /** @return the number of rows this statement inserts */
    public int rowCount() { return rows.size(); }

    /**
     * Renders all rows as one statement, whatever its number of bind parameters (execution splits it
     * under the dialect's bind limit; see {@link #renderChunks}).
     *
     * @param dialect the dialect
     * @return the SQL and bind values
     */
    public Rendered render(Dialect dialect) {
        return render(dialect, 0, rows.size(), returning, false);
    }

    /**
     * Renders the statements that {@link #execute()} sends in the multi-row VALUES form ({@link #executionForm}):
     * consecutive rows grouped so that no statement has more bind parameters than the dialect allows.
     *
     * @param dialect the dialect
     * @return one or more statements, in row order
     */
    public List<Rendered> renderChunks(Dialect dialect) {
        return valuesChunks(dialect, returning); // the statements execute() sends, cut the same way
    }

    private List<Rendered> chunks(Dialect dialect, List<? extends Field<?>> returning) {
        // rows may bind different numbers of values (a value in one row, an expression in another),
        // so each row is counted
        int max = dialect.maxBindParameters() - fixedBindCount(dialect, returning);
        SqlBuilder scratch = new SqlBuilder(dialect);
        scratch.checkScope(false);
        List<Rendered> out = new ArrayList<>();
        int from = 0;
        int binds = 0;
        for (int r = 0; r < rows.size(); r++) {
            int before = scratch.bindCount();
            for (Field<?> f : rows.get(r)) scratch.visit(f);
            int rowBinds = scratch.bindCount() - before;
            if (r > from && binds + rowBinds > max) {
                out.add(render(dialect, from, r, returning));
                from = r;
                binds = 0;
                scratch = new SqlBuilder(dialect);
                scratch.checkScope(false);
            }
            binds += rowBinds;
        }
        out.add(render(dialect, from, rows.size(), returning));
        return out;
    }

    private Rendered render(Dialect dialect, int from, int to, List<? extends Field<?>> returning) {
        return render(dialect, from, to, returning, true);
    }

    private Rendered render(Dialect dialect, int from, int to, List<? extends Field<?>> returning, boolean checkBindLimit) {
        SqlBuilder b = new SqlBuilder(dialect);
        b.checkBindLimit(checkBindLimit);
        boolean withFirst = with != null && b.renderer().withBeforeInsert();
        if (with != null && columns.isEmpty()) {
            throw new IllegalStateException("INSERT INTO " + table.name() + " with a WITH clause sets no column; nothing could use the CTEs");
        }
        if (withFirst) with.render(b, StatementKind.INSERT);
        b.pushScope(List.of(table));
        b.renderer().insertInto(b, conflictUpdates != null && conflictUpdates.isEmpty());
        b.visit(table);
        if (with != null && !withFirst) {
            renderWithSelect(b, from, to);
        } else if (columns.isEmpty()) {
            if (to - from > 1) {
                throw new IllegalArgumentException("INSERT INTO " + table.name() + ": several rows that set no column");
            }
            b.renderer().defaultValues(b);
        } else {
            boolean q = b.qualifyColumns(false);
            b.append(" (").visitAll(columns, ", ").append(")");
            b.qualifyColumns(q);
            b.append(" VALUES ");
            for (int r = from; r < to; r++) {
                if (r > from) b.append(", ");
                b.append('(').visitAll(rows.get(r), ", ").append(')');
            }
        }
        if (conflictUpdates != null) b.renderer().onConflict(b, conflictColumns, conflictUpdates);
        if (!returning.isEmpty()) b.renderer().returning(b, StatementKind.INSERT, returning);
        b.popScope();
        return b.toRendered();
    }

    private Executor executor() {
        if (executor == null) throw new IllegalStateException("this INSERT is not attached to a database");
        return executor;
    }

    /**
     * Runs the insert (without any RETURNING clause; use {@link #fetch()} for that).
     *
     * @return the number of rows inserted, as the driver reports it (for an upsert, MySQL and MariaDB
     *         count a row that was updated as 2: MySQL manual, "INSERT ... ON DUPLICATE KEY UPDATE")
     * @throws DataAccessException if the database refuses a row (a constraint violation is a subclass)
     */
    public int execute() {
        Executor e = executor();
        if (rows.size() > 1) return InsertBatch.execute(e, this);
        int total = 0;
        for (Rendered r : chunks(e.dialect(), List.of())) total += e.execute(r);
        return total;
    }

    /**
     * Runs a one-row insert and returns the value the database generated for a column (an
     * auto-increment key), read with RETURNING where the dialect has it, else through JDBC's generated
     * keys.
     *
     * @param key the generated column, of this table
     * @param <K> its type
     * @return the generated value
     * @throws IllegalStateException if the statement inserts more than one row (use {@link #executeAndGetKeys})
     * @throws IllegalArgumentException if key is not a column of the table
     */
    public <K> K executeAndGetKey(TableField<K> key) {
        if (rows.size() != 1) {
            throw new IllegalStateException("INSERT INTO " + table.name() + " inserts " + rows.size()
                    + " rows; use executeAndGetKeys");
        }
        List<K> keys = executeAndGetKeys(key);
        if (keys.size() != 1) {
            throw new DataAccessException("INSERT INTO " + table.name() + " returned " + keys.size() + " generated keys for one row",
                    render(executor.dialect()).sql(), null, null);
        }
        return keys.get(0);
    }

    /**
     * Runs the insert and returns the generated values of a column, one per row in row order.
     *
     * @param key the generated column, of this table
     * @param <K> its type
     * @return the values, as many as rows
     * @throws IllegalArgumentException if key is not a column of the table
     */
    public <K> List<K> executeAndGetKeys(TableField<K> key) {
        if (key == null || key.table() != table) {
            throw new IllegalArgumentException("generated key column " + (key == null ? "null" : key.qualifiedName())
                    + " is not a column of table " + table.name());
        }
        Executor e = executor();
        boolean viaReturning = e.dialect().supportsInsertReturning();
        if (rows.size() > 1) return InsertBatch.executeAndGetKeys(e, this, key, viaReturning);
        List<K> keys = new ArrayList<>(rows.size());
        for (Rendered r : chunks(e.dialect(), viaReturning ? List.of(key) : List.of())) keys.addAll(e.executeReturning(r, key, viaReturning));
        return keys;
    }

    // ---- CTEs ----

    /** @return a copy with the WITH clause of {@link With} */
    Insert withClause(WithClause clause) {
        return new Insert(executor, table, columns, rows, conflictColumns, conflictUpdates, returning, clause);
    }

    /**
     * The bind parameters every statement of {@link #renderChunks} carries besides its rows' values: the
     * WITH clause, ON CONFLICT's update values, RETURNING expressions. Measured as the one-row statement's
     * count minus its row's, so that it holds however a dialect's hooks render those parts.
     */
    private int fixedBindCount(Dialect dialect, List<? extends Field<?>> returning) {
        if (with == null && conflictUpdates == null && returning.isEmpty()) return 0;
        SqlBuilder scratch = new SqlBuilder(dialect);
        scratch.checkScope(false);
        for (Field<?> f : rows.get(0)) scratch.visit(f);
        return render(dialect, 0, 1, returning).binds().size() - scratch.bindCount();
    }

    /**
     * The rows as {@code (cols) WITH ... SELECT row 1 UNION ALL SELECT row 2}, for a dialect whose INSERT
     * takes WITH only in front of a SELECT ({@link dev.quarry.dsl.spi.Renderer#withBeforeInsert()}).
     */
    private void renderWithSelect(SqlBuilder b, int from, int to) {
        boolean q = b.qualifyColumns(false);
        b.append(" (").visitAll(columns, ", ").append(") ");
        b.qualifyColumns(q);
        with.render(b, StatementKind.INSERT);
        for (int r = from; r < to; r++) {
            if (r > from) b.append(" UNION ALL ");
            b.append("SELECT ").visitAll(rows.get(r), ", ");
        }
    }

    // ---- batching ----

    /**
     * The form in which {@link #execute()} sends this insert on a dialect: {@link dev.quarry.dsl.spi.InsertBatching#JDBC_BATCH}
     * when the dialect prefers it for the table ({@link Dialect#insertBatching}: PostgreSQL, MariaDB, and
     * SQLite for a table without an AUTOINCREMENT column) and the
     * statement can be sent as a batch (more than one row, every value a plain bind value, no ON CONFLICT
     * or WITH clause; see {@link #renderBatch}), else {@link dev.quarry.dsl.spi.InsertBatching#MULTI_ROW_VALUES}
     * ({@link #renderChunks}). {@link #executeAndGetKeys} always uses multi-row VALUES with RETURNING (or
     * JDBC's generated keys where the dialect has no RETURNING), which the JMH measurements found fastest
     * on every dialect.
     *
     * @param dialect the dialect
     * @return the form; never null
     */
    public dev.quarry.dsl.spi.InsertBatching executionForm(Dialect dialect) {
        return rows.size() > 1 && dialect.insertBatching(table) == dev.quarry.dsl.spi.InsertBatching.JDBC_BATCH && whyNotBatchable() == null
                ? dev.quarry.dsl.spi.InsertBatching.JDBC_BATCH : dev.quarry.dsl.spi.InsertBatching.MULTI_ROW_VALUES;
    }

    /**
     * Renders the insert as a JDBC batch: one single-row statement and the bind values of each row, as
     * {@link #execute()} sends it in the {@link dev.quarry.dsl.spi.InsertBatching#JDBC_BATCH} form.
     *
     * @param dialect the dialect
     * @return one {@link Rendered} per row, in row order, all with the same SQL
     * @throws IllegalStateException if a row sets a column to an expression rather than a value, or the
     *         insert has an ON CONFLICT or WITH clause or sets no column (the message says which)
     */
    public List<Rendered> renderBatch(Dialect dialect) {
        String why = whyNotBatchable();
        if (why != null) throw new IllegalStateException("INSERT INTO " + table.name() + " cannot be sent as a JDBC batch: " + why);
        String sql = render(dialect, 0, 1, List.of()).sql();
        List<Rendered> out = new ArrayList<>(rows.size());
        for (List<Field<?>> row : rows) {
            List<Object> values = new ArrayList<>(row.size());
            List<DataType<?>> types = new ArrayList<>(row.size());
            for (Field<?> f : row) {
                Param<?> p = (Param<?>) f;
                values.add(p.value());
                types.add(p.type());
            }
            out.add(new Rendered(sql, java.util.Collections.unmodifiableList(values), List.copyOf(types)));
        }
        return out;
    }

    /** @return null when every row can be bound to the one-row statement, else the reason it cannot */
    private String whyNotBatchable() {
        if (conflictUpdates != null) return "it has an ON CONFLICT / ON DUPLICATE KEY clause";
        if (with != null) return "it has a WITH clause";
        if (columns.isEmpty()) return "it sets no column";
        for (int r = 0; r < rows.size(); r++) {
            List<Field<?>> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                if (!(row.get(i) instanceof Param<?>)) {
                    return "row " + (r + 1) + " sets column " + columns.get(i).qualifiedName() + " to an expression, not a value";
                }
            }
        }
        return null;
    }

    /** The SQL of the one-row statement of the JDBC batch form (with row 1's values). */
    Rendered renderFirstRow(Dialect dialect) { return render(dialect, 0, 1, List.of()); }

    /** The rows, each a list of {@code Param}s when {@link #executionForm} is JDBC_BATCH. */
    List<List<Field<?>>> rows() { return rows; }

    /**
     * The multi-row VALUES statements, as {@link #renderChunks} and the RETURNING variant. When every row
     * binds plain values and there is no WITH clause, every row carries exactly one bind value per column,
     * so the chunks are cut by arithmetic instead of a rendering pass over every row; the cut is the one
     * {@link #chunks} makes.
     */
    List<Rendered> valuesChunks(Dialect dialect, List<? extends Field<?>> returningFields) {
        if (with != null || columns.isEmpty() || !allPlainValues()) return chunks(dialect, returningFields);
        int perStatement = Math.max(1, (dialect.maxBindParameters() - fixedBindCount(dialect, returningFields)) / columns.size());
        List<Rendered> out = new ArrayList<>(rows.size() / perStatement + 1);
        for (int from = 0; from < rows.size(); from += perStatement) {
            out.add(render(dialect, from, Math.min(rows.size(), from + perStatement), returningFields));
        }
        return out;
    }

    private boolean allPlainValues() {
        for (List<Field<?>> row : rows) {
            for (Field<?> f : row) {
                if (!(f instanceof Param<?>)) return false;
            }
        }
        return true;
    }

    /**
     * Gives this statement its own timeout, replacing the database's default
     * ({@code Database.Builder.queryTimeout}): if it runs longer, it is cancelled on the server
     * ({@link java.sql.Statement#cancel()}) and fails with {@link QueryTimeoutException}. Inside a
     * transaction with a timeout ({@link TransactionOptions#timeout}) the shorter of the two applies. A many-row insert sent as several
     * statements or as a batch gives the timeout to each statement or {@code executeBatch()} call.
     *
     * @param timeout the timeout, positive
     * @return a copy of this statement with that timeout
     * @throws IllegalArgumentException if the timeout is null, zero or negative
     * @throws IllegalStateException if the statement is not attached to a database or transaction
     */
    public Insert queryTimeout(java.time.Duration timeout) {
        StatementTimer.requirePositive("queryTimeout", timeout);
        return new Insert(executor().withQueryTimeout(timeout.toNanos()), table, columns, rows, conflictColumns, conflictUpdates,
                returning, with);
    }
}
