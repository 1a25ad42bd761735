package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.LockStrength;
import dev.quarry.dsl.spi.LockWait;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SetOperator;
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
public final class Select<R extends Row> implements QueryPart, dev.quarry.dsl.spi.CacheKeyed {
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
    private final SetOperation setOperation;
    private final RowLock lock;
    private final WithClause with;
    private final List<Window> windows;

    private Select(RowFactory<R> rowFactory, Executor executor, List<Field<?>> fields, boolean distinct, TableLike from, List<JoinStep.Join> joins,
                   Condition where, List<Field<?>> groupBy, Condition having, List<SortField<?>> orderBy,
                   Long limit, Long offset, SetOperation setOperation, RowLock lock, WithClause with, List<Window> windows) {
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
        this.setOperation = setOperation;
        this.lock = lock;
        this.with = with;
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
        return new Select<>(rowFactory, executor, List.copyOf(fields), distinct, null, List.of(), null, List.of(), null, List.of(), null, null, null, null, null, List.of());
    }

    Select<R> attach(Executor e) {
        return new Select<>(rowFactory, e, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset, setOperation, lock, with, windows);
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
        return new Select<>(rowFactory, executor, fields, distinct, table, joins, where, groupBy, having, orderBy, limit, offset, setOperation, lock, with, windows);
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

    // ---- joins ----

    /**
     * Starts a right outer join: every row of the joined table, with the columns of the tables before it
     * NULL where nothing matches (read as null, never 0 or false). SQL:2016 section 7.7; SQLite has it
     * since 3.39.
     *
     * @param table the joined table
     * @return the step that takes the ON condition
     * @throws IllegalArgumentException if table is null or already in the query (join an alias: {@code Table.as})
     * @throws IllegalStateException if FROM is not set
     */
    public JoinStep<R> rightJoin(TableLike table) {
        return new JoinStep<>(this, "RIGHT JOIN", checkJoinable(table));
    }

    /**
     * Starts a full outer join: every row of both sides, the other side's columns NULL where nothing
     * matches. PostgreSQL and SQLite (3.39+); MySQL and MariaDB have no FULL JOIN, and rendering fails
     * there with {@link UnsupportedDialectFeatureException}.
     *
     * @param table the joined table
     * @return the step that takes the ON condition
     * @throws IllegalArgumentException if table is null or already in the query
     * @throws IllegalStateException if FROM is not set
     */
    public JoinStep<R> fullJoin(TableLike table) {
        return new JoinStep<>(this, "FULL JOIN", checkJoinable(table));
    }

    /**
     * Adds a cross join, {@code CROSS JOIN "t"}: every combination of rows, without condition.
     *
     * @param table the joined table
     * @return the query with the join added
     * @throws IllegalArgumentException if table is null or already in the query
     * @throws IllegalStateException if FROM is not set
     */
    public Select<R> crossJoin(TableLike table) {
        return withJoin(new JoinStep.Join("CROSS JOIN", checkJoinable(table), null));
    }

    /**
     * Starts an inner join of a LATERAL derived table, {@code JOIN LATERAL (SELECT ...) AS "t" ON ...},
     * whose subquery may use the columns of the tables before it (SQL:2016 section 7.6; PostgreSQL
     * manual, "LATERAL Subqueries"; MySQL 8.0.14+, manual 15.2.15.9 "Lateral Derived Tables"). MariaDB and
     * SQLite have no LATERAL: rendering fails there with {@link UnsupportedDialectFeatureException}.
     *
     * @param table the derived table ({@link #asTable(String)})
     * @return the step that takes the ON condition
     * @throws IllegalArgumentException if table is null or already in the query
     * @throws IllegalStateException if FROM is not set
     */
    public JoinStep<R> joinLateral(DerivedTable table) {
        return new JoinStep<>(this, "JOIN LATERAL", checkJoinable(table));
    }

    /**
     * Starts a left outer join of a LATERAL derived table: as {@link #joinLateral}, keeping the rows for
     * which the subquery finds nothing (its columns read as null).
     *
     * @param table the derived table
     * @return the step that takes the ON condition
     * @throws IllegalArgumentException if table is null or already in the query
     * @throws IllegalStateException if FROM is not set
     */
    public JoinStep<R> leftJoinLateral(DerivedTable table) {
        return new JoinStep<>(this, "LEFT JOIN LATERAL", checkJoinable(table));
    }

    /**
     * Adds {@code CROSS JOIN LATERAL (SELECT ...) AS "t"}: the subquery runs once per row of the tables
     * before it and may use their columns, as for a "top N per group" query. Dialects as
     * {@link #joinLateral}.
     *
     * @param table the derived table
     * @return the query with the join added
     * @throws IllegalArgumentException if table is null or already in the query
     * @throws IllegalStateException if FROM is not set
     */
    public Select<R> crossJoinLateral(DerivedTable table) {
        return withJoin(new JoinStep.Join("CROSS JOIN LATERAL", checkJoinable(table), null));
    }

    /**
     * This query as a derived table, a subquery in FROM or JOIN with an alias whose columns stay typed
     * ({@link DerivedTable#field(Field)}).
     *
     * @param alias the derived table's alias, non-blank
     * @return the derived table
     * @throws IllegalArgumentException if alias is blank, or a select-list field is an expression without
     *         alias, or two fields have the same column name
     */
    public DerivedTable asTable(String alias) {
        return new DerivedTable(this, alias);
    }

    /** @return the FROM and JOIN tables, for the foreign-key join of {@link JoinStep#onForeignKey()} */
    List<TableLike> tablesInQuery() {
        return tables();
    }

    /** @return whether ORDER BY, LIMIT or OFFSET is set (not allowed in a part of a UNION) */
    boolean hasOrderByOrLimit() {
        return !orderBy.isEmpty() || limit != null || offset != null;
    }

    /** @return a copy with the WITH clause of {@link With} */
    Select<R> withClause(WithClause clause) {
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset, setOperation, lock, clause, windows);
    }

