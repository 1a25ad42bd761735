package dev.quarry.sqlite;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.SqlType;
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
import dev.quarry.dsl.spi.TextMatch;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * SQLite's spelling where it differs from the default: OFFSET needs a LIMIT ({@code LIMIT -1} means
 * none; SQLite manual, "SELECT", LIMIT clause), booleans are 1 and 0, and date/time literals use the
 * storage format of {@link SqliteBindings}.
 */
final class SqliteRenderer extends Renderer {
    SqliteRenderer() {
        super("sqlite");
    }

    @Override
    public void limitOffset(SqlBuilder b, Long limit, Long offset) {
        if (limit != null) {
            b.append(" LIMIT ").bind(limit, DataType.bigint());
        } else if (offset != null) {
            b.append(" LIMIT -1");
        }
        if (offset != null) b.append(" OFFSET ").bind(offset, DataType.bigint());
    }

    /**
     * 64. SQLite's parser turns a chain {@code c1 OR c2 OR ... cn} into a binary tree n levels deep and
     * refuses trees deeper than 1,000 levels ("Expression tree is too large (maximum depth 1000)",
     * {@code SQLITE_MAX_EXPR_DEPTH}, sqlite.org/limits.html), so a junction of 1,000 conditions would fail;
     * grouped in halves of at most 64, 65,535 conditions nest about 75 levels.
     */
    @Override
    public int maxConditionChain() {
        return 64;
    }

    /**
     * A SUM over a DECIMAL column is computed in double precision (the column holds REALs), so two
     * sums that are equal to the declared scale may differ in their last bits and sort or compare
     * unequal. The sum is therefore rounded in SQL to the declared scale: {@code ROUND(SUM(x), s)}.
     */
    @Override
    public void aggregate(SqlBuilder b, String function, Field<?> argument, boolean distinct, DataType<?> resultType) {
        boolean decimalSum = "SUM".equals(function) && argument != null
                && argument.type().sqlType() == SqlType.DECIMAL && resultType.scale() >= 0;
        if (!decimalSum) {
            super.aggregate(b, function, argument, distinct, resultType);
            return;
        }
        b.append("ROUND(");
        super.aggregate(b, function, argument, distinct, resultType);
        b.append(", ").append(Integer.toString(resultType.scale())).append(')');
    }

    /**
     * @return true: SQLite's LIKE ignores the case of ASCII letters and fails on patterns over 50,000
     *         bytes (SQLite manual, "The LIKE, GLOB, REGEXP, MATCH, and extract operators"), so the literal
     *         text tests are rendered by {@link #textMatch} without a pattern
     */
    @Override
    public boolean rendersTextMatch() { return true; }

    /**
     * The literal text tests without a pattern, so that case, wildcards and length do not matter:
     * <ul>
     *   <li>{@code STARTS_WITH}: {@code SUBSTR(x, 1, LENGTH(?)) = ?}: LENGTH, SUBSTR and INSTR count
     *       characters, and a function's result compares with a bind value by the BINARY collating
     *       sequence, whatever the column's (SQLite manual, "Built-In Scalar SQL Functions", and
     *       "Datatypes In SQLite", 7.1);</li>
     *   <li>{@code ENDS_WITH}: {@code IFNULL(SUBSTR(CAST(x AS BLOB), -LENGTH(CAST(? AS BLOB)),
     *       LENGTH(CAST(? AS BLOB))), CAST(x AS BLOB)) = CAST(? AS BLOB)}: the trailing bytes of the value
     *       against the text's bytes. On a BLOB, LENGTH and SUBSTR count bytes and need no walk through the
     *       value (SUBSTR with a negative start on TEXT counts every character of the value: 50 times
     *       slower on a megabyte); a byte suffix of a valid UTF-8 or UTF-16 value that equals a whole text
     *       starts at a character boundary. For the empty text {@code SUBSTR(b, 0, 0)} is the empty BLOB,
     *       so every value matches; a text longer than the value gives the whole, shorter value. SUBSTR of
     *       an empty BLOB is NULL, so IFNULL puts the (empty or NULL) value itself in its place;</li>
     *   <li>{@code CONTAINS}: {@code INSTR(x, ?) > 0}.</li>
     * </ul>
     * This is Java's {@code startsWith}, {@code endsWith} and {@code contains}; a NULL value gives NULL, so it
     * matches nothing, as with LIKE.
     */
    @Override
    public void textMatch(SqlBuilder b, TextMatch match, QueryPart field, QueryPart text) {
        switch (match) {
            case STARTS_WITH -> b.append("SUBSTR(").visit(field).append(", 1, LENGTH(").visit(text).append(")) = ").visit(text);
            case ENDS_WITH -> b.append("IFNULL(SUBSTR(CAST(").visit(field).append(" AS BLOB), -LENGTH(CAST(").visit(text)
                    .append(" AS BLOB)), LENGTH(CAST(").visit(text).append(" AS BLOB))), CAST(").visit(field)
                    .append(" AS BLOB)) = CAST(").visit(text).append(" AS BLOB)");
            case CONTAINS -> b.append("INSTR(").visit(field).append(", ").visit(text).append(") > 0");
        }
    }

