package dev.quarry.sqlite;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.SqlType;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.JoinType;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.SqlBuilder;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

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