    private static void renderJoin(SqlBuilder b, JoinStep.Join j) {
        String kind = j.kind();
        boolean lateral = kind.endsWith(" LATERAL");
        if (lateral) kind = kind.substring(0, kind.length() - " LATERAL".length());
        b.append(' ');
        b.renderer().join(b, dev.quarry.dsl.spi.JoinType.ofKeyword(kind), lateral);
        b.append(' ').visit(j.table());
        if (j.on() != null) b.append(" ON ").visit(j.on());
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
        return new Select<>(rowFactory, executor, fields, distinct, from, List.copyOf(list), where, groupBy, having, orderBy, limit, offset, setOperation, lock, with, windows);
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
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, c, groupBy, having, orderBy, limit, offset, setOperation, lock, with, windows);
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
        return new Select<>(rowFactory, executor, this.fields, distinct, from, joins, where, List.of(fields), having, orderBy, limit, offset, setOperation, lock, with, windows);
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
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, c, orderBy, limit, offset, setOperation, lock, with, windows);
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
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, List.copyOf(list), limit, offset, setOperation, lock, with, windows);
    }

    /**
     * @param limit the maximum number of rows, 0 or more; sent as a bind parameter
     * @return the query
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public Select<R> limit(long limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset, setOperation, lock, with, windows);
    }

    /**
     * @param offset the number of rows to skip, 0 or more; sent as a bind parameter
     * @return the query
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public Select<R> offset(long offset) {
        if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset, setOperation, lock, with, windows);
    }
    // ---- set operations ----

    /**
     * {@code this UNION other}: the rows of either query, duplicates removed (SQL:2016 section 7.17,
     * {@code <query expression>}). The result is a new query typed by this (the left) side; its
     * {@link #orderBy}, {@link #limit} and {@link #offset} apply to the whole result:
     * {@code a.union(b).orderBy(FILM.filmId.desc()).limit(5)}. ORDER BY of a compound query names
     * fields of the left side's select list (rendered as the unqualified result-column name).
     *
     * <p>Nesting keeps the meaning of the Java expression everywhere: {@code a.union(b).intersect(c)}
     * is {@code (a UNION b) INTERSECT c} although INTERSECT binds more tightly in standard SQL. Where
     * a side must be grouped (a compound side the precedence would otherwise regroup, any compound
     * right side, a side with its own ORDER BY / LIMIT / OFFSET), PostgreSQL and MySQL/MariaDB put it in
     * parentheses and SQLite, which allows none, selects from it as a derived table:
     * {@code SELECT * FROM (a UNION b) INTERSECT SELECT ...}.
     *
     * @param other the right query, with as many fields as this one; its rows are read as this query's
     *              row type, so its field types should match (the database converts otherwise)
     * @return the compound query; detached if both sides are
     * @throws IllegalArgumentException if other is null, the field counts differ, or a side has a
     *         locking clause ({@link #forUpdate()})
     */
    public Select<R> union(Select<? extends R> other) {
        return setOperation(SetOperator.UNION, false, other);
    }

    /**
     * {@code this UNION ALL other}: the rows of both queries, duplicates kept. As {@link #union}.
     *
     * @param other the right query, with as many fields as this one
     * @return the compound query
     * @throws IllegalArgumentException as {@link #union}
     */
    public Select<R> unionAll(Select<? extends R> other) {
        return setOperation(SetOperator.UNION, true, other);
    }

    /**
     * {@code this INTERSECT other}: the rows that are in both queries, duplicates removed. As
     * {@link #union}. MySQL needs 8.0.31 and MariaDB 10.3; an older server fails at render time with
     * {@link UnsupportedDialectFeatureException}.
     *
     * @param other the right query, with as many fields as this one
     * @return the compound query
     * @throws IllegalArgumentException as {@link #union}
     */
    public Select<R> intersect(Select<? extends R> other) {
        return setOperation(SetOperator.INTERSECT, false, other);
    }

    /**
     * {@code this INTERSECT ALL other}: a row as often as it is in both queries. PostgreSQL, MySQL
     * 8.0.31, MariaDB 10.5; SQLite has no INTERSECT ALL and fails at render time with
     * {@link UnsupportedDialectFeatureException}.
     *
     * @param other the right query, with as many fields as this one
     * @return the compound query
     * @throws IllegalArgumentException as {@link #union}
     */
    public Select<R> intersectAll(Select<? extends R> other) {
        return setOperation(SetOperator.INTERSECT, true, other);
    }

    /**
     * {@code this EXCEPT other}: the rows of this query that are not in the other, duplicates removed.
     * As {@link #union}; MySQL needs 8.0.31 and MariaDB 10.3 (else
     * {@link UnsupportedDialectFeatureException} at render time).
     *
     * @param other the right query, with as many fields as this one
     * @return the compound query
     * @throws IllegalArgumentException as {@link #union}
     */
    public Select<R> except(Select<? extends R> other) {
        return setOperation(SetOperator.EXCEPT, false, other);
    }

    /**
     * {@code this EXCEPT ALL other}: a row as often as it is more often in this query than in the
     * other. PostgreSQL, MySQL 8.0.31, MariaDB 10.5; SQLite fails at render time with
     * {@link UnsupportedDialectFeatureException}.
     *
     * @param other the right query, with as many fields as this one
     * @return the compound query
     * @throws IllegalArgumentException as {@link #union}
     */
    public Select<R> exceptAll(Select<? extends R> other) {
        return setOperation(SetOperator.EXCEPT, true, other);
    }

    private Select<R> setOperation(SetOperator operator, boolean all, Select<? extends R> other) {
        String label = operator + (all ? " ALL" : "");
        if (other == null) throw new IllegalArgumentException(label + " null: a set operation needs a query on each side");
        if (other.fields.size() != fields.size()) {
            throw new IllegalArgumentException(label + ": the left query selects " + fields.size() + " field"
                    + (fields.size() == 1 ? " " : "s ") + new RowType(fields).names() + " but the right query selects "
                    + other.fields.size() + " " + new RowType(other.fields).names()
                    + "; both sides of a set operation need the same number of fields");
        }
        if (lock != null || other.lock != null) {
            throw new IllegalArgumentException(label + ": a query with " + (lock != null ? lock : other.lock).label()
                    + " cannot be a side of a set operation (PostgreSQL and MySQL refuse it); lock the rows in a separate query");
        }
        Executor e = executor != null ? executor : other.executor;
        return new Select<>(rowFactory, e, fields, false, null, List.of(), null, List.of(), null, List.of(), null, null,
                new SetOperation(this.withoutWith(), operator, all, other), null, with, List.of());
    }

    /** Renders {@code left OP right [ORDER BY ...] [LIMIT ...]}, grouping the sides as the class comment of {@link #union} says. */
    private void renderSetOperation(SqlBuilder b) {
        String label = setOperation.label();
        if (distinct || from != null || !joins.isEmpty() || where != null || !groupBy.isEmpty() || having != null) {
            throw new IllegalStateException("a " + label + " of two queries takes only ORDER BY, LIMIT and OFFSET; "
                    + "put FROM, JOIN, WHERE, GROUP BY and HAVING into its sides");
        }
        Select<?> left = setOperation.left();
        Select<?> right = setOperation.right();
        boolean groupLeft = left.hasOwnOrderOrLimit() || left.setOperation != null
                && setOperation.operator() == SetOperator.INTERSECT && left.setOperation.operator() != SetOperator.INTERSECT;
        boolean groupRight = right.hasOwnOrderOrLimit() || right.setOperation != null;
        b.renderer().setOperand(b, left, groupLeft, left.setOperation != null);
        b.renderer().setOperator(b, setOperation.operator(), setOperation.all());
        b.renderer().setOperand(b, right, groupRight, right.setOperation != null);
        if (!orderBy.isEmpty()) {
            b.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) b.append(", ");
                SortField<?> item = orderBy.get(i);
                String name = resultColumnName(item.field(), label);
                b.renderer().sortItem(b, x -> x.identifier(name), item.descending(), item.nullsAtStart());
            }
        }
        if (limit != null || offset != null) b.renderer().limitOffset(b, limit, offset);
    }

    /** This query without its WITH clause, which a compound query renders once, in front of the whole. */
    private Select<R> withoutWith() {
        if (with == null) return this;
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset,
                setOperation, lock, null, windows);
    }

    private boolean hasOwnOrderOrLimit() {
        return !orderBy.isEmpty() || limit != null || offset != null;
    }

    /**
     * The name by which ORDER BY of a compound query refers to a result column: standard SQL allows
     * only result-column names there, not the (qualified) columns of a side.
     */
    private String resultColumnName(Field<?> key, String label) {
        RowType type = new RowType(fields);
        int index;
        try {
            index = type.indexOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ORDER BY of a " + label + ": " + Param.describe(key) + " is not in the select list "
                    + type.names() + " of its left query; a compound query can only be ordered by its result columns", e);
        }
        Field<?> field = fields.get(index);
        if (!(field instanceof TableField<?>) && !(field instanceof AliasedField<?>)) {
            throw new IllegalStateException("ORDER BY of a " + label + ": result column " + (index + 1) + " (" + Param.describe(field)
                    + ") has no name the database is sure to use; give it an alias with as() in the left query");
        }
        String name = field.name();
        for (int i = 0; i < fields.size(); i++) {
            if (i != index && fields.get(i).name().equals(name)) {
                throw new IllegalStateException("ORDER BY of a " + label + ": the result column name '" + name + "' is ambiguous in "
                        + type.names() + "; give one of the columns an alias with as() in the left query");
            }
        }
        return name;
    }

    // ---- row locking ----

    /**
     * Locks the rows this query reads against changes by other transactions until the end of the
     * transaction: {@code ... FOR UPDATE} (PostgreSQL manual, SELECT, "The Locking Clause"; MySQL 8.0
     * manual, 17.7.2.4 "Locking Reads"). Run it inside {@code db.transaction(tx -> ...)}: outside one,
     * the auto-committed statement releases the locks at once. Refine with {@link #noWait()},
     * {@link #skipLocked()} and {@link #of(TableLike...)}; a second call replaces the clause. SQLite
     * locks whole databases and has no locking reads: rendering fails there with
     * {@link UnsupportedDialectFeatureException}.
     *
     * @return the query with the locking clause
     * @throws IllegalStateException if this query is a set operation (UNION, INTERSECT, EXCEPT), whose
     *         rows cannot be locked
     */
    public Select<R> forUpdate() {
        return withLock(new RowLock(LockStrength.UPDATE, LockWait.WAIT, List.of()), "FOR UPDATE");
    }

    /**
     * A shared lock on the rows this query reads: others may read-lock them too, but not change or
     * exclusively lock them, until this transaction ends. {@code FOR SHARE} on PostgreSQL and MySQL 8,
     * {@code LOCK IN SHARE MODE} on MariaDB (which has no FOR SHARE and no OF list). As
     * {@link #forUpdate()} otherwise.
     *
     * @return the query with the locking clause
     * @throws IllegalStateException if this query is a set operation
     */
    public Select<R> forShare() {
        return withLock(new RowLock(LockStrength.SHARE, LockWait.WAIT, List.of()), "FOR SHARE");
    }

    /**
     * Fails at once instead of waiting when a row is locked by another transaction: {@code NOWAIT}. The
     * failure is a {@link LockTimeoutException} (PostgreSQL SQLState 55P03, MySQL error 3572, MariaDB
     * error 1205); PostgreSQL then aborts the transaction, MySQL and MariaDB only the statement.
     * MariaDB needs 10.3.
     *
     * @return the query
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select<R> noWait() {
        return withLock(requireLock("noWait()").withWait(LockWait.NOWAIT), "NOWAIT");
    }

    /**
     * Leaves rows locked by other transactions out of the result instead of waiting for them:
     * {@code SKIP LOCKED}, for queues of work ({@code orderBy(...).limit(1).forUpdate().skipLocked()}).
     * The result is therefore not a consistent view of the table. MariaDB needs 10.6.
     *
     * @return the query
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select<R> skipLocked() {
        return withLock(requireLock("skipLocked()").withWait(LockWait.SKIP_LOCKED), "SKIP LOCKED");
    }

    /**
     * Restricts the locking clause to the rows of some tables of the query: {@code FOR UPDATE OF t}
     * (PostgreSQL; MySQL 8). MariaDB has no OF list: rendering fails there with
     * {@link UnsupportedDialectFeatureException}.
     *
     * @param tables tables of this query's FROM and JOIN, at least one
     * @return the query
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     * @throws IllegalArgumentException if no table is given, or a table is not in FROM or JOIN
     */
    public Select<R> of(TableLike... tables) {
        RowLock current = requireLock("of(tables)");
        if (tables.length == 0) throw new IllegalArgumentException(current.label() + " OF needs at least one table");
        List<TableLike> inQuery = tables();
        for (TableLike t : tables) {
            if (t == null) throw new IllegalArgumentException(current.label() + " OF null");
            if (inQuery.stream().noneMatch(q -> q == t)) {
                throw new IllegalArgumentException(current.label() + " OF " + t.name() + ": table " + t.name()
                        + " is not in this query (tables: " + inQuery.stream().map(TableLike::name).toList() + ")");
            }
        }
        return withLock(current.withOf(List.of(tables)), "OF");
    }

    private RowLock requireLock(String call) {
        if (lock == null) throw new IllegalStateException(call + " refines a locking clause: call forUpdate() or forShare() first");
        return lock;
    }

    private Select<R> withLock(RowLock l, String what) {
        if (setOperation != null) {
            throw new IllegalStateException(what + ": the rows of a " + setOperation.label() + " cannot be locked "
                    + "(PostgreSQL and MySQL refuse it); lock them in a query of the table itself");
        }
        return new Select<>(rowFactory, executor, fields, distinct, from, joins, where, groupBy, having, orderBy, limit, offset,
                setOperation, l, with, windows);
    }

    /** @return the fields of the select list, unmodifiable */
    public List<Field<?>> fields() { return fields; }

    private List<TableLike> tables() {
        List<TableLike> tables = new ArrayList<>(joins.size() + 1);
        if (from != null) tables.add(from);
        for (JoinStep.Join j : joins) tables.add(j.table());
        return tables;
    }

    // ---- windows ----

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
                setOperation, lock, with, List.copyOf(list));
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
        int cteMark = b.cteMark();
        if (with != null) with.render(b, dev.quarry.dsl.spi.StatementKind.SELECT);
        if (setOperation != null) {
            try {
                renderSetOperation(b);
            } finally {
                b.releaseCtes(cteMark);
            }
            return;
        }
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
                for (JoinStep.Join j : joins) renderJoin(b, j);
            }
            if (where != null) b.append(" WHERE ").visit(where);
            if (!groupBy.isEmpty()) b.append(" GROUP BY ").visitAll(groupBy, ", ");
            if (having != null) b.append(" HAVING ").visit(having);
            if (!windows.isEmpty()) renderWindows(b);
            if (!orderBy.isEmpty()) b.append(" ORDER BY ").visitAll(orderBy, ", ");
            if (limit != null || offset != null) b.renderer().limitOffset(b, limit, offset);
            if (lock != null) b.visit(lock);
        } finally {
            b.popWindows();
            b.popScope();
            b.releaseCtes(cteMark);
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
        return e.fetch(e.render(this), fields, rowFactory);
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
        RecordMapper<E> mapper = RecordMapper.cached(recordType, fields); // prebuilt once per record type and select list
        Executor e = executor();
        return e.fetchInto(e.render(this), fields, mapper);
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

    /**
     * Gives this statement its own timeout, replacing the database's default
     * ({@code Database.Builder.queryTimeout}): if it runs longer, it is cancelled on the server
     * ({@link java.sql.Statement#cancel()}) and fails with {@link QueryTimeoutException}. Inside a
     * transaction with a timeout ({@link TransactionOptions#timeout}) the shorter of the two applies. For {@link #fetchLazy()} the timeout
     * covers running the query until its first rows are ready, not the reading of the cursor.
     *
     * @param timeout the timeout, positive
     * @return a copy of this statement with that timeout
     * @throws IllegalArgumentException if the timeout is null, zero or negative
     * @throws IllegalStateException if the statement is not attached to a database or transaction
     */
    public Select<R> queryTimeout(java.time.Duration timeout) {
        StatementTimer.requirePositive("queryTimeout", timeout);
        return attach(executor().withQueryTimeout(timeout.toNanos()));
    }

    @Override
    public String toString() {
        return "Select" + fields;
    }

    // ---- compiled-SQL cache ----

    /**
     * Adds this query's structure to the compiled-SQL cache's key (see {@link RenderCache}). A query with
     * a WITH clause, a set operation or named windows is not cached yet (rendered in full every time).
     *
     * @param key the key being built
     * @throws dev.quarry.dsl.spi.CacheKey.NotCacheable if a part of the query is not known to be cache-safe
     */
    @Override
    public void appendCacheKey(dev.quarry.dsl.spi.CacheKey key) {
        if (with != null || setOperation != null || !windows.isEmpty()) throw key.notCacheable();
        List<TableLike> tables = tables();
        key.add(Select.class).add(distinct).add(fields.size());
        key.pushScope(tables);
        try {
            for (Field<?> f : fields) {
                if (f instanceof AliasedField<?> a) a.appendDeclarationKey(key);
                else key.visit(f);
            }
            key.add(from != null);
            if (from != null) {
                key.visit(from).add(joins.size());
                for (JoinStep.Join j : joins) {
                    key.add(j.kind()).visit(j.table()).add(j.on() != null);
                    if (j.on() != null) key.visit(j.on());
                }
            }
            key.add(where != null);
            if (where != null) key.visit(where);
            key.add(groupBy.size());
            for (Field<?> g : groupBy) key.visit(g);
            key.add(having != null);
            if (having != null) key.visit(having);
            key.add(orderBy.size());
            for (SortField<?> o : orderBy) key.visit(o);
            key.add(limit != null).add(offset != null);
            if (limit != null) key.rawSlot(limit, DataType.bigint());
            if (offset != null) key.rawSlot(offset, DataType.bigint());
            key.add(lock != null);
            if (lock != null) key.visit(lock);
        } finally {
            key.popScope();
        }
    }

    // ---- streaming ----

    /** The fetch size of {@link #fetchLazy()}: rows read per round trip where the driver batches them. */
    static final int DEFAULT_FETCH_SIZE = 1_000;

    /**
     * Runs the query and returns a lazy {@link Cursor} that reads rows as it is iterated, with a fetch
     * size of 1,000 rows, so that memory stays constant however many rows match. Close it (try-with-resources);
     * see {@link Cursor} for how each database streams and when the connection is released.
     *
     * <pre>{@code
     * try (Cursor<Record2<Integer, String>> films = db.select(FILM.filmId, FILM.title).from(FILM).fetchLazy()) {
     *     films.forEach(f -> out.println(f.value1() + " " + f.value2()));
     * }
     * }</pre>
     *
     * @return the open cursor, typed by this select's rows
     * @throws IllegalStateException if the select is not attached to a session
     * @throws DataAccessException if the query fails to start; nothing stays open then
     */
    public Cursor<R> fetchLazy() {
        return fetchLazy(DEFAULT_FETCH_SIZE);
    }

    /**
     * As {@link #fetchLazy()}, with a fetch size: how many rows the driver reads per round trip
     * ({@link java.sql.Statement#setFetchSize}; pgjdbc's portal fetch, Connector/J's streaming reads;
     * SQLite steps one row at a time whatever it is). The fetch size is an execution setting, not part
     * of the statement, so it is given here rather than stored on the immutable {@code Select}.
     *
     * @param fetchSize rows per round trip, at least 1
     * @return the open cursor
     * @throws IllegalArgumentException if {@code fetchSize < 1}
     * @throws IllegalStateException if the select is not attached to a session
     * @throws DataAccessException if the query fails to start; nothing stays open then
     */
    public Cursor<R> fetchLazy(int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchLazy(" + fetchSize + "): the fetch size must be at least 1 "
                    + "(a fetch size of 0 would make the drivers read the whole result into memory)");
        }
        Executor e = executor();
        return e.fetchLazy(render(e.dialect()), fields, rowFactory, fetchSize);
    }
}
