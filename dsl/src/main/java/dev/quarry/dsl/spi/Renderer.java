package dev.quarry.dsl.spi;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.TableField;
import dev.quarry.dsl.TableLike;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The per-dialect formatter: the hooks where dialects differ in SQL text. The defaults follow standard
 * SQL (SQL:2016) and PostgreSQL's spelling where the standard leaves a choice; a dialect subclasses
 * this class and overrides what its database spells differently (Ktorm's SqlFormatter, SQLAlchemy's
 * {@code visit_*} methods). Instances are stateless and thread-safe.
 */
public class Renderer {
    private final String dialectName;

    /**
     * @param dialectName the dialect's name, used in exception messages
     */
    public Renderer(String dialectName) {
        this.dialectName = dialectName;
    }

    /** @return the dialect's name */
    public final String dialectName() { return dialectName; }

    /**
     * Quotes an identifier. Default: double quotes, embedded double quotes doubled (SQL:2016 section
     * 5.2, delimited identifier).
     *
     * @param out where to append
     * @param name the identifier
     */
    public void quoteIdentifier(StringBuilder out, String name) {
        out.append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') out.append('"');
            out.append(c);
        }
        out.append('"');
    }

    /**
     * Renders LIMIT and OFFSET with bind parameters. Default: {@code LIMIT ? OFFSET ?} with either
     * part left out when absent (PostgreSQL, SELECT, LIMIT clause).
     *
     * @param b the builder
     * @param limit the maximum row count, or null
     * @param offset the rows to skip, or null
     */
    public void limitOffset(SqlBuilder b, Long limit, Long offset) {
        if (limit != null) b.append(" LIMIT ").bind(limit, DataType.bigint());
        if (offset != null) b.append(" OFFSET ").bind(offset, DataType.bigint());
    }

    /**
     * Renders one ORDER BY item. Default: {@code expr ASC|DESC [NULLS FIRST|LAST]} (SQL:2016 section
     * 10.10, sort specification list).
     *
     * @param b the builder
     * @param expr the sort key
     * @param descending whether descending
     * @param nullsFirst true for NULLS FIRST, false for NULLS LAST, null for the database's default
     */
    public void sortItem(SqlBuilder b, QueryPart expr, boolean descending, Boolean nullsFirst) {
        b.visit(expr).append(descending ? " DESC" : " ASC");
        if (nullsFirst != null) b.append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

    /**
     * Renders one ORDER BY item whose key is a select-list alias ({@code ORDER BY "total" DESC}).
     * Default: {@link #sortItem} with the reference to the alias. A dialect that must repeat the
     * expression instead overrides this: MySQL and MariaDB refuse an alias of an aggregate inside an
     * expression such as {@code total IS NULL} (error 1247, "reference to group function"), which their
     * NULLS FIRST / LAST emulation needs.
     *
     * @param b the builder
     * @param reference renders the alias as a reference
     * @param aliased the aliased expression
     * @param descending whether descending
     * @param nullsFirst true for NULLS FIRST, false for NULLS LAST, null for the database's default
     */
    public void aliasSortItem(SqlBuilder b, QueryPart reference, Field<?> aliased, boolean descending, Boolean nullsFirst) {
        sortItem(b, reference, descending, nullsFirst);
    }

    /**
     * Renders an aggregate call. Default: {@code FN(*)}, {@code FN(x)} or {@code FN(DISTINCT x)}.
     *
     * @param b the builder
     * @param function the function name in upper case, such as {@code SUM}
     * @param argument the argument, or null for {@code *}
     * @param distinct whether DISTINCT applies to the argument
     * @param resultType the aggregate's result type
     */
    public void aggregate(SqlBuilder b, String function, Field<?> argument, boolean distinct, DataType<?> resultType) {
        b.append(function).append('(');
        if (argument == null) {
            b.append('*');
        } else {
            if (distinct) b.append("DISTINCT ");
            b.visit(argument);
        }
        b.append(')');
    }

    /**
     * Renders a predicate that is always true or always false, as an empty IN list needs
     * ({@code x IN ()} is not valid SQL). Default: {@code 1 = 1} and {@code 1 = 0}, valid everywhere.
     *
     * @param b the builder
     * @param value the truth value
     */
    public void constantPredicate(SqlBuilder b, boolean value) {
        b.append(value ? "1 = 1" : "1 = 0");
    }

    /**
     * The most conditions joined by AND (or by OR) that are rendered as one chain {@code c1 AND c2 AND c3}.
     * A longer junction is rendered in parenthesized halves, {@code (c1 AND c2) AND (c3 AND c4)}, down to
     * chains of at most this length, which means the same (AND and OR are associative in SQL's
     * three-valued logic) and keeps the operands in their order. Default: no limit, since PostgreSQL and
     * MySQL/MariaDB keep a chain as one list of operands.
     *
     * @return the longest chain, 2 or more
     */
    public int maxConditionChain() {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether an IN list of {@code size} values is sent as one array bind parameter
     * ({@link #inArray}) instead of {@code IN (?, ?, ...)} with a parameter per value, and the array's type.
     * Both the rendering and the compiled-SQL cache's key ask this hook, so it must answer from its
     * arguments alone. Default: null, a parameter per value; a list with more values than
     * {@link Dialect#maxBindParameters()} is then refused at render time.
     *
     * @param elementType the type of the list's values (the type of the field compared), never null
     * @param size the number of values, 1 or more
     * @return the type of the array parameter (such as {@code DataType.array(elementType)}), or null for
     *         a parameter per value
     */
    public DataType<?> inListArrayType(DataType<?> elementType, int size) {
        return null;
    }

    /**
     * Renders an IN list as a comparison with one array parameter, for lists {@link #inListArrayType}
     * gives an array type. Default: {@code field = ANY(?)} and, for NOT IN, {@code field <> ALL(?)}
     * (PostgreSQL manual 9.24.3 and 9.24.4, "ANY/SOME (array)" and "ALL (array)"), which mean the same as
     * {@code IN} and {@code NOT IN} of the array's elements, NULL handling included.
     *
     * @param b the builder
     * @param field the field compared, rendered as an operator's operand
     * @param negated true for NOT IN
     * @param array binds the array parameter when visited
     */
    public void inArray(SqlBuilder b, Field<?> field, boolean negated, QueryPart array) {
        operand(b, field);
        b.append(negated ? " <> ALL(" : " = ANY(").visit(array).append(')');
    }

    /**
     * The escape character used by the LIKE patterns of {@code startsWith}, {@code endsWith} and
     * {@code contains}. Default {@code '!'}, which needs no escaping inside a string literal in any
     * supported dialect (a backslash would in MySQL).
     *
     * @return the escape character
     */
    public char likeEscapeCharacter() { return '!'; }

    /**
     * Whether the LIKE patterns of {@code startsWith}, {@code endsWith} and {@code contains} name their
     * escape character in an {@code ESCAPE} clause: {@code x LIKE ? ESCAPE '!'}. Default true. A dialect
     * whose LIKE escapes with {@link #likeEscapeCharacter()} by itself returns false and gets
     * {@code x LIKE ?}: PostgreSQL, whose LIKE takes the backslash as escape character when no ESCAPE is
     * given, and computes {@code like_escape(pattern, '!')} for every row when one is.
     *
     * @return whether to render the ESCAPE clause
     */
    public boolean likeEscapeClause() { return true; }

    /**
     * Whether this dialect renders {@code startsWith}, {@code endsWith} and {@code contains} itself,
     * through {@link #textMatch}, instead of as {@code x LIKE ? ESCAPE '!'} with the literal text's
     * {@code %}, {@code _} and escape characters escaped in the bound pattern. Default: false; the LIKE
     * form is literal and case-sensitive on columns whose collation is binary or code-point ordered
     * (PostgreSQL {@code "C"}, MySQL's binary collations). A dialect whose LIKE is not (SQLite's ignores
     * the case of ASCII letters and refuses patterns over 50,000 bytes) returns true.
     *
     * @return whether {@link #textMatch} renders the literal text tests
     */
    public boolean rendersTextMatch() { return false; }

    /**
     * Renders a literal text test without a pattern; called only when {@link #rendersTextMatch()} is
     * true. The SQL must be a condition that is true exactly when the Java test
     * ({@code String.startsWith}, {@code endsWith}, {@code contains}) on the field's text is, comparing
     * by code point and case-sensitively, for texts of any length including the empty one, and NULL when
     * the field is NULL. {@code text} is the only value the rendering may bind, as often as it needs;
     * nothing derived from it (such as its length) may be bound or inlined, so that the compiled-SQL cache
     * can re-bind the SQL for another text. Default: {@link UnsupportedOperationException}.
     *
     * @param b the builder
     * @param match which test
     * @param field the tested expression; {@code b.visit(field)} renders it (more than once if needed)
     * @param text renders one bind parameter holding the literal text; {@code b.visit(text)} as often as needed
     * @throws UnsupportedOperationException if the dialect does not render text tests itself
     */
    public void textMatch(SqlBuilder b, TextMatch match, QueryPart field, QueryPart text) {
        throw new UnsupportedOperationException(dialectName + " renders " + match + " as LIKE; rendersTextMatch() is false");
    }

    /**
     * Renders the current timestamp as a SQL expression. Default: {@code CURRENT_TIMESTAMP}.
     *
     * @param b the builder
     */
    public void currentTimestamp(SqlBuilder b) {
        b.append("CURRENT_TIMESTAMP");
    }

    /**
     * Renders an inline literal; only used where no bind parameter is possible (DDL defaults and CHECK
     * constraints). Strings are quoted with embedded quotes doubled (SQL:2016 section 5.3, character
     * string literal).
     *
     * @param b the builder
     * @param value the value, may be null
     * @param type the value's type
     */
    public void literal(SqlBuilder b, Object value, DataType<?> type) {
        if (value == null) {
            b.append("NULL");
        } else if (value instanceof Boolean bool) {
            b.append(bool ? "TRUE" : "FALSE");
        } else if (value instanceof BigDecimal d) {
            b.append(d.toPlainString());
        } else if (value instanceof Number n) {
            b.append(n.toString());
        } else if (value instanceof byte[] bytes) {
            b.append("X'").append(HexFormat.of().formatHex(bytes)).append("'");
        } else if (value instanceof Enum<?> e) {
            stringLiteral(b, type.enumLabel(e));
        } else if (value instanceof java.time.LocalDateTime t) {
            stringLiteral(b, t.format(DateTimeFormatter.ISO_LOCAL_DATE) + " " + t.toLocalTime());
        } else {
            stringLiteral(b, value.toString());
        }
    }

    /**
     * Appends a quoted character string literal.
     *
     * @param b the builder
     * @param text the unquoted text
     */
    protected void stringLiteral(SqlBuilder b, String text) {
        b.append('\'').append(text.replace("'", "''")).append('\'');
    }

    /**
     * Renders the start of an INSERT up to the table name. Default: {@code INSERT INTO }. A dialect
     * whose DO NOTHING upsert is {@code INSERT IGNORE INTO } may use it; the MySQL dialect does not,
     * since IGNORE also turns foreign key violations and other errors into warnings.
     *
     * @param b the builder
     * @param ignoreConflicts whether the statement is an upsert with DO NOTHING
     */
    public void insertInto(SqlBuilder b, boolean ignoreConflicts) {
        b.append("INSERT INTO ");
    }

    /**
     * Renders what follows the table name in an INSERT of one row that sets no column, so that every
     * column gets its default. Default: {@code  DEFAULT VALUES} (SQL:2016 section 14.11, insert
     * statement; PostgreSQL and SQLite). MySQL and MariaDB have no DEFAULT VALUES and write
     * {@code () VALUES ()} (MySQL 8.0 manual, 15.2.7 "INSERT Statement").
     *
     * @param b the builder
     */
    public void defaultValues(SqlBuilder b) {
        b.append(" DEFAULT VALUES");
    }

    /**
     * Renders an upsert's conflict clause after the VALUES. Default:
     * {@code ON CONFLICT (c1, c2) DO NOTHING} or {@code ON CONFLICT (c1) DO UPDATE SET a = expr}
     * (PostgreSQL manual, INSERT, "ON CONFLICT Clause"; SQLite manual, "UPSERT").
     *
     * @param b the builder
     * @param conflictColumns the columns of the unique key the conflict is expected on
     * @param updates the DO UPDATE assignments; empty for DO NOTHING
     */
    public void onConflict(SqlBuilder b, List<? extends TableField<?>> conflictColumns,
                           List<Map.Entry<TableField<?>, Field<?>>> updates) {
        b.append(" ON CONFLICT (");
        boolean q = b.qualifyColumns(false);
        b.visitAll(conflictColumns, ", ");
        b.qualifyColumns(q);
        b.append(')');
        if (updates.isEmpty()) {
            b.append(" DO NOTHING");
            return;
        }
        b.append(" DO UPDATE SET ");
        assignments(b, updates);
    }

    /**
     * Renders {@code a = expr, b = expr} with unqualified target columns, as SET lists need.
     *
     * @param b the builder
     * @param assignments the assignments in order
     */
    public void assignments(SqlBuilder b, List<Map.Entry<TableField<?>, Field<?>>> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) b.append(", ");
            boolean q = b.qualifyColumns(false);
            b.visit(assignments.get(i).getKey());
            b.qualifyColumns(q);
            b.append(" = ").visit(assignments.get(i).getValue());
        }
    }

    /**
     * Renders the value an upsert proposed for a column. Default: {@code EXCLUDED."column"}.
     *
     * @param b the builder
     * @param column the column
     */
    public void excluded(SqlBuilder b, TableField<?> column) {
        b.append("EXCLUDED.").identifier(column.name());
    }

    /**
     * Renders a RETURNING clause. Default: {@code RETURNING f1, f2} with unqualified column names
     * (PostgreSQL, SQLite 3.35+). A dialect without RETURNING for a statement kind throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException} here, at render time.
     *
     * @param b the builder
     * @param kind the statement the clause belongs to
     * @param fields the returned fields, at least one
     */
    public void returning(SqlBuilder b, StatementKind kind, List<? extends Field<?>> fields) {
        b.append(" RETURNING ");
        boolean q = b.qualifyColumns(false);
        b.visitAll(fields, ", ");
        b.qualifyColumns(q);
    }

    // ---- set operations, row locking, DML forms ----

    /**
     * Renders the operator between the two sides of a compound query, with the spaces around it.
     * Default: {@code  UNION },  {@code  UNION ALL }, {@code  INTERSECT [ALL] }, {@code  EXCEPT [ALL] }
     * (SQL:2016 section 7.17; PostgreSQL). A dialect without an operator throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException} here.
     *
     * @param b the builder
     * @param operator the operator
     * @param all whether duplicates are kept (ALL)
     */
    public void setOperator(SqlBuilder b, SetOperator operator, boolean all) {
        b.append(' ').append(operator.name()).append(all ? " ALL " : " ");
    }

    /**
     * Renders one side of a compound query. {@code grouped} is true when the side must be kept
     * together: it is itself a compound query that the operator precedence would otherwise regroup, or
     * a compound right side, or it has its own ORDER BY / LIMIT / OFFSET. Default: the side in
     * parentheses when grouped (SQL:2016 section 7.17, {@code <query primary>}; PostgreSQL, MySQL 8.0.22,
     * MariaDB 10.4); SQLite, which allows no parentheses there, overrides this.
     *
     * @param b the builder
     * @param operand the side, a query
     * @param grouped whether the side must be grouped
     * @param compound whether the side is itself a compound query
     */
    public void setOperand(SqlBuilder b, QueryPart operand, boolean grouped, boolean compound) {
        if (grouped) {
            b.append('(').visit(operand).append(')');
        } else {
            b.visit(operand);
        }
    }

    /**
     * Renders the locking clause at the end of a SELECT, with a leading space. Default (PostgreSQL
     * manual, SELECT, "The Locking Clause"): {@code  FOR UPDATE | FOR SHARE [OF "t", ...] [NOWAIT | SKIP LOCKED]}.
     * A dialect without locking reads, or without a variant, throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException} here.
     *
     * @param b the builder
     * @param strength exclusive or shared
     * @param wait what to do with rows locked by others
     * @param of the tables whose rows are locked, by name; empty for all
     */
    public void rowLock(SqlBuilder b, LockStrength strength, LockWait wait, List<? extends TableLike> of) {
        b.append(strength == LockStrength.UPDATE ? " FOR UPDATE" : " FOR SHARE");
        for (int i = 0; i < of.size(); i++) {
            b.append(i == 0 ? " OF " : ", ").identifier(of.get(i).name());
        }
        lockWait(b, wait);
    }

    /**
     * Appends {@code  NOWAIT} or {@code  SKIP LOCKED}, nothing for {@link LockWait#WAIT}.
     *
     * @param b the builder
     * @param wait the wait policy
     */
    protected final void lockWait(SqlBuilder b, LockWait wait) {
        switch (wait) {
            case NOWAIT -> b.append(" NOWAIT");
            case SKIP_LOCKED -> b.append(" SKIP LOCKED");
            case WAIT -> { }
        }
    }

    // ---- window functions and expressions ----

    /**
     * Renders an aggregate with a FILTER condition, a window, or both. Default: {@code FN(x) FILTER (WHERE c)
     * OVER window} (SQL:2016 sections 10.9 and 6.10), where a dialect without FILTER
     * ({@link #aggregateFilterClause()} false) gets {@code FN(CASE WHEN c THEN x END)} instead. Without
     * either it is {@link #aggregate(SqlBuilder, String, Field, boolean, DataType)}, so that a dialect's
     * override of that hook keeps applying to plain aggregates.
     *
     * @param b the builder
     * @param function the function name in upper case, such as {@code SUM}
     * @param argument the argument, or null for {@code *}
     * @param distinct whether DISTINCT applies to the argument
     * @param resultType the aggregate's result type
     * @param filter the FILTER condition, or null
     * @param window the window, or null for a plain (grouping) aggregate
     */
    public void aggregate(SqlBuilder b, String function, Field<?> argument, boolean distinct, DataType<?> resultType,
                          dev.quarry.dsl.Condition filter, dev.quarry.dsl.Window window) {
        if (filter == null && window == null) {
            aggregate(b, function, argument, distinct, resultType);
            return;
        }
        aggregateCall(b, function, argument, distinct, filter);
        if (window != null) b.append(" OVER ").visit(window);
    }

    /**
     * Whether aggregates take {@code FILTER (WHERE ...)}. Default true (PostgreSQL 9.4+, SQLite 3.30+);
     * MySQL and MariaDB return false and get the CASE form.
     *
     * @return whether the FILTER clause is rendered
     */
    public boolean aggregateFilterClause() { return true; }

    /**
     * Renders the call of an aggregate with an optional filter: {@code FN([DISTINCT] x) FILTER (WHERE c)},
     * or without the FILTER clause {@code FN([DISTINCT] CASE WHEN c THEN x END)} ({@code COUNT(*)}:
     * {@code COUNT(CASE WHEN c THEN 1 END)}), which aggregates the same rows since aggregates skip NULLs.
     *
     * @param b the builder
     * @param function the function name
     * @param argument the argument, or null for {@code *}
     * @param distinct whether DISTINCT applies
     * @param filter the condition, or null
     */
    protected final void aggregateCall(SqlBuilder b, String function, Field<?> argument, boolean distinct,
                                       dev.quarry.dsl.Condition filter) {
        b.append(function).append('(');
        if (filter != null && !aggregateFilterClause()) {
            if (distinct) b.append("DISTINCT ");
            b.append("CASE WHEN ").visit(filter).append(" THEN ");
            if (argument == null) b.append('1');
            else operand(b, argument);
            b.append(" END)");
            return;
        }
        if (argument == null) {
            b.append('*');
        } else {
            if (distinct) b.append("DISTINCT ");
            b.visit(argument);
        }
        b.append(')');
        if (filter != null) b.append(" FILTER (WHERE ").visit(filter).append(')');
    }

    /**
     * Renders an operand of a function or operator, in parentheses if it is a condition.
     *
     * @param b the builder
     * @param operand the operand
     */
    protected final void operand(SqlBuilder b, Field<?> operand) {
        if (operand instanceof dev.quarry.dsl.Condition) b.append('(').visit(operand).append(')');
        else b.visit(operand);
    }

    /**
     * Renders a window specification without its parentheses: {@code PARTITION BY a, b ORDER BY c DESC
     * ROWS BETWEEN ...} (SQL:2016 section 7.15). Sort items go through {@link #sortItem}, so a dialect's
     * NULLS FIRST / LAST emulation applies; an aliased field is rendered as its expression.
     *
     * @param b the builder
     * @param window the window (anonymous, or the definition of a named one)
     */
    public void windowSpecification(SqlBuilder b, dev.quarry.dsl.Window window) {
        boolean space = false;
        if (!window.partitionFields().isEmpty()) {
            b.append("PARTITION BY ").visitAll(window.partitionFields(), ", ");
            space = true;
        }
        if (!window.orderFields().isEmpty()) {
            if (space) b.append(' ');
            b.append("ORDER BY ");
            orderItems(b, window.orderFields());
            space = true;
        }
        if (window.frame() != null) {
            if (space) b.append(' ');
            windowFrame(b, window.frame());
        }
    }

    /**
     * Renders an UPDATE whose values or condition use other tables, up to (not including) RETURNING.
     * Default, PostgreSQL's and SQLite's (3.33+) form: {@code UPDATE "t" SET "a" = expr FROM "o1", "o2" WHERE
     * condition} (PostgreSQL manual, UPDATE; SQLite manual, "UPDATE FROM"). The target table's columns
     * in SET are unqualified.
     *
     * @param b the builder; the target and the other tables are in scope
     * @param table the updated table
     * @param assignments the assignments in order
     * @param from the other tables, at least one
     * @param where the condition, which joins the tables; never null
     */
    public void updateFrom(SqlBuilder b, TableLike table, List<Map.Entry<TableField<?>, Field<?>>> assignments,
                           List<? extends TableLike> from, Condition where) {
        b.append("UPDATE ").visit(table).append(" SET ");
        assignments(b, assignments);
        b.append(" FROM ").visitAll(from, ", ");
        b.append(" WHERE ").visit(where);
    }

    /**
     * Renders a DELETE whose condition uses other tables, up to (not including) RETURNING. Default,
     * PostgreSQL's form: {@code DELETE FROM "t" USING "o1", "o2" WHERE condition} (PostgreSQL manual,
     * DELETE). Each row of the target is deleted once however many combinations of other rows match.
     *
     * @param b the builder; the target and the other tables are in scope
     * @param table the table rows are deleted from
     * @param using the other tables, at least one
     * @param where the condition, which joins the tables; never null
     */
    public void deleteUsing(SqlBuilder b, TableLike table, List<? extends TableLike> using, Condition where) {
        b.append("DELETE FROM ").visit(table).append(" USING ").visitAll(using, ", ");
        b.append(" WHERE ").visit(where);
    }

    /**
     * Renders the RETURNING clause of an UPDATE ... FROM or DELETE ... USING. Default:
     * {@code  RETURNING "t"."a", "o"."b"}, columns qualified because several tables are in scope
     * (PostgreSQL returns columns of every table of the statement). A dialect without it throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException}.
     *
     * @param b the builder
     * @param kind UPDATE or DELETE
     * @param table the table that is changed
     * @param fields the returned fields, at least one
     */
    public void multiTableReturning(SqlBuilder b, StatementKind kind, TableLike table, List<? extends Field<?>> fields) {
        b.append(" RETURNING ").visitAll(fields, ", ");
    }

    // ---- joins, subqueries, CTEs ----

    /**
     * Renders the alias of a table in FROM or JOIN after its name or subquery. Default:
     * {@code  AS "alias"} (SQL:2016 section 7.6, table reference; PostgreSQL, SQLite, MySQL and MariaDB
     * all accept AS).
     *
     * @param b the builder
     * @param alias the alias, unquoted
     */
    public void tableAlias(SqlBuilder b, String alias) {
        b.append(" AS ").identifier(alias);
    }

    /**
     * Renders the keyword of a join, such as {@code LEFT JOIN} or {@code CROSS JOIN LATERAL}. Default: the
     * standard keyword ({@link JoinType#keyword()}), followed by {@code  LATERAL} for a lateral derived
     * table (SQL:2016 section 7.6, lateral derived table; PostgreSQL manual, "LATERAL Subqueries"). A
     * dialect without the join type or without LATERAL throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException} here, at render time.
     *
     * @param b the builder
     * @param type the join type
     * @param lateral whether the joined table is a LATERAL derived table
     */
    public void join(SqlBuilder b, JoinType type, boolean lateral) {
        b.append(type.keyword());
        if (lateral) b.append(" LATERAL");
    }

    /**
     * Renders a quantified subquery, the right operand of a comparison such as
     * {@code x > ANY (SELECT ...)}. Default: {@code ANY (subquery)} or {@code ALL (subquery)} (SQL:2016
     * section 8.9, quantified comparison predicate). A dialect without it (SQLite) throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException}.
     *
     * @param b the builder
     * @param quantifier {@code ANY} or {@code ALL}
     * @param subquery the subquery, rendered without parentheses
     */
    public void quantifiedSubquery(SqlBuilder b, String quantifier, QueryPart subquery) {
        b.append(quantifier).append(" (").visit(subquery).append(')');
    }

    /**
     * Renders a statement's WITH clause and the space after it: {@code WITH [RECURSIVE] definitions }
     * (SQL:2016 section 7.17, query expression; PostgreSQL manual, "WITH Queries"; SQLite manual, "The
     * WITH Clause"). Called at the start of SELECT, UPDATE and DELETE, and of INSERT where
     * {@link #withBeforeInsert()} says so (else in front of the SELECT that then holds the inserted rows).
     * A dialect that has no WITH for a statement kind throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException} here.
     *
     * @param b the builder
     * @param statement the statement the clause belongs to
     * @param recursive whether the clause is {@code WITH RECURSIVE}
     * @param definitions renders the comma-separated CTE definitions {@code "name" AS (query)}
     */
    public void with(SqlBuilder b, StatementKind statement, boolean recursive, QueryPart definitions) {
        b.append(recursive ? "WITH RECURSIVE " : "WITH ").visit(definitions).append(' ');
    }

    /**
     * Where an INSERT's WITH clause goes. Default true: before {@code INSERT} (PostgreSQL, SQLite). A
     * dialect that answers false (MySQL and MariaDB accept WITH in INSERT only in front of its SELECT,
     * MySQL 8.0 manual, 15.2.20 "WITH") gets {@code INSERT INTO t (cols) WITH ... SELECT row 1 UNION ALL
     * SELECT row 2 ...} instead of {@code VALUES}.
     *
     * @return whether the WITH clause precedes INSERT
     */
    public boolean withBeforeInsert() {
        return true;
    }

    /**
     * Renders ORDER BY items of a window or an aggregate (the key expressions, never a select-list alias).
     *
     * @param b the builder
     * @param items the items
     */
    protected final void orderItems(SqlBuilder b, List<? extends dev.quarry.dsl.SortField<?>> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) b.append(", ");
            dev.quarry.dsl.SortField<?> item = items.get(i);
            sortItem(b, item.field(), item.descending(), item.nullsAtStart());
        }
    }

    /**
     * Renders a window frame. Default: {@code ROWS|RANGE|GROUPS BETWEEN start AND end}, offsets as integer
     * literals (see {@link dev.quarry.dsl.FrameBound}). A dialect without a frame unit throws
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException}.
     *
     * @param b the builder
     * @param frame the frame
     */
    public void windowFrame(SqlBuilder b, dev.quarry.dsl.WindowFrame frame) {
        b.append(frame.sql());
    }

    /**
     * Renders a window function without special arguments: {@code ROW_NUMBER() OVER w},
     * {@code FIRST_VALUE(x) OVER (...)}.
     *
     * @param b the builder
     * @param function the function name in upper case
     * @param arguments the arguments, possibly none
     * @param window the window, rendered by visiting it
     */
    public void windowFunction(SqlBuilder b, String function, List<? extends Field<?>> arguments, dev.quarry.dsl.Window window) {
        b.append(function).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) b.append(", ");
            operand(b, arguments.get(i));
        }
        b.append(") OVER ").visit(window);
    }

    /**
     * Renders {@code NTILE(n) OVER window}. Default: the bucket count as a bind parameter (INTEGER).
     *
     * @param b the builder
     * @param buckets the number of buckets, at least 1
     * @param window the window
     */
    public void ntile(SqlBuilder b, int buckets, dev.quarry.dsl.Window window) {
        b.append("NTILE(").bind(buckets, DataType.integer()).append(") OVER ").visit(window);
    }

    /**
     * Renders {@code LAG(x, n[, default]) OVER window} or LEAD. Default: the offset as a bind parameter
     * (INTEGER) and the default, when given, as the third argument.
     *
     * @param b the builder
     * @param lead true for LEAD, false for LAG
     * @param value the expression read from the other row
     * @param offset how many rows back (LAG) or ahead (LEAD), 0 or more
     * @param defaultValue the value when there is no such row, or null for NULL
     * @param window the window (it has an ORDER BY and no frame)
     */
    public void lagLead(SqlBuilder b, boolean lead, Field<?> value, int offset, Field<?> defaultValue, dev.quarry.dsl.Window window) {
        b.append(lead ? "LEAD(" : "LAG(");
        operand(b, value);
        b.append(", ").bind(offset, DataType.integer());
        if (defaultValue != null) {
            b.append(", ");
            operand(b, defaultValue);
        }
        b.append(") OVER ").visit(window);
    }

    /**
     * Renders {@code left op right} in parentheses, for +, -, *, / and %. Default: the operator as given,
     * which divides integers with truncation toward zero (PostgreSQL, SQLite); a DECIMAL quotient of
     * known scale is rounded to it, {@code ROUND(a / b, s)} (half away from zero), so that every dialect
     * returns the same digits.
     *
     * @param b the builder
     * @param operator one of {@code + - * / %}
     * @param left the left operand
     * @param right the right operand
     * @param resultType the result type (see {@code Field.div})
     */
    public void arithmetic(SqlBuilder b, String operator, Field<?> left, Field<?> right, DataType<?> resultType) {
        boolean round = operator.equals("/") && resultType.sqlType() == dev.quarry.dsl.SqlType.DECIMAL && resultType.scale() >= 0;
        if (round) b.append("ROUND(");
        b.append('(');
        operand(b, left);
        b.append(' ').append(operator).append(' ');
        operand(b, right);
        b.append(')');
        if (round) b.append(", ").append(Integer.toString(resultType.scale())).append(')');
    }

    /**
     * Renders {@code CAST(value AS type)}. Default: the type named by {@link #castTypeName}.
     *
     * @param b the builder
     * @param value the value
     * @param target the target type (one that {@code Field.cast} accepts)
     */
    public void cast(SqlBuilder b, Field<?> value, DataType<?> target) {
        b.append("CAST(");
        operand(b, value);
        b.append(" AS ").append(castTypeName(target)).append(')');
    }

    /**
     * The name of a type in a CAST. Default (SQL:2016 section 6.13 and PostgreSQL): INTEGER, SMALLINT,
     * BIGINT, DECIMAL(p, s), REAL, DOUBLE PRECISION, TEXT, VARCHAR(n), DATE, TIMESTAMP.
     *
     * @param target the type
     * @return the type's name
     * @throws dev.quarry.dsl.UnsupportedDialectFeatureException for another type
     */
    public String castTypeName(DataType<?> target) {
        return switch (target.sqlType()) {
            case INTEGER -> "INTEGER";
            case SMALLINT -> "SMALLINT";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + target.precision() + ", " + target.scale() + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case TEXT -> "TEXT";
            case VARCHAR -> "VARCHAR(" + target.length() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            default -> throw new dev.quarry.dsl.UnsupportedDialectFeatureException(dialectName, "CAST to " + target);
        };
    }

    /**
     * Renders GREATEST or LEAST of two or more values with PostgreSQL's NULL semantics, which Quarry
     * makes portable: NULL arguments are ignored, and the result is NULL only when all are NULL.
     * Default: {@code GREATEST(a, b)} (PostgreSQL manual 9.18.4, "GREATEST and LEAST").
     *
     * @param b the builder
     * @param greatest true for GREATEST, false for LEAST
     * @param arguments the arguments, at least two
     */
    public void greatestLeast(SqlBuilder b, boolean greatest, List<? extends Field<?>> arguments) {
        b.append(greatest ? "GREATEST(" : "LEAST(");
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) b.append(", ");
            operand(b, arguments.get(i));
        }
        b.append(')');
    }

    /**
     * GREATEST or LEAST for a database whose function returns NULL as soon as one argument is NULL
     * (MySQL's GREATEST, SQLite's multi-argument MAX): every argument is replaced by the first non-NULL
     * of itself and the others, {@code FN(COALESCE(a, b, c), COALESCE(b, c, a), COALESCE(c, a, b))}.
     * A NULL argument then stands for another argument's value, which changes neither the greatest nor
     * the least; only when all are NULL is the result NULL. The arguments are rendered n times each
     * (their bind values too).
     *
     * @param b the builder
     * @param function the function name, such as {@code GREATEST} or {@code MAX}
     * @param arguments the arguments, at least two
     */
    protected final void greatestLeastSkippingNulls(SqlBuilder b, String function, List<? extends Field<?>> arguments) {
        int n = arguments.size();
        b.append(function).append('(');
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(", ");
            b.append("COALESCE(");
            for (int j = 0; j < n; j++) {
                if (j > 0) b.append(", ");
                operand(b, arguments.get((i + j) % n));
            }
            b.append(')');
        }
        b.append(')');
    }

    /**
     * Renders the length of a string in characters (not bytes). Default: {@code CHAR_LENGTH(x)} (SQL:2016
     * section 6.28; PostgreSQL, MySQL).
     *
     * @param b the builder
     * @param value a character expression
     */
    public void characterLength(SqlBuilder b, Field<?> value) {
        b.append("CHAR_LENGTH(");
        operand(b, value);
        b.append(')');
    }

    /**
     * Renders the 1-based position of the first occurrence of {@code search} in {@code value}, 0 when
     * there is none. Default: {@code POSITION(search IN value)} (SQL:2016 section 6.28; PostgreSQL, MySQL).
     *
     * @param b the builder
     * @param search the text searched for
     * @param value the text searched in
     */
    public void position(SqlBuilder b, Field<?> search, Field<?> value) {
        b.append("POSITION(");
        operand(b, search);
        b.append(" IN ");
        operand(b, value);
        b.append(')');
    }

    /**
     * Renders a substring by 1-based start and character count. Default: {@code SUBSTRING(x FROM s FOR n)}
     * (SQL:2016 section 6.30; PostgreSQL, MySQL).
     *
     * @param b the builder
     * @param value the text
     * @param start the 1-based first character
     * @param count the number of characters, or null for the rest
     */
    public void substring(SqlBuilder b, Field<?> value, Field<?> start, Field<?> count) {
        b.append("SUBSTRING(");
        operand(b, value);
        b.append(" FROM ");
        operand(b, start);
        if (count != null) {
            b.append(" FOR ");
            operand(b, count);
        }
        b.append(')');
    }

    /**
     * Renders string concatenation, NULL when any part is NULL (SQL:2016 section 6.31). Default:
     * {@code (a || b || c)}.
     *
     * @param b the builder
     * @param parts the parts, at least two, all character expressions
     */
    public void concat(SqlBuilder b, List<? extends Field<?>> parts) {
        b.append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) b.append(" || ");
            operand(b, parts.get(i));
        }
        b.append(')');
    }

    /**
     * Renders the current date. Default: {@code CURRENT_DATE}.
     *
     * @param b the builder
     */
    public void currentDate(SqlBuilder b) {
        b.append("CURRENT_DATE");
    }

    /**
     * Renders a part of a DATE or TIMESTAMP as an INTEGER. Default (PostgreSQL, whose EXTRACT returns a
     * numeric with the seconds' fraction): {@code CAST(EXTRACT(YEAR FROM x) AS INTEGER)}, and for SECOND
     * {@code CAST(FLOOR(EXTRACT(SECOND FROM x)) AS INTEGER)}, the whole seconds.
     *
     * @param b the builder
     * @param part the part
     * @param value a DATE or TIMESTAMP expression
     */
    public void extract(SqlBuilder b, dev.quarry.dsl.DatePart part, Field<?> value) {
        b.append("CAST(");
        if (part == dev.quarry.dsl.DatePart.SECOND) b.append("FLOOR(");
        b.append("EXTRACT(").append(part.name()).append(" FROM ");
        operand(b, value);
        b.append(')');
        if (part == dev.quarry.dsl.DatePart.SECOND) b.append(')');
        b.append(" AS INTEGER)");
    }

    /**
     * Renders a DATE or TIMESTAMP truncated to a part (the smaller parts set to their first value), of the
     * operand's type. Default (PostgreSQL): {@code DATE_TRUNC('month', x)}, for a DATE
     * {@code CAST(DATE_TRUNC('month', x) AS DATE)}; the unit is a fixed keyword from {@link
     * dev.quarry.dsl.DatePart}, never user text.
     *
     * @param b the builder
     * @param part the part to keep
     * @param value a DATE or TIMESTAMP expression
     */
    public void truncateDate(SqlBuilder b, dev.quarry.dsl.DatePart part, Field<?> value) {
        boolean date = value.type().sqlType() == dev.quarry.dsl.SqlType.DATE;
        if (date) b.append("CAST(");
        b.append("DATE_TRUNC('").append(part.name().toLowerCase(java.util.Locale.ROOT)).append("', ");
        operand(b, value);
        b.append(')');
        if (date) b.append(" AS DATE)");
    }

    /**
     * Renders a DATE or TIMESTAMP plus a number of units, of the operand's type; the amount is a bind
     * parameter. Default (PostgreSQL): {@code (x + ? * INTERVAL '1' DAY)}, for a DATE
     * {@code CAST(x + ? * INTERVAL '1' MONTH AS DATE)} (a date plus an interval is a timestamp).
     *
     * @param b the builder
     * @param value a DATE or TIMESTAMP expression
     * @param amount the number of units, may be negative
     * @param unit the unit
     */
    public void addInterval(SqlBuilder b, Field<?> value, int amount, dev.quarry.dsl.DatePart unit) {
        boolean date = value.type().sqlType() == dev.quarry.dsl.SqlType.DATE;
        b.append(date ? "CAST(" : "(");
        operand(b, value);
        b.append(" + ").bind(amount, DataType.integer()).append(" * INTERVAL '1' ").append(unit.name());
        b.append(date ? " AS DATE)" : ")");
    }

    /**
     * Renders string aggregation: the non-NULL values joined by a separator, optionally in an order; NULL
     * for no values. Default (PostgreSQL): {@code STRING_AGG(x, ? ORDER BY ...)}, the separator a bind
     * parameter.
     *
     * @param b the builder
     * @param value a character expression
     * @param separator the separator, not null
     * @param orderBy the order of the values, possibly empty
     */
    public void stringAgg(SqlBuilder b, Field<?> value, String separator, List<? extends dev.quarry.dsl.SortField<?>> orderBy) {
        b.append("STRING_AGG(");
        operand(b, value);
        b.append(", ").bind(separator, DataType.text());
        if (!orderBy.isEmpty()) {
            b.append(" ORDER BY ");
            orderItems(b, orderBy);
        }
        b.append(')');
    }
}
