package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable SELECT statement. Every builder method returns a new {@code Select}; a select may be
 * shared between threads and extended in several directions.
 *
 * <pre>{@code
 * db.select(FILM.title, LANGUAGE.name)
 *   .from(FILM).join(LANGUAGE).on(FILM.languageId.eq(LANGUAGE.languageId))
 *   .where(FILM.title.startsWith("A"))
 *   .orderBy(FILM.title.asc()).limit(10)
 *   .fetch();
 * }</pre>
 *
 * <p>A select made by a {@link Session} ({@code db.select}, {@code tx.select}) is attached to it and
 * can {@code fetch}; one made by {@link Dsl#select} is detached: it renders, and runs through
 * {@link Session#fetch(Select)}.
 */
public final class Select<R extends Row> implements QueryPart {
    private final RowFactory<R> rowFactory;
    private final Executor executor;
    private final List<Field<?>> fields;
    private final boolean distinct;
    private final TableLike from;
    private final List<JoinStep.Join> joins;
    private final Condition where;
    private final List<Field<?>> groupBy;
    private final Condition having;
    private final List<SortField<?>> orderBy;
    private final Long limit;
    private final Long offset;
    private final List<Window> windows;

    private Select(RowFactory<R> rowFactory, Executor executor, List<Field<?>> fields, boolean distinct, TableLike from, List<JoinStep.Join> joins,
                   Condition where, List<Field<?>> groupBy, Condition having, List<SortField<?>> orderBy,
                   Long limit, Long offset, List<Window> windows) {
        this.rowFactory = rowFactory;
        this.executor = executor;
        this.fields = fields;
        this.distinct = distinct;
        this.from = from;
        this.joins = joins;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.windows = windows;
    }

    static Select<Row> create(Executor executor, List<Field<?>> fields, boolean distinct) {
        return create(executor, fields, distinct, Row::new);
    }

    static <R extends Row> Select<R> create(Executor executor, List<? extends Field<?>> fields, boolean distinct,
                                            RowFactory<R> rowFactory) {
        if (fields.isEmpty()) throw new IllegalArgumentException("SELECT needs at least one field");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == null) throw new IllegalArgumentException("SELECT field " + (i + 1) + " is null");
        }
        return new Select<>(rowFactory, executor, List.copyOf(fields), distinct, null, List.of(), null, List.of(), null, List.of(), null, null, List.of());
    }

    Select<R> attach(Executor e) {
        return new Select<>(rowFactory, e, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset, windows);
    }

    /**
     * @param table the table to select from
     * @return the query with FROM set
     * @throws IllegalArgumentException if table is null
     * @throws IllegalStateException if FROM was already set
     */
    public Select<R> from(TableLike table) {
        if (table == null) throw new IllegalArgumentException("FROM null");
        if (from != null) {
            throw new IllegalStateException("FROM is already " + from.name() + "; add " + table.name() + " with join()");
        }
        return new Select<>(rowFactory, executor, fields, distinct, table, joins, where, groupBy, having, orderBy, limit, offset, windows);
    }

    /**
     * Starts an inner join: {@code .join(LANGUAGE).on(FILM.languageId.eq(LANGUAGE.languageId))}.
     *
     * @param table the joined table
     * @return the step that takes the ON condition
     */
    public JoinStep<R> join(TableLike table) {
        return new JoinStep<>(this, "JOIN", checkJoinable(table));
    }

    /**
     * Starts a left outer join. Columns of the joined table read as null in rows without a match.
     *
     * @param table the joined table
     * @return the step that takes the ON condition
     */
    public JoinStep<R> leftJoin(TableLike table) {
        return new JoinStep<>(this, "LEFT JOIN", checkJoinable(table));
    }

    private TableLike checkJoinable(TableLike table) {
        if (table == null) throw new IllegalArgumentException("JOIN null");
        if (from == null) throw new IllegalStateException("JOIN " + table.name() + " before FROM: call from() first");
        for (TableLike t : tables()) {
            if (t == table) {
                throw new IllegalArgumentException("table " + table.name() + " is already in this query; "
                        + "joining a table to itself needs an aliased table");
            }
        }
        return table;
    }

    Select<R> withJoin(JoinStep.Join join) {
        List<JoinStep.Join> list = new ArrayList<>(joins);
        list.add(join);
        return new Select<>(rowFactory, executor, fields, distinct, from, List.copyOf(list), where, groupBy, having, orderBy, limit, offset, windows);
    }

    /**
     * Adds a WHERE condition; a second call combines with the first by AND.
     *
     * @param condition the condition
     * @return the query
     */
    public Select<R> where(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("WHERE null");
        Condition c = where == null ? condition : where.and(condition);
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, c, groupBy, having, orderBy, limit, offset, windows);
    }

    /**
     * @param fields the grouping fields
     * @return the query with GROUP BY set (replacing any earlier one)
     * @throws IllegalArgumentException if a field is null
     */
    public Select<R> groupBy(Field<?>... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) throw new IllegalArgumentException("GROUP BY field " + (i + 1) + " is null");
        }
        return new Select<>(rowFactory, executor, this.fields, distinct, from, joins, where, List.of(fields), having, orderBy, limit, offset, windows);
    }

    /**
     * Adds a HAVING condition; a second call combines with the first by AND.
     *
     * @param condition the condition on groups
     * @return the query
     */
    public Select<R> having(Condition condition) {
        if (condition == null) throw new IllegalArgumentException("HAVING null");
        Condition c = having == null ? condition : having.and(condition);
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, c, orderBy, limit, offset, windows);
    }

    /**
     * @param items fields (ascending) or sort fields such as {@code FILM.title.desc().nullsLast()}
     * @return the query with ORDER BY set (replacing any earlier one)
     */
    public Select<R> orderBy(OrderField... items) {
        List<SortField<?>> list = new ArrayList<>(items.length);
        for (OrderField item : items) {
            if (item == null) throw new IllegalArgumentException("ORDER BY null");
            list.add(item.toSortField());
        }
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, List.copyOf(list), limit, offset, windows);
    }

    /**
     * @param limit the maximum number of rows, 0 or more; sent as a bind parameter
     * @return the query
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public Select<R> limit(long limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset, windows);
    }

    /**
     * @param offset the number of rows to skip, 0 or more; sent as a bind parameter
     * @return the query
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public Select<R> offset(long offset) {
        if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset, windows);
    }

    /** @return the fields of the select list, unmodifiable */
    public List<Field<?>> fields() { return fields; }

    private List<TableLike> tables() {
        List<TableLike> tables = new ArrayList<>(joins.size() + 1);
        if (from != null) tables.add(from);
        for (JoinStep.Join j : joins) tables.add(j.table());
        return tables;
    }

    // ---- windows (issue 4) ----

    /**
     * Declares named windows: {@code WINDOW "w" AS (PARTITION BY ... ORDER BY ...)} (SQL:2016 section
     * 7.15), between HAVING and ORDER BY. Window functions of this SELECT refer to them with
     * {@code over(w)}; a reference to a window that is not declared fails at render time. A second call
     * adds to the first.
     *
     * @param windows named windows made by {@link Dsl#window(String)}
     * @return the query
     * @throws IllegalArgumentException if a window is null or anonymous, or two windows have the same name
     */
    public Select<R> window(Window... windows) {
        List<Window> list = new ArrayList<>(this.windows);
        for (Window w : windows) {
            if (w == null) throw new IllegalArgumentException("WINDOW null");
            if (w.name() == null) {
                throw new IllegalArgumentException("WINDOW needs named windows (Dsl.window(name)); (" + w
                        + ") is anonymous: pass it to over(...) directly");
            }
            for (Window other : list) {
                if (other.name().equals(w.name())) {
                    throw new IllegalArgumentException("the window " + w.name() + " is already declared on this SELECT");
                }
            }
            list.add(w);
        }
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset,
                List.copyOf(list));
    }

    /** Renders {@code  WINDOW "w" AS (...), ...}. */
    private void renderWindows(SqlBuilder b) {
        b.append(" WINDOW ");
        for (int i = 0; i < windows.size(); i++) {
            if (i > 0) b.append(", ");
            b.identifier(windows.get(i).name()).append(" AS ");
            windows.get(i).renderDefinition(b);
        }
    }

    /**
     * Renders the statement without a connection.
     *
     * @param dialect the dialect
     * @return the SQL and its bind values
     * @throws IllegalStateException if a column's table is not in FROM or JOIN
     * @throws UnsupportedDialectFeatureException if the dialect cannot express a part of the query
     */
    public Rendered render(Dialect dialect) {
        SqlBuilder b = new SqlBuilder(dialect);
        renderTo(b);
        return b.toRendered();
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.pushScope(tables());
        b.pushWindows(windows);
        try {
            b.append(distinct ? "SELECT DISTINCT " : "SELECT ");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) b.append(", ");
                Field<?> f = fields.get(i);
                if (f instanceof AliasedField<?> a) a.renderDeclaration(b);
                else b.visit(f);
            }
            if (from != null) {
                b.append(" FROM ").visit(from);
                for (JoinStep.Join j : joins) {
                    b.append(' ').append(j.kind()).append(' ').visit(j.table()).append(" ON ").visit(j.on());
                }
            }
            if (where != null) b.append(" WHERE ").visit(where);
            if (!groupBy.isEmpty()) b.append(" GROUP BY ").visitAll(groupBy, ", ");
            if (having != null) b.append(" HAVING ").visit(having);
            if (!windows.isEmpty()) renderWindows(b);
            if (!orderBy.isEmpty()) b.append(" ORDER BY ").visitAll(orderBy, ", ");
            if (limit != null || offset != null) b.renderer().limitOffset(b, limit, offset);
        } finally {
            b.popWindows();
            b.popScope();
        }
    }

    private Executor executor() {
        if (executor == null) {
            throw new IllegalStateException("this SELECT is not attached to a database: create it with db.select(...) "
                    + "or run it with db.fetch(select)");
        }
        return executor;
    }

    /**
     * Runs the query and reads all rows.
     *
     * @return the rows, in the database's order; empty when none match
     * @throws DataAccessException if the database fails
     */
    public List<R> fetch() {
        Executor e = executor();
        return e.fetch(render(e.dialect()), fields, rowFactory);
    }

    /**
     * Runs the query and maps each row.
     *
     * @param mapper a function from row to value; for a typed SELECT of N fields
     *               {@code Dsl.mapping(FilmView::new)} adapts a constructor of N parameters
     * @param <E> the mapped type
     * @return the mapped rows
     */
    public <E> List<E> fetch(Function<? super R, ? extends E> mapper) {
        List<R> rows = fetch();
        List<E> out = new ArrayList<>(rows.size());
        for (R r : rows) out.add(mapper.apply(r));
        return out;
    }

    /**
     * Runs the query and fills one Java record per row, matching each record component to the select
     * list field of the same name: the component {@code totalPaid} matches a column or alias
     * {@code total_paid} or {@code totalPaid} (case and underscores are ignored). Numeric values are
     * converted to the component's numeric type when no digits are lost.
     *
     * @param recordType a record class
     * @param <E> the record type
     * @return the records
     * @throws IllegalArgumentException before the query runs if a component has no matching field, matches
     *         several, or cannot hold the field's type; during mapping if a NULL meets a primitive component
     */
    public <E> List<E> fetchInto(Class<E> recordType) {
        RecordMapper<E> mapper = RecordMapper.of(recordType, fields);
        return fetch(mapper::map);
    }

    /**
     * Runs the query and returns its only row.
     *
     * @return the row
     * @throws NoDataFoundException if there is no row
     * @throws TooManyRowsException if there is more than one
     */
    public R fetchOne() {
        List<R> rows = fetch();
        if (rows.isEmpty()) {
            throw new NoDataFoundException("fetchOne() found no row", render(executor.dialect()).sql(), null, null);
        }
        if (rows.size() > 1) {
            throw new TooManyRowsException("fetchOne() found " + rows.size() + " rows, expected exactly one",
                    render(executor.dialect()).sql(), null, null);
        }
        return rows.get(0);
    }

    /**
     * Runs the query and returns its row if there is one.
     *
     * @return the row, or empty
     * @throws TooManyRowsException if there is more than one row
     */
    public Optional<R> fetchOptional() {
        List<R> rows = fetch();
        if (rows.size() > 1) {
            throw new TooManyRowsException("fetchOptional() found " + rows.size() + " rows, expected at most one",
                    render(executor.dialect()).sql(), null, null);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs the query and returns one value of its only row, as for {@code select(count()).from(FILM)}.
     *
     * @param field a field of the select list
     * @param <T> its type
     * @return the value; null for SQL NULL
     * @throws NoDataFoundException if there is no row
     * @throws TooManyRowsException if there is more than one
     */
    public <T> T fetchValue(Field<T> field) {
        return fetchOne().get(field);
    }

    @Override
    public String toString() {
        return "Select" + fields;
    }
}
