package dev.quarry.sqlite;

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

    @Override
    protected void autoIncrementColumn(SqlBuilder b, Column<?> column, boolean primaryKey) {
        if (!primaryKey) {
            throw new UnsupportedDialectFeatureException("sqlite", "auto-increment on column " + column.qualifiedName()
                    + ", which is not the table's single-column primary key");
        }
        b.append("INTEGER PRIMARY KEY AUTOINCREMENT");
    }
}
