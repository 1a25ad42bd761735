package dev.quarry.sqlite;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.schema.Column;
import dev.quarry.schema.DdlRenderer;

/**
 * SQLite DDL: an auto-increment column must be the table's single-column key, spelled
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT} (SQLite manual, "SQLite Autoincrement"); foreign keys may
 * name tables created later, since SQLite checks them only when rows change. Text columns get no
 * collation unless one is declared, so they compare with SQLite's default BINARY (code-point order).
 */
final class SqliteDdlRenderer extends DdlRenderer {
    static final SqliteDdlRenderer INSTANCE = new SqliteDdlRenderer();

    private SqliteDdlRenderer() {}

    @Override
    public boolean allowsForwardReferences() { return true; }

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

    @Override
    protected void autoIncrementColumn(SqlBuilder b, Column<?> column, boolean primaryKey) {
        if (!primaryKey) {
            throw new UnsupportedDialectFeatureException("sqlite", "auto-increment on column " + column.qualifiedName()
                    + ", which is not the table's single-column primary key");
        }
        b.append("INTEGER PRIMARY KEY AUTOINCREMENT");
    }
}