    @Override
    public void literal(SqlBuilder b, Object value, DataType<?> type) {
        if (value instanceof Boolean bool) {
            b.append(bool ? "1" : "0");
        } else if (value instanceof LocalDateTime t) {
            stringLiteral(b, SqliteBindings.format(t));
        } else if (value instanceof OffsetDateTime t) {
            stringLiteral(b, SqliteBindings.format(t));
        } else {
            super.literal(b, value, type);
        }
    }

    // ---- set operations, row locking, DML forms ----

    /** SQLite has UNION ALL but no INTERSECT ALL or EXCEPT ALL (SQLite manual, "SELECT", compound select). */
    @Override
    public void setOperator(SqlBuilder b, SetOperator operator, boolean all) {
        if (all && operator != SetOperator.UNION) {
            throw new UnsupportedDialectFeatureException(dialectName(), operator + " ALL (SQLite has only UNION ALL; "
                    + "use " + operator + " without ALL or count duplicates with GROUP BY)");
        }
        super.setOperator(b, operator, all);
    }

    /**
     * SQLite allows no parentheses around a side of a compound select, nor ORDER BY / LIMIT inside
     * one; all its set operators have the same precedence and group from the left (SQLite manual,
     * "SELECT", compound-operator). A side that must be kept together is therefore a derived table:
     * {@code SELECT * FROM (side)}, which returns the side's columns in order.
     */
    @Override
    public void setOperand(SqlBuilder b, QueryPart operand, boolean grouped, boolean compound) {
        if (grouped) {
            b.append("SELECT * FROM (").visit(operand).append(')');
        } else {
            b.visit(operand);
        }
    }

    /**
     * SQLite has no locking reads: it locks the whole database, and a writing transaction takes the
     * write lock at its first write (or at {@code BEGIN IMMEDIATE}).
     *
     * @throws UnsupportedDialectFeatureException always
     */
    @Override
    public void rowLock(SqlBuilder b, LockStrength strength, LockWait wait, List<? extends TableLike> of) {
        throw new UnsupportedDialectFeatureException(dialectName(), (strength == LockStrength.UPDATE ? "FOR UPDATE" : "FOR SHARE")
                + " (SQLite has no row locks: a transaction locks the whole database when it first writes)");
    }

    /**
     * SQLite has no DELETE ... USING (SQLite manual, "DELETE"): the join becomes the equivalent
     * {@code DELETE FROM "t" WHERE EXISTS (SELECT 1 FROM "o" WHERE condition)}, in which the condition
     * refers to the deleted row as the outer {@code "t"}.
     */
    @Override
    public void deleteUsing(SqlBuilder b, TableLike table, List<? extends TableLike> using, Condition where) {
        b.append("DELETE FROM ").visit(table).append(" WHERE EXISTS (SELECT 1 FROM ").visitAll(using, ", ");
        b.append(" WHERE ").visit(where).append(')');
    }

