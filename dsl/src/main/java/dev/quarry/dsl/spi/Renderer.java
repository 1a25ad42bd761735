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
     * The escape character used by the LIKE patterns of {@code startsWith}, {@code endsWith} and
     * {@code contains}. Default {@code '!'}, which needs no escaping inside a string literal in any
     * supported dialect (a backslash would in MySQL).
     *
     * @return the escape character
     */
    public char likeEscapeCharacter() { return '!'; }

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

    // ---- set operations, row locking, DML forms (issue 4) ----

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

    // ---- joins, subqueries, CTEs (issue 4) ----

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
}
