package dev.quarry.mysql;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.TableField;
import dev.quarry.dsl.TableLike;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.LockStrength;
import dev.quarry.dsl.spi.LockWait;
import dev.quarry.dsl.spi.JoinType;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.SetOperator;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.StatementKind;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * MySQL's and MariaDB's spelling where it differs from the default renderer. Every rule below holds
 * for both products unless it says otherwise; the instance knows its server ({@link ServerVersion}) for
 * the rules that depend on it (RETURNING). Immutable and thread-safe.
 * <ul>
 *   <li>Identifiers in backticks, an embedded backtick doubled (MySQL 8.0 manual, 11.2 "Schema Object
 *       Names"); Quarry never relies on the ANSI_QUOTES SQL mode.</li>
 *   <li>{@code LIMIT ? OFFSET ?}; an OFFSET alone gets {@code LIMIT 18446744073709551615}, the manual's
 *       own spelling of "all rows" (MySQL 8.0 manual, 15.2.13 "SELECT Statement", LIMIT).</li>
 *   <li>No NULLS FIRST / LAST: NULLs sort first ascending and last descending (MySQL 8.0 manual, 5.3.4.6
 *       "Working with NULL Values"), so the other placement is emulated with a leading sort key
 *       {@code x IS NULL} ({@code ASC} puts NULLs last, {@code DESC} first).</li>
 *   <li>Upsert: {@code INSERT ... ON DUPLICATE KEY UPDATE} (MySQL 8.0 manual, 15.2.7.2), with
 *       {@code VALUES(col)} for the proposed value, which MariaDB requires (it has no row alias) and
 *       MySQL accepts (deprecated since 8.0.20). DO NOTHING is {@code ON DUPLICATE KEY UPDATE k = k} for
 *       the first conflict column, not {@code INSERT IGNORE}: IGNORE also turns foreign key violations,
 *       NULLs into NOT NULL columns and too long strings into warnings, and stores the row anyway or
 *       drops it silently (MySQL 8.0 manual, 15.2.7 "INSERT Statement", IGNORE). The conflict columns
 *       are not part of the SQL: a conflict on any unique key of the table (primary key included) takes
 *       the update. With the driver's "found rows" counts, {@code execute()} counts an inserted row 1,
 *       an updated row 2 and a row kept by DO NOTHING 1; RETURNING returns the kept row too, with its
 *       existing values, where PostgreSQL's DO NOTHING returns only inserted rows.</li>
 *   <li>RETURNING: on MariaDB 10.5+ for INSERT and 10.0.5+ for DELETE; never on UPDATE, never on MySQL.
 *       Where it is missing, rendering throws {@link UnsupportedDialectFeatureException}.</li>
 *   <li>{@code CURRENT_TIMESTAMP(6)}: microseconds, as the {@code DATETIME(6)} columns hold.</li>
 *   <li>A row that sets no column: {@code INSERT INTO t () VALUES ()}, as there is no DEFAULT VALUES.</li>
 *   <li>DDL literals: a REAL is written as the double it is stored as, date-times to the microsecond,
 *       an offset date-time as its UTC local time (see {@link MysqlBindings}), and in strings a quote and
 *       a backslash are doubled, since a backslash is an escape character in string literals (MySQL 8.0
 *       manual, 11.1.1 "String Literals"). This assumes the NO_BACKSLASH_ESCAPES SQL mode is off, the
 *       default of both products. (A hex literal would not depend on the mode, but MariaDB 10.11 stores
 *       an expression default as text and prints a hex string back without escaping its backslashes,
 *       so {@code C:\temp} would come back with a tab.)</li>
 * </ul>
 */
final class MysqlRenderer extends Renderer {
    /** The largest row count MySQL accepts in LIMIT, 2^64 - 1. */
    static final String ALL_ROWS = "18446744073709551615";

    private final ServerVersion server;

    MysqlRenderer(String dialectName, ServerVersion server) {
        super(dialectName);
        this.server = server;
    }

    @Override
    public void quoteIdentifier(StringBuilder out, String name) {
        out.append('`');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`') out.append('`');
            out.append(c);
        }
        out.append('`');
    }

    @Override
    public void limitOffset(SqlBuilder b, Long limit, Long offset) {
        if (limit != null) {
            b.append(" LIMIT ").bind(limit, DataType.bigint());
        } else if (offset != null) {
            b.append(" LIMIT ").append(ALL_ROWS);
        }
        if (offset != null) b.append(" OFFSET ").bind(offset, DataType.bigint());
    }

    @Override
    public void sortItem(SqlBuilder b, QueryPart expr, boolean descending, Boolean nullsFirst) {
        nullPlacement(b, expr, descending, nullsFirst);
        b.visit(expr).append(descending ? " DESC" : " ASC");
    }

    /** The null test repeats the aliased expression: an alias of an aggregate inside IS NULL is error 1247. */
    @Override
    public void aliasSortItem(SqlBuilder b, QueryPart reference, Field<?> aliased, boolean descending, Boolean nullsFirst) {
        nullPlacement(b, aliased, descending, nullsFirst);
        b.visit(reference).append(descending ? " DESC" : " ASC");
    }

    /** Adds {@code x IS NULL ASC|DESC, } when the requested placement is not the server's default. */
    private static void nullPlacement(SqlBuilder b, QueryPart expr, boolean descending, Boolean nullsFirst) {
        boolean defaultIsFirst = !descending;
        if (nullsFirst == null || nullsFirst == defaultIsFirst) return;
        b.visit(expr).append(nullsFirst ? " IS NULL DESC, " : " IS NULL ASC, ");
    }

    @Override
    public void currentTimestamp(SqlBuilder b) {
        b.append("CURRENT_TIMESTAMP(6)");
    }

    @Override
    public void literal(SqlBuilder b, Object value, DataType<?> type) {
        if (value instanceof Float f) {
            b.append(Double.toString(f.doubleValue()));
        } else if (value instanceof LocalDateTime t) {
            stringLiteral(b, MysqlBindings.format(t));
        } else if (value instanceof OffsetDateTime t) {
            stringLiteral(b, MysqlBindings.format(MysqlBindings.utc(t)));
        } else {
            super.literal(b, value, type);
        }
    }

    @Override
    protected void stringLiteral(SqlBuilder b, String text) {
        b.append('\'').append(text.replace("\\", "\\\\").replace("'", "''")).append('\'');
    }

    /** {@code () VALUES ()}: MySQL and MariaDB have no DEFAULT VALUES (MySQL 8.0 manual, 15.2.7 "INSERT Statement"). */
    @Override
    public void defaultValues(SqlBuilder b) {
        b.append(" () VALUES ()");
    }

    @Override
    public void onConflict(SqlBuilder b, List<? extends TableField<?>> conflictColumns,
                           List<Map.Entry<TableField<?>, Field<?>>> updates) {
        b.append(" ON DUPLICATE KEY UPDATE ");
        if (updates.isEmpty()) {
            boolean q = b.qualifyColumns(false);
            b.visit(conflictColumns.get(0)).append(" = ").visit(conflictColumns.get(0));
            b.qualifyColumns(q);
        } else {
            assignments(b, updates);
        }
    }

    @Override
    public void excluded(SqlBuilder b, TableField<?> column) {
        b.append("VALUES(").identifier(column.name()).append(')');
    }

    @Override
    public void returning(SqlBuilder b, StatementKind kind, List<? extends Field<?>> fields) {
        switch (kind) {
            case INSERT -> {
                if (!server.insertReturning()) throw unsupported("INSERT ... RETURNING", "10.5");
            }
            case DELETE -> {
                if (!server.deleteReturning()) throw unsupported("DELETE ... RETURNING", "10.0.5");
            }
            case UPDATE -> throw new UnsupportedDialectFeatureException(dialectName(),
                    "UPDATE ... RETURNING (" + (server.mariaDb() ? "MariaDB has RETURNING only for INSERT and DELETE"
                            : "MySQL has no RETURNING clause") + ")");
        }
        super.returning(b, kind, fields);
    }

    private UnsupportedDialectFeatureException unsupported(String feature, String mariaDbSince) {
        String why = server.mariaDb()
                ? "it needs MariaDB " + mariaDbSince + " or later; this server is " + server
                : "MySQL has no RETURNING clause";
        return new UnsupportedDialectFeatureException(dialectName(), feature + " (" + why + ")");
    }

    // ---- set operations, row locking, DML forms ----

    /** INTERSECT and EXCEPT need MariaDB 10.3 or MySQL 8.0.31; their ALL forms MariaDB 10.5 or MySQL 8.0.31. */
    @Override
    public void setOperator(SqlBuilder b, SetOperator operator, boolean all) {
        if (operator != SetOperator.UNION) {
            boolean ok = all ? server.intersectExceptAll() : server.intersectExcept();
            if (!ok) {
                throw new UnsupportedDialectFeatureException(dialectName(), operator + (all ? " ALL" : "") + " (it needs "
                        + (server.mariaDb() ? (all ? "MariaDB 10.5" : "MariaDB 10.3") : "MySQL 8.0.31") + " or later; this server is "
                        + server + ")");
            }
        }
        super.setOperator(b, operator, all);
    }

    /** A compound side in parentheses needs MariaDB 10.4 or MySQL 8.0.22; a parenthesized single SELECT works on all versions. */
    @Override
    public void setOperand(SqlBuilder b, QueryPart operand, boolean grouped, boolean compound) {
        if (grouped && compound && !server.nestedSetOperations()) {
            throw new UnsupportedDialectFeatureException(dialectName(), "a set operation in parentheses inside another (it needs "
                    + (server.mariaDb() ? "MariaDB 10.4" : "MySQL 8.0.22") + " or later; this server is " + server + ")");
        }
        super.setOperand(b, operand, grouped, compound);
    }

    /**
     * MySQL 8: {@code FOR UPDATE | FOR SHARE [OF t] [NOWAIT | SKIP LOCKED]} (MySQL 8.0 manual, 15.2.13
     * "SELECT Statement", locking clauses). MariaDB: {@code FOR UPDATE} or {@code LOCK IN SHARE MODE}, each
     * with {@code NOWAIT} (10.3) or {@code SKIP LOCKED} (10.6), and no OF list (MariaDB manual, "SELECT",
     * "LOCK IN SHARE MODE and FOR UPDATE").
     */
    @Override
    public void rowLock(SqlBuilder b, LockStrength strength, LockWait wait, List<? extends TableLike> of) {
        String clause = strength == LockStrength.UPDATE ? "FOR UPDATE" : "FOR SHARE";
        if (wait == LockWait.NOWAIT && !server.noWait()) {
            throw new UnsupportedDialectFeatureException(dialectName(), clause + " NOWAIT (it needs "
                    + (server.mariaDb() ? "MariaDB 10.3" : "MySQL 8.0.1") + " or later; this server is " + server + ")");
        }
        if (wait == LockWait.SKIP_LOCKED && !server.skipLocked()) {
            throw new UnsupportedDialectFeatureException(dialectName(), clause + " SKIP LOCKED (it needs "
                    + (server.mariaDb() ? "MariaDB 10.6" : "MySQL 8.0.1") + " or later; this server is " + server + ")");
        }
        if (!server.mariaDb()) {
            super.rowLock(b, strength, wait, of);
            return;
        }
        if (!of.isEmpty()) {
            throw new UnsupportedDialectFeatureException(dialectName(), clause + " OF " + of.stream().map(TableLike::name).toList()
                    + " (MariaDB locks the rows of every table of the query; it has no OF list)");
        }
        b.append(strength == LockStrength.UPDATE ? " FOR UPDATE" : " LOCK IN SHARE MODE");
        lockWait(b, wait);
    }

    /**
     * The multiple-table UPDATE: {@code UPDATE `t`, `o` SET `t`.`a` = expr WHERE condition} (MySQL 8.0
     * manual, 15.2.17 "UPDATE Statement"), with qualified SET targets, since several tables are named.
     * MySQL does not promise the left-to-right evaluation of single-table UPDATE here.
     */
    @Override
    public void updateFrom(SqlBuilder b, TableLike table, List<Map.Entry<TableField<?>, Field<?>>> assignments,
                           List<? extends TableLike> from, Condition where) {
        b.append("UPDATE ").visit(table).append(", ").visitAll(from, ", ").append(" SET ");
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) b.append(", ");
            b.visit(assignments.get(i).getKey()).append(" = ").visit(assignments.get(i).getValue());
        }
        b.append(" WHERE ").visit(where);
    }

    /** The multiple-table DELETE: {@code DELETE `t` FROM `t`, `o` WHERE condition} (MySQL 8.0 manual, 15.2.2 "DELETE Statement"). */
    @Override
    public void deleteUsing(SqlBuilder b, TableLike table, List<? extends TableLike> using, Condition where) {
        b.append("DELETE ").visit(table).append(" FROM ").visit(table).append(", ").visitAll(using, ", ");
        b.append(" WHERE ").visit(where);
    }

    /**
     * Never: MySQL has no RETURNING, MariaDB none for UPDATE and, for DELETE, only the single-table form
     * (MariaDB manual, "DELETE", RETURNING; MariaDB 10.11 answers the multiple-table form with a syntax error).
     *
     * @throws UnsupportedDialectFeatureException always
     */
    @Override
    public void multiTableReturning(SqlBuilder b, StatementKind kind, TableLike table, List<? extends Field<?>> fields) {
        String statement = kind == StatementKind.UPDATE ? "UPDATE ... FROM ... RETURNING" : "DELETE ... USING ... RETURNING";
        throw new UnsupportedDialectFeatureException(dialectName(), statement + " (" + (server.mariaDb()
                ? "MariaDB has RETURNING only for INSERT and single-table DELETE" : "MySQL has no RETURNING clause") + ")");
    }

    // ---- joins, subqueries, CTEs ----

    /**
     * Refuses FULL JOIN, which neither MySQL nor MariaDB has (MySQL 8.0 manual, 15.2.13.2 "JOIN Clause"),
     * and LATERAL where the server lacks it (MariaDB; MySQL before 8.0.14).
     */
    @Override
    public void join(SqlBuilder b, JoinType type, boolean lateral) {
        if (type == JoinType.FULL) {
            throw new UnsupportedDialectFeatureException(dialectName(), "FULL JOIN (" + server.product()
                    + " has no FULL OUTER JOIN; combine a LEFT JOIN and a RIGHT JOIN with UNION)");
        }
        if (lateral && !server.lateral()) {
            throw new UnsupportedDialectFeatureException(dialectName(), "LATERAL derived tables (" + (server.mariaDb()
                    ? "MariaDB has no LATERAL" : "they need MySQL 8.0.14 or later; this server is " + server) + ")");
        }
        super.join(b, type, lateral);
    }

    /**
     * WITH needs MySQL 8.0 or MariaDB 10.2.1 (RECURSIVE: 10.2.2); in front of UPDATE and DELETE only
     * MySQL has it. In INSERT the clause goes in front of the SELECT ({@link #withBeforeInsert()}).
     */
    @Override
    public void with(SqlBuilder b, StatementKind statement, boolean recursive, QueryPart definitions) {
        if (!server.cte() || (recursive && !server.recursiveCte())) {
            throw new UnsupportedDialectFeatureException(dialectName(), (recursive ? "WITH RECURSIVE" : "WITH")
                    + " (it needs MySQL 8.0 or MariaDB " + (recursive ? "10.2.2" : "10.2.1") + "; this server is " + server + ")");
        }
        if ((statement == StatementKind.UPDATE || statement == StatementKind.DELETE) && !server.withInUpdateDelete()) {
            throw new UnsupportedDialectFeatureException(dialectName(), "WITH ... " + statement
                    + " (MariaDB accepts WITH only in front of SELECT and of the SELECT of INSERT ... SELECT; "
                    + "use a subquery in the WHERE condition instead)");
        }
        super.with(b, statement, recursive, definitions);
    }

    /** @return false: {@code INSERT INTO t (cols) WITH ... SELECT ...} (MySQL 8.0 manual, 15.2.20 "WITH"; MariaDB likewise) */
    @Override
    public boolean withBeforeInsert() {
        return false;
    }

    // ---- window functions and expressions ----

    /** MySQL and MariaDB have no FILTER clause: {@code FN(CASE WHEN c THEN x END)} (see {@link Renderer#aggregateCall}). */
    @Override
    public boolean aggregateFilterClause() { return false; }

    /** GROUPS frames do not exist on MySQL 8.0 (MySQL 8.0 manual, 14.20.3) nor on MariaDB (a syntax error). */
    @Override
    public void windowFrame(SqlBuilder b, dev.quarry.dsl.WindowFrame frame) {
        if (frame.unit() == dev.quarry.dsl.WindowFrame.Unit.GROUPS) {
            throw new UnsupportedDialectFeatureException(dialectName(), "GROUPS window frames (" + frame.sql()
                    + "); use ROWS or RANGE");
        }
        super.windowFrame(b, frame);
    }

    /**
     * A RANGE frame with an offset needs a single ORDER BY key, and the NULLS FIRST / LAST emulation adds a
     * second one ({@code x IS NULL}); MariaDB refuses that (error 4019), so it fails here instead.
     */
    @Override
    public void windowSpecification(SqlBuilder b, dev.quarry.dsl.Window window) {
        dev.quarry.dsl.WindowFrame frame = window.frame();
        if (frame != null && frame.unit() == dev.quarry.dsl.WindowFrame.Unit.RANGE
                && (frame.start().hasOffset() || frame.end().hasOffset())) {
            for (dev.quarry.dsl.SortField<?> item : window.orderFields()) {
                Boolean nullsFirst = item.nullsAtStart();
                if (nullsFirst != null && nullsFirst != !item.descending()) {
                    throw new UnsupportedDialectFeatureException(dialectName(), "NULLS " + (nullsFirst ? "FIRST" : "LAST")
                            + " in the ORDER BY of a window with a RANGE frame with an offset (the emulation needs a second "
                            + "sort key, which RANGE does not allow)");
                }
            }
        }
        super.windowSpecification(b, window);
    }

    /** The bucket count as an integer literal on MySQL before 8.0.22, whose grammar takes no parameter there. */
    @Override
    public void ntile(SqlBuilder b, int buckets, dev.quarry.dsl.Window window) {
        if (server.windowCountParameters()) {
            super.ntile(b, buckets, window);
            return;
        }
        b.append("NTILE(").append(Integer.toString(buckets)).append(") OVER ").visit(window);
    }

    /**
     * The offset as a literal on MySQL before 8.0.22 (as {@link #ntile}). MariaDB's LAG and LEAD take no
     * default; with one, a row that exists is told apart from a missing one by its position:
     * {@code CASE WHEN ROW_NUMBER() OVER w > n THEN LAG(x, n) OVER w ELSE d END}, and for LEAD
     * {@code CASE WHEN COUNT(*) OVER (PARTITION BY ...) - ROW_NUMBER() OVER w >= n THEN LEAD(x, n) OVER w ELSE d END}.
     * Unlike {@code COALESCE(LAG(x, n) OVER w, d)}, this keeps a NULL value of an existing row NULL. (The
     * window has an ORDER BY and no frame, so ROW_NUMBER may use it.)
     */
    @Override
    public void lagLead(SqlBuilder b, boolean lead, Field<?> value, int offset, Field<?> defaultValue, dev.quarry.dsl.Window window) {
        if (defaultValue != null && !server.lagLeadDefault()) {
            b.append("CASE WHEN ");
            if (lead) {
                b.append("COUNT(*) OVER (");
                if (!window.partitionFields().isEmpty()) b.append("PARTITION BY ").visitAll(window.partitionFields(), ", ");
                b.append(") - ROW_NUMBER() OVER ").visit(window).append(" >= ");
            } else {
                b.append("ROW_NUMBER() OVER ").visit(window).append(" > ");
            }
            offset(b, offset);
            b.append(" THEN ");
            lagLead(b, lead, value, offset, null, window);
            b.append(" ELSE ");
            operand(b, defaultValue);
            b.append(" END");
            return;
        }
        if (server.windowCountParameters()) {
            super.lagLead(b, lead, value, offset, defaultValue, window);
            return;
        }
        b.append(lead ? "LEAD(" : "LAG(");
        operand(b, value);
        b.append(", ").append(Integer.toString(offset));
        if (defaultValue != null) {
            b.append(", ");
            operand(b, defaultValue);
        }
        b.append(") OVER ").visit(window);
    }

    private void offset(SqlBuilder b, int offset) {
        if (server.windowCountParameters()) b.bind(offset, DataType.integer());
        else b.append(Integer.toString(offset));
    }

    /**
     * Integer division is {@code DIV}, which truncates toward zero; MySQL's {@code /} would give a DECIMAL
     * (7 / 2 = 3.5000) (MySQL 8.0 manual, 14.6.1 "Arithmetic Operators"). REAL and DOUBLE arithmetic adds
     * {@code 0E0} to the left operand, {@code ((a + 0E0) / b)}: the driver sends a bound double as text
     * such as {@code 0.01}, which MySQL reads as an exact DECIMAL, so two bound doubles would otherwise be
     * divided as decimals (0.01 / 32 = 0.000313 instead of 0.0003125).
     */
    @Override
    public void arithmetic(SqlBuilder b, String operator, Field<?> left, Field<?> right, DataType<?> resultType) {
        switch (resultType.sqlType()) {
            case INTEGER, SMALLINT, BIGINT -> super.arithmetic(b, operator.equals("/") ? "DIV" : operator, left, right, resultType);
            case REAL, DOUBLE -> {
                b.append("((");
                operand(b, left);
                b.append(" + 0E0) ").append(operator).append(' ');
                operand(b, right);
                b.append(')');
            }
            default -> super.arithmetic(b, operator, left, right, resultType);
        }
    }

    /**
     * MySQL's CAST targets (MySQL 8.0 manual, 14.10 "Cast Functions and Operators"): integer types are
     * {@code SIGNED} (a BIGINT), DECIMAL(p, s) at most 65 digits and 30 after the point, REAL and DOUBLE
     * {@code DOUBLE}, TEXT {@code CHAR}, VARCHAR(n) {@code CHAR(n)} (which cuts to n characters), DATE,
     * and TIMESTAMP {@code DATETIME(6)}.
     */
    @Override
    public String castTypeName(DataType<?> target) {
        return switch (target.sqlType()) {
            case INTEGER, SMALLINT, BIGINT -> "SIGNED";
            case DECIMAL -> {
                if (target.precision() > 65 || target.scale() > 30) {
                    throw new UnsupportedDialectFeatureException(dialectName(), "CAST to " + target
                            + ": DECIMAL has at most 65 digits, 30 of them after the point");
                }
                yield "DECIMAL(" + target.precision() + ", " + target.scale() + ")";
            }
            case REAL, DOUBLE -> "DOUBLE";
            case TEXT -> "CHAR";
            case VARCHAR -> "CHAR(" + target.length() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "DATETIME(6)";
            default -> super.castTypeName(target);
        };
    }

    /**
     * As the default with {@link #castTypeName}, except: a TIMESTAMP cast to text drops the zeros of its
     * six fraction digits, {@code TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(CAST(x AS DATETIME(6)) AS
     * CHAR)))}, so it reads {@code 2005-05-24 22:53:30} as on PostgreSQL and SQLite (the inner CAST gives a
     * bound value, which the driver sends as text without a fraction, the six digits that the trimming
     * expects); and MySQL before 8.0.17, which has no CAST to DOUBLE, gets {@code (x + 0E0)}.
     */
    @Override
    public void cast(SqlBuilder b, Field<?> value, DataType<?> target) {
        dev.quarry.dsl.SqlType to = target.sqlType();
        dev.quarry.dsl.SqlType from = value.type().sqlType();
        if ((to == dev.quarry.dsl.SqlType.REAL || to == dev.quarry.dsl.SqlType.DOUBLE) && !server.castAsDouble()) {
            b.append('(');
            operand(b, value);
            b.append(" + 0E0)");
            return;
        }
        if ((to == dev.quarry.dsl.SqlType.TEXT || to == dev.quarry.dsl.SqlType.VARCHAR) && (from == dev.quarry.dsl.SqlType.TIMESTAMP || from == dev.quarry.dsl.SqlType.TIMESTAMPTZ)) {
            if (to == dev.quarry.dsl.SqlType.VARCHAR) b.append("CAST(");
            b.append("TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(CAST(");
            operand(b, value);
            b.append(" AS DATETIME(6)) AS CHAR)))");
            if (to == dev.quarry.dsl.SqlType.VARCHAR) b.append(" AS ").append(castTypeName(target)).append(')');
            return;
        }
        super.cast(b, value, target);
    }

    /**
     * {@code GREATEST(COALESCE(a, b), COALESCE(b, a))}: MySQL's GREATEST and LEAST are NULL as soon as one
     * argument is (MySQL 8.0 manual, 14.4.2), Quarry's are PostgreSQL's (NULLs ignored).
     */
    @Override
    public void greatestLeast(SqlBuilder b, boolean greatest, List<? extends Field<?>> arguments) {
        greatestLeastSkippingNulls(b, greatest ? "GREATEST" : "LEAST", arguments);
    }

    /** {@code CONCAT(a, b)}, NULL when any part is NULL, as {@code ||} elsewhere ({@code ||} is OR in MySQL's default mode). */
    @Override
    public void concat(SqlBuilder b, List<? extends Field<?>> parts) {
        b.append("CONCAT(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) b.append(", ");
            operand(b, parts.get(i));
        }
        b.append(')');
    }

    /** {@code EXTRACT(YEAR FROM x)}, already an integer (SECOND without the fraction). */
    @Override
    public void extract(SqlBuilder b, dev.quarry.dsl.DatePart part, Field<?> value) {
        b.append("EXTRACT(").append(part.name()).append(" FROM ");
        operand(b, value);
        b.append(')');
    }

    /**
     * {@code CAST(DATE_FORMAT(x, '%Y-%m-01 00:00:00') AS DATETIME(6))}, for a DATE
     * {@code CAST(DATE_FORMAT(x, '%Y-%m-01') AS DATE)}; the format is fixed by the part.
     */
    @Override
    public void truncateDate(SqlBuilder b, dev.quarry.dsl.DatePart part, Field<?> value) {
        String format = switch (part) {
            case YEAR -> "%Y-01-01 00:00:00";
            case MONTH -> "%Y-%m-01 00:00:00";
            case DAY -> "%Y-%m-%d 00:00:00";
            case HOUR -> "%Y-%m-%d %H:00:00";
            case MINUTE -> "%Y-%m-%d %H:%i:00";
            case SECOND -> "%Y-%m-%d %H:%i:%s";
        };
        boolean date = value.type().sqlType() == dev.quarry.dsl.SqlType.DATE;
        if (date) format = format.substring(0, 8);
        b.append("CAST(DATE_FORMAT(");
        operand(b, value);
        b.append(", '").append(format).append("') AS ").append(date ? "DATE" : "DATETIME(6)").append(')');
    }

    /** {@code DATE_ADD(x, INTERVAL ? DAY)} (MySQL 8.0 manual, 14.7), of the operand's type for a DATE and years, months or days. */
    @Override
    public void addInterval(SqlBuilder b, Field<?> value, int amount, dev.quarry.dsl.DatePart unit) {
        b.append("DATE_ADD(");
        operand(b, value);
        b.append(", INTERVAL ").bind(amount, DataType.integer()).append(' ').append(unit.name()).append(')');
    }

    /**
     * {@code GROUP_CONCAT(x ORDER BY ... SEPARATOR '...')}: the separator must be a string literal in MySQL's
     * grammar, so it is written as one, escaped by {@link #stringLiteral} (MySQL 8.0 manual, 14.19.1).
     */
    @Override
    public void stringAgg(SqlBuilder b, Field<?> value, String separator, List<? extends dev.quarry.dsl.SortField<?>> orderBy) {
        b.append("GROUP_CONCAT(");
        operand(b, value);
        if (!orderBy.isEmpty()) {
            b.append(" ORDER BY ");
            orderItems(b, orderBy);
        }
        b.append(" SEPARATOR ");
        stringLiteral(b, separator);
        b.append(')');
    }
}