    /**
     * SQLite's RETURNING sees only the changed table (SQLite manual, "RETURNING", Limitations: the
     * auxiliary tables of UPDATE FROM may not take part), so a column of another table is refused here
     * instead of by the server.
     */
    @Override
    public void multiTableReturning(SqlBuilder b, StatementKind kind, TableLike table, List<? extends Field<?>> fields) {
        for (Field<?> f : fields) {
            if (f instanceof TableField<?> c && c.table() != table) {
                throw new UnsupportedDialectFeatureException(dialectName(), kind + " ... RETURNING " + c.qualifiedName()
                        + " (SQLite's RETURNING sees only the changed table " + table.name() + ", not the joined ones)");
            }
        }
        super.multiTableReturning(b, kind, table, fields);
    }

    // ---- joins, subqueries, CTEs ----

    /**
     * Refuses LATERAL, which SQLite does not have. RIGHT and FULL JOIN are rendered: SQLite has them since
     * 3.39.0 (SQLite manual, "SELECT", join operators); sqlite-jdbc 3.50 bundles 3.50.
     */
    @Override
    public void join(SqlBuilder b, JoinType type, boolean lateral) {
        if (lateral) {
            throw new UnsupportedDialectFeatureException(dialectName(), "LATERAL derived tables (SQLite has no LATERAL; "
                    + "use a correlated scalar subquery in the select list)");
        }
        super.join(b, type, false);
    }

    /** Refuses {@code ANY}/{@code ALL}: SQLite has no quantified comparison (SQLite manual, "SQL Language Expressions"). */
    @Override
    public void quantifiedSubquery(SqlBuilder b, String quantifier, QueryPart subquery) {
        throw new UnsupportedDialectFeatureException(dialectName(), quantifier + " (subquery) comparisons (SQLite has no "
                + "ANY or ALL; write EXISTS or NOT EXISTS with the comparison inside, or compare with MIN/MAX)");
    }

    // ---- window functions and expressions ----

    /** A DECIMAL SUM with a filter or a window is rounded to its scale as the plain one is: {@code ROUND(SUM(x) OVER (...), s)}. */
    @Override
    public void aggregate(SqlBuilder b, String function, Field<?> argument, boolean distinct, DataType<?> resultType,
                          dev.quarry.dsl.Condition filter, dev.quarry.dsl.Window window) {
        boolean decimalSum = (filter != null || window != null) && "SUM".equals(function) && argument != null
                && argument.type().sqlType() == SqlType.DECIMAL && resultType.scale() >= 0;
        if (!decimalSum) {
            super.aggregate(b, function, argument, distinct, resultType, filter, window);
            return;
        }
        b.append("ROUND(");
        super.aggregate(b, function, argument, distinct, resultType, filter, window);
        b.append(", ").append(Integer.toString(resultType.scale())).append(')');
    }

    /**
     * A DECIMAL quotient is computed in double precision: a DECIMAL column may hold an INTEGER (5.00 is
     * stored as 5), and SQLite divides two integers with truncation. {@code ROUND(CAST(a AS REAL) / b, s)}.
     */
    @Override
    public void arithmetic(SqlBuilder b, String operator, Field<?> left, Field<?> right, DataType<?> resultType) {
        if (!operator.equals("/") || resultType.sqlType() != SqlType.DECIMAL) {
            super.arithmetic(b, operator, left, right, resultType);
            return;
        }
        boolean round = resultType.scale() >= 0;
        if (round) b.append("ROUND(");
        b.append("(CAST(");
        operand(b, left);
        b.append(" AS REAL) / ");
        operand(b, right);
        b.append(')');
        if (round) b.append(", ").append(Integer.toString(resultType.scale())).append(')');
    }

