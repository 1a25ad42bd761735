package dev.quarry.sqlite;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.schema.Column;
import dev.quarry.schema.DdlRenderer;

/**
 * SQLite DDL: an auto-increment column must be the table's single-column key, spelled
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT} (SQLite manual, "SQLite Autoincrement"); foreign keys may
 * name tables created later, since SQLite checks them only when rows change.
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
