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

    // ---- set operations, row locking, DML forms (issue 4) ----

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

    // ---- joins, subqueries, CTEs (issue 4) ----

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
}