    /**
     * SQLite's CAST follows its storage classes, so each target is written to give the other dialects'
     * result: to an integer type {@code CAST(ROUND(x) AS INTEGER)} for a DECIMAL, REAL or DOUBLE (CAST alone
     * truncates); to DECIMAL(p, s) {@code ROUND(x, s)}; to TEXT a DECIMAL of scale s {@code printf('%.sf', x)}
     * (a DECIMAL is stored as a double, 5.00 as 5); to VARCHAR(n) that text cut with {@code SUBSTR(.., 1, n)};
     * to DATE {@code date(x)} (CAST AS DATE would read the year as a number); to TIMESTAMP the
     * {@code YYYY-MM-DD HH:MM:SS[.fff]} text of {@link SqliteBindings}, through {@code strftime} (which keeps
     * milliseconds). A text cast to DATE or TIMESTAMP that SQLite's date functions cannot read, or would
     * move to another day ({@code date('2023-02-30')} is 2023-03-02 in SQLite 3.50), is passed through
     * unchanged: {@code CASE WHEN strftime('%d', x) IS NULL OR strftime('%d', x) <> substr(x, 9, 2) THEN x
     * ELSE date(x) END}, so that reading it fails with the {@code DataException} (22007 or 22008) that
     * PostgreSQL raises for the same cast, instead of returning a date nobody wrote.
     */
    @Override
    public void cast(SqlBuilder b, Field<?> value, DataType<?> target) {
        SqlType source = value.type().sqlType();
        switch (target.sqlType()) {
            case INTEGER, SMALLINT, BIGINT -> {
                boolean round = source == SqlType.DECIMAL || source == SqlType.REAL || source == SqlType.DOUBLE;
                b.append(round ? "CAST(ROUND(" : "CAST(");
                operand(b, value);
                b.append(round ? ") AS INTEGER)" : " AS INTEGER)");
            }
            case DECIMAL -> {
                b.append("ROUND(");
                operand(b, value);
                b.append(", ").append(Integer.toString(target.scale())).append(')');
            }
            case REAL, DOUBLE -> {
                b.append("CAST(");
                operand(b, value);
                b.append(" AS REAL)");
            }
            case TEXT -> text(b, value);
            case VARCHAR -> {
                b.append("SUBSTR(");
                text(b, value);
                b.append(", 1, ").append(Integer.toString(target.length())).append(')');
            }
            case DATE -> {
                boolean text = isText(source);
                if (text) textDateGuard(b, value);
                b.append("date(");
                operand(b, value);
                b.append(')');
                if (text) b.append(" END");
            }
            case TIMESTAMP -> {
                boolean text = isText(source);
                if (text) textDateGuard(b, value);
                timestamp(b, value, null, null);
                if (text) b.append(" END");
            }
            default -> super.cast(b, value, target);
        }
    }

    private static boolean isText(SqlType type) {
        return type == SqlType.TEXT || type == SqlType.VARCHAR || type == SqlType.CHAR;
    }

    /** {@code CASE WHEN strftime('%d', x) IS NULL OR strftime('%d', x) <> substr(x, 9, 2) THEN x ELSE }: see {@link #cast}. */
    private void textDateGuard(SqlBuilder b, Field<?> value) {
        b.append("CASE WHEN strftime('%d', ");
        operand(b, value);
        b.append(") IS NULL OR strftime('%d', ");
        operand(b, value);
        b.append(") <> substr(");
        operand(b, value);
        b.append(", 9, 2) THEN ");
        operand(b, value);
        b.append(" ELSE ");
    }

    private void text(SqlBuilder b, Field<?> value) {
        DataType<?> t = value.type();
        if (t.sqlType() == SqlType.DECIMAL && t.scale() >= 0) {
            b.append("printf('%.").append(Integer.toString(t.scale())).append("f', ");
            operand(b, value);
            b.append(')');
        } else {
            b.append("CAST(");
            operand(b, value);
            b.append(" AS TEXT)");
        }
    }

    /**
     * {@code rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', x[, ? || ' days'[, 'floor']]), '0'), '.')}: SQLite's
     * timestamp text with the fraction's trailing zeros dropped, as {@link SqliteBindings} stores it, so that
     * the result compares as text with stored values.
     */
    private void timestamp(SqlBuilder b, Field<?> value, Integer amount, dev.quarry.dsl.DatePart unit) {
        b.append("rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', ");
        operand(b, value);
        modifier(b, amount, unit);
        b.append("), '0'), '.')");
    }

    private void modifier(SqlBuilder b, Integer amount, dev.quarry.dsl.DatePart unit) {
        if (amount == null) return;
        b.append(", ").bind(amount, DataType.integer()).append(" || ' ")
                .append(unit.name().toLowerCase(java.util.Locale.ROOT)).append("s'");
        if (unit == dev.quarry.dsl.DatePart.MONTH || unit == dev.quarry.dsl.DatePart.YEAR) b.append(", 'floor'");
    }

