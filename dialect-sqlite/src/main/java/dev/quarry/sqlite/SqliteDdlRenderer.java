package dev.quarry.sqlite;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.schema.Column;
import dev.quarry.schema.DdlRenderer;

/**
 * SQLite DDL: an auto-increment column must be the table's single-column key, spelled
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT} (SQLite manual, "SQLite Autoincrement"); foreign keys may
 * name tables created later, since SQLite checks them only when rows change. SQLite stores any value in
 * any column ("Datatypes In SQLite"), so columns get CHECK constraints that hold them to their types'
 * range and length, as the other databases do ({@link #valueConstraints}). Text columns get no
 * collation unless one is declared, so they compare with SQLite's default BINARY (code-point order).
 */
final class SqliteDdlRenderer extends DdlRenderer {
    static final SqliteDdlRenderer INSTANCE = new SqliteDdlRenderer();

    private SqliteDdlRenderer() {}

    @Override
    public boolean allowsForwardReferences() { return true; }

    /**
     * SQLite folds ASCII letters to lower case when it compares names ({@code sqlite3StrICmp}): a table
     * {@code Film} is the table {@code film}, and {@code CREATE INDEX IF NOT EXISTS "IX"} skips when
     * {@code ix} exists. Other letters compare exactly.
     */
    @Override
    public String nameKey(String name) {
        StringBuilder key = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (key == null) key = new StringBuilder(name);
                key.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return key == null ? name : key.toString();
    }

    @Override
    public String nameRule() {
        return "tables and indexes share one namespace per schema and names compare ignoring ASCII case";
    }

    /** JSON is kept as TEXT (a JSON-named column would get NUMERIC affinity and turn "1.50" into 1.5); no arrays. */
    @Override
    public String columnType(DataType<?> type) {
        return switch (type.sqlType()) {
            case JSON, JSONB -> "TEXT";
            case ARRAY -> throw new UnsupportedDialectFeatureException("sqlite", "ARRAY columns");
            default -> super.columnType(type);
        };
    }

    /**
     * A declared collation as {@code COLLATE NAME}, unquoted (SQLite manual, "Datatypes In SQLite", 7.1:
     * BINARY, NOCASE, RTRIM, or one the application registered). Without one, a column compares with
     * BINARY: {@code memcmp} of the UTF-8 bytes, which is code-point order.
     *
     * @throws IllegalArgumentException if the name is not ASCII letters, digits and underscores
     */
    @Override
    protected void collation(SqlBuilder b, Column<?> column) {
        if (column.collation().isPresent()) b.append(" COLLATE ").append(plainCollationName(column, "sqlite"));
    }

    /**
     * SQLite's AUTOINCREMENT never hands out a key below the largest one the table has held, explicit
     * ones included (SQLite manual, "SQLite Autoincrement"), so no restart is needed.
     */
    @Override
    public boolean identityFollowsExplicitValues() { return true; }

    /** The prefix of the name of a range constraint: {@code "range:film.length"}. */
    static final String RANGE = "range:";
    /** The prefix of the name of a length constraint: {@code "length:film.title"}. */
    static final String LENGTH = "length:";

    /**
     * Holds a column to what PostgreSQL and MariaDB store for its type, so that a value the database
     * computes (an UPDATE's arithmetic, a concatenation) fails on SQLite too instead of being kept:
     * <ul>
     *   <li>INTEGER, SMALLINT, BIGINT: {@code CONSTRAINT "range:t.c" CHECK ("c" BETWEEN min AND max)}
     *       (for BIGINT this also refuses the REAL that SQLite makes of an integer overflow); not on an
     *       auto-increment key, which is SQLite's 64-bit rowid;</li>
     *   <li>REAL and DOUBLE: {@code BETWEEN} the largest finite float ({@code 3.4028235E38}, its shortest
     *       text, which a read still rounds to the float) or double and its negative, which refuses the
     *       infinities SQLite computes on overflow;</li>
     *   <li>DECIMAL(p, s): {@code "c" > -b AND "c" < b} with b = 10^(p-s) - 0.5 * 10^-s, the smallest value
     *       that rounds to p - s + 1 digits before the point;</li>
     *   <li>VARCHAR(n) and CHAR(n): {@code CONSTRAINT "length:t.c" CHECK (length("c") <= n)}, in
     *       characters (SQLite's {@code length} counts code points of text).</li>
     * </ul>
     * {@link SqliteDialect#translate} turns a failure of such a constraint into a {@code DataException}
     * (22003 for a range, 22001 for a length) naming the column.
     */
    @Override
    protected void valueConstraints(SqlBuilder b, Column<?> column) {
        DataType<?> type = column.type();
        String name = column.table().name() + "." + column.name();
        switch (type.sqlType()) {
            case INTEGER, SMALLINT, BIGINT -> {
                if (column.isAutoIncrement()) return;
                String bounds = switch (type.sqlType()) {
                    case INTEGER -> Integer.MIN_VALUE + " AND " + Integer.MAX_VALUE;
                    case SMALLINT -> Short.MIN_VALUE + " AND " + Short.MAX_VALUE;
                    default -> Long.MIN_VALUE + " AND " + Long.MAX_VALUE;
                };
                between(b, RANGE + name, column, bounds);
            }
            case REAL -> between(b, RANGE + name, column, -Float.MAX_VALUE + " AND " + Float.MAX_VALUE);
            case DOUBLE -> between(b, RANGE + name, column, -Double.MAX_VALUE + " AND " + Double.MAX_VALUE);
            case DECIMAL -> {
                if (type.precision() < 0) return;
                String bound = decimalBound(type.precision(), type.scale());
                b.append(" CONSTRAINT ").identifier(RANGE + name).append(" CHECK (").identifier(column.name())
                        .append(" > -").append(bound).append(" AND ").identifier(column.name()).append(" < ").append(bound).append(')');
            }
            case VARCHAR, CHAR -> b.append(" CONSTRAINT ").identifier(LENGTH + name).append(" CHECK (length(")
                    .identifier(column.name()).append(") <= ").append(Integer.toString(type.length())).append(')');
            default -> {
                // the other types have no range SQLite could leave
            }
        }
    }

    private static void between(SqlBuilder b, String name, Column<?> column, String bounds) {
        b.append(" CONSTRAINT ").identifier(name).append(" CHECK (").identifier(column.name()).append(" BETWEEN ")
                .append(bounds).append(')');
    }

    /** @return 10^(p-s) - 0.5 * 10^-s as a literal: {@code 999.995} for DECIMAL(5, 2), {@code 99.5} for DECIMAL(2, 0) */
    static String decimalBound(int precision, int scale) {
        int before = precision - scale;
        return (before == 0 ? "0" : "9".repeat(before)) + "." + "9".repeat(scale) + "5";
    }

    @Override
    protected void autoIncrementColumn(SqlBuilder b, Column<?> column, boolean primaryKey) {
        if (!primaryKey) {
            throw new UnsupportedDialectFeatureException("sqlite", "auto-increment on column " + column.qualifiedName()
                    + ", which is not the table's single-column primary key");
        }
        b.append("INTEGER PRIMARY KEY AUTOINCREMENT");
    }
}