    /** {@code MAX(COALESCE(a, b), COALESCE(b, a))}: SQLite's multi-argument MAX and MIN are NULL as soon as one argument is. */
    @Override
    public void greatestLeast(SqlBuilder b, boolean greatest, java.util.List<? extends Field<?>> arguments) {
        greatestLeastSkippingNulls(b, greatest ? "MAX" : "MIN", arguments);
    }

    /** {@code LENGTH(x)}, which counts characters of a TEXT value (SQLite manual, "Built-In Scalar SQL Functions"). */
    @Override
    public void characterLength(SqlBuilder b, Field<?> value) {
        b.append("LENGTH(");
        operand(b, value);
        b.append(')');
    }

    /** {@code INSTR(x, search)}. */
    @Override
    public void position(SqlBuilder b, Field<?> search, Field<?> value) {
        b.append("INSTR(");
        operand(b, value);
        b.append(", ");
        operand(b, search);
        b.append(')');
    }

    /** {@code SUBSTR(x, start[, count])}. */
    @Override
    public void substring(SqlBuilder b, Field<?> value, Field<?> start, Field<?> count) {
        b.append("SUBSTR(");
        operand(b, value);
        b.append(", ");
        operand(b, start);
        if (count != null) {
            b.append(", ");
            operand(b, count);
        }
        b.append(')');
    }

    /** {@code CAST(strftime('%Y', x) AS INTEGER)}. */
    @Override
    public void extract(SqlBuilder b, dev.quarry.dsl.DatePart part, Field<?> value) {
        String format = switch (part) {
            case YEAR -> "%Y";
            case MONTH -> "%m";
            case DAY -> "%d";
            case HOUR -> "%H";
            case MINUTE -> "%M";
            case SECOND -> "%S";
        };
        b.append("CAST(strftime('").append(format).append("', ");
        operand(b, value);
        b.append(") AS INTEGER)");
    }

    /** {@code strftime('%Y-%m-01 00:00:00', x)}, for a DATE {@code strftime('%Y-%m-01', x)}. */
    @Override
    public void truncateDate(SqlBuilder b, dev.quarry.dsl.DatePart part, Field<?> value) {
        String format = switch (part) {
            case YEAR -> "%Y-01-01 00:00:00";
            case MONTH -> "%Y-%m-01 00:00:00";
            case DAY -> "%Y-%m-%d 00:00:00";
            case HOUR -> "%Y-%m-%d %H:00:00";
            case MINUTE -> "%Y-%m-%d %H:%M:00";
            case SECOND -> "%Y-%m-%d %H:%M:%S";
        };
        if (value.type().sqlType() == SqlType.DATE) format = format.substring(0, 8);
        b.append("strftime('").append(format).append("', ");
        operand(b, value);
        b.append(')');
    }

    /**
     * A DATE: {@code date(x, ? || ' days')}; a TIMESTAMP: the {@code strftime} form of {@link #cast} with the
     * modifier. Months and years get the {@code 'floor'} modifier (SQLite 3.46), which clamps 2005-01-31 plus
     * one month to 2005-02-28 as PostgreSQL and MySQL do.
     */
    @Override
    public void addInterval(SqlBuilder b, Field<?> value, int amount, dev.quarry.dsl.DatePart unit) {
        if (value.type().sqlType() == SqlType.DATE) {
            b.append("date(");
            operand(b, value);
            modifier(b, amount, unit);
            b.append(')');
        } else {
            timestamp(b, value, amount, unit);
        }
    }

    /** {@code GROUP_CONCAT(x, ? ORDER BY ...)} (ORDER BY inside an aggregate: SQLite 3.44). */
    @Override
    public void stringAgg(SqlBuilder b, Field<?> value, String separator, java.util.List<? extends dev.quarry.dsl.SortField<?>> orderBy) {
        b.append("GROUP_CONCAT(");
        operand(b, value);
        b.append(", ").bind(separator, DataType.text());
        if (!orderBy.isEmpty()) {
            b.append(" ORDER BY ");
            orderItems(b, orderBy);
        }
        b.append(')');
    }
}
