package dev.quarry.mysql;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.SqlType;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.schema.Column;
import dev.quarry.schema.DdlRenderer;
import dev.quarry.schema.ForeignKey;
import dev.quarry.schema.Index;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * MySQL and MariaDB DDL. Every table is {@code ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
 * COLLATE=utf8mb4_nopad_bin} on MariaDB and {@code COLLATE=utf8mb4_0900_bin} on MySQL 8.0.17 and later
 * ({@link ServerVersion#binaryCollation()}): InnoDB for transactions and foreign keys, utf8mb4 for all of
 * Unicode, and the binary NO PAD collation so that equality, LIKE, UNIQUE, upsert keys and ORDER BY on
 * text are case-sensitive, by code point and with trailing spaces significant, as on SQLite and
 * PostgreSQL (the servers' default collations ignore case, and {@code utf8mb4_bin} ignores trailing
 * spaces). The table's collation is explicit, so the database's default does not matter. A column
 * declared with {@code Column.collate(name)} gets {@code COLLATE name} after its type (names of ASCII
 * letters, digits and underscores only). Further rules:
 * <ul>
 *   <li>Indexes are declared inside CREATE TABLE, since MySQL 8.0 has no
 *       {@code CREATE INDEX IF NOT EXISTS} (MySQL 8.0 manual, 15.1.15); {@code Ddl.create} stays
 *       idempotent on both products.</li>
 *   <li>An auto-increment column is {@code AUTO_INCREMENT} and must be indexed (MySQL 8.0 manual,
 *       15.1.20 "CREATE TABLE Statement", AUTO_INCREMENT): the single-column primary key is declared
 *       inline; another auto-increment column that is not the first column of a key or index gets
 *       UNIQUE. A table has at most one.</li>
 *   <li>Defaults are expressions in parentheses, {@code DEFAULT (4.99)}, the one form MySQL 8.0.13+
 *       and MariaDB 10.2.1+ accept on every type, TEXT, BLOB and JSON included.</li>
 *   <li>Foreign keys that close a cycle are added afterwards with ALTER TABLE; on MariaDB with
 *       {@code FOREIGN KEY IF NOT EXISTS}, so a second {@code Ddl.create} is harmless. InnoDB rejects
 *       {@code SET DEFAULT} actions (MySQL 8.0 manual, 15.1.20.5 "FOREIGN KEY Constraints"), so they fail
 *       at render time.</li>
 *   <li>CHECK constraints, also the label list of an enum column, need a server that enforces them
 *       (MySQL 8.0.16, MariaDB 10.2.1); older servers would silently ignore them, so rendering fails.</li>
 * </ul>
 */
final class MysqlDdlRenderer extends DdlRenderer {
    /** The longest VARCHAR in utf8mb4 that fits MySQL's 65,535-byte row limit (4 bytes a character). */
    static final int MAX_VARCHAR = 16_383;

    private final String dialectName;
    private final ServerVersion server;
    private final String tableCollation;

    /**
     * @param dialectName the dialect's name, for messages
     * @param server the server whose DDL to render
     * @param tableCollation the tables' default collation, {@link ServerVersion#binaryCollation()} of the
     *                       server the tables are created on
     */
    MysqlDdlRenderer(String dialectName, ServerVersion server, String tableCollation) {
        this.dialectName = dialectName;
        this.server = server;
        this.tableCollation = tableCollation;
    }

    @Override
    public boolean declaresIndexesInCreateTable() { return true; }

    /**
     * Lower case. Index names never differ by case; table names do on Linux servers with
     * {@code lower_case_table_names=0} but not on Windows or macOS, nor where the setting is 1 or 2
     * (MySQL 8.0 manual 11.2.3 "Identifier Case Sensitivity"), so two tables whose names differ only in
     * case are refused everywhere, the portable choice.
     */
    @Override
    public String nameKey(String name) { return name.toLowerCase(java.util.Locale.ROOT); }

    /** Index names are unique per table (MySQL 8.0 manual 15.1.15 "CREATE INDEX Statement"). */
    @Override
    public boolean indexNamesPerTable() { return true; }

    @Override
    public String nameRule() {
        return "index names compare ignoring case and table names do where lower_case_table_names is 1 or 2 "
                + "(MySQL 8.0 manual 11.2.3 \"Identifier Case Sensitivity\")";
    }

    /**
     * AUTO_INCREMENT moves past explicitly inserted values by itself (MySQL manual, "Using
     * AUTO_INCREMENT"; MariaDB "AUTO_INCREMENT"), so {@code Ddl.restartIdentities} has nothing to do.
     */
    @Override
    public boolean identityFollowsExplicitValues() { return true; }

    /**
     * {@inheritDoc} MySQL types: INT, BIGINT, SMALLINT, VARCHAR(n) up to 16,383, CHAR(n) up to 255,
     * LONGTEXT for TEXT (TEXT holds only 65,535 bytes), BOOLEAN (a synonym of TINYINT(1)), DECIMAL(p, s)
     * up to 65 digits with 30 after the point, DOUBLE for REAL and DOUBLE PRECISION (MySQL's own REAL is
     * DOUBLE; see {@link MysqlBindings}), DATE, DATETIME(6) for TIMESTAMP and TIMESTAMP WITH TIME ZONE,
     * CHAR(36) for UUID (canonical lower-case text; not MariaDB 10.7's own UUID type, which MySQL lacks,
     * so that both products get the same DDL), LONGBLOB, JSON for JSON and JSONB (MySQL stores a binary
     * form and returns the document normalized, keys sorted and spacing rewritten (MySQL 8.0 manual,
     * 13.5 "The JSON Data Type"); on MariaDB JSON is an alias of LONGTEXT with a JSON_VALID check that
     * keeps the text as given), VARCHAR(n) for an enum (with a CHECK of its labels).
     *
     * @throws UnsupportedDialectFeatureException for ARRAY, and for lengths or precisions MySQL cannot hold
     */
    @Override
    public String columnType(DataType<?> type) {
        return switch (type.sqlType()) {
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            case SMALLINT -> "SMALLINT";
            case VARCHAR, ENUM -> {
                if (type.length() > MAX_VARCHAR) {
                    throw new UnsupportedDialectFeatureException(dialectName, type + ": a utf8mb4 VARCHAR holds at most "
                            + MAX_VARCHAR + " characters (MySQL 8.0 manual, 13.3.2); use text()");
                }
                yield "VARCHAR(" + type.length() + ")";
            }
            case CHAR -> {
                if (type.length() > 255) {
                    throw new UnsupportedDialectFeatureException(dialectName, type + ": CHAR holds at most 255 characters "
                            + "(MySQL 8.0 manual, 13.3.2); use varchar or text");
                }
                yield "CHAR(" + type.length() + ")";
            }
            case TEXT -> "LONGTEXT";
            case BOOLEAN -> "BOOLEAN";
            case DECIMAL -> {
                if (type.precision() > 65 || type.scale() > 30) {
                    throw new UnsupportedDialectFeatureException(dialectName, type + ": DECIMAL has at most 65 digits, "
                            + "30 of them after the point (MySQL 8.0 manual, 13.1.3)");
                }
                yield type.precision() < 0 ? "DECIMAL" : "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
            }
            case REAL, DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case TIMESTAMP, TIMESTAMPTZ -> "DATETIME(6)";
            case UUID -> "CHAR(36)";
            case BLOB -> "LONGBLOB";
            case JSON, JSONB -> "JSON";
            case ARRAY -> throw new UnsupportedDialectFeatureException(dialectName, "ARRAY columns (" + type + ")");
        };
    }

    private String columnType(Column<?> column) {
        try {
            return columnType(column.type());
        } catch (UnsupportedDialectFeatureException e) {
            throw new UnsupportedDialectFeatureException(dialectName, e.feature() + " (column " + column.qualifiedName() + ")");
        }
    }

    @Override
    public void createTable(SqlBuilder b, Table table, boolean ifNotExists, List<ForeignKey> foreignKeys) {
        checkTable(table);
        super.createTable(b, table, ifNotExists, foreignKeys);
    }

    /** Indexes go inside CREATE TABLE: MySQL 8 has no {@code CREATE INDEX IF NOT EXISTS}. */
    @Override
    protected void extraTableElements(SqlBuilder b, Table table) {
        for (Index index : table.indexes()) {
            b.append(index.unique() ? ", UNIQUE INDEX " : ", INDEX ").identifier(index.name()).append(" (");
            appendNames(b, index.columns());
            b.append(')');
        }
    }

    /**
     * InnoDB for foreign keys and transactions; utf8mb4 with the binary NO PAD collation, so text compares
     * by code point with trailing spaces significant, as on SQLite.
     */
    @Override
    protected void tableOptions(SqlBuilder b, Table table) {
        b.append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=").append(tableCollation);
    }

    /**
     * A declared collation as {@code COLLATE name}, unquoted, right after the type (MySQL 8.0 manual,
     * 15.1.20 "CREATE TABLE Statement", data_type; 12.3.5 "Column Character Set and Collation"); the
     * column's character set is the collation's. Other columns take the table's collation.
     *
     * @throws IllegalArgumentException if the name is not ASCII letters, digits and underscores
     */
    @Override
    protected void collation(SqlBuilder b, Column<?> column) {
        if (column.collation().isPresent()) b.append(" COLLATE ").append(plainCollationName(column, dialectName));
    }

    /** Refuses, before anything is sent, what the server would refuse or silently ignore. */
    private void checkTable(Table table) {
        List<String> autoIncrement = new ArrayList<>();
        boolean anyCheck = !table.checks().isEmpty();
        for (Column<?> c : table.fields()) {
            if (c.isAutoIncrement()) autoIncrement.add(c.name());
            if (c.checkCondition().isPresent() || c.type().sqlType() == SqlType.ENUM) anyCheck = true;
            if (c.isUnique()) requireIndexable(c, "a UNIQUE key");
        }
        if (autoIncrement.size() > 1) {
            throw new UnsupportedDialectFeatureException(dialectName, "more than one AUTO_INCREMENT column in table "
                    + table.name() + " " + autoIncrement);
        }
        if (anyCheck && !server.enforcesChecks()) {
            throw new UnsupportedDialectFeatureException(dialectName, "CHECK constraints on " + server
                    + " (table " + table.name() + "): the server ignores them; they are enforced from MySQL 8.0.16 and MariaDB 10.2.1");
        }
        for (Column<?> c : table.primaryKeyColumns()) requireIndexable(c, "the PRIMARY KEY");
        for (Index index : table.indexes()) {
            for (Column<?> c : index.columns()) requireIndexable(c, "index " + index.name());
        }
    }

    private void requireIndexable(Column<?> column, String key) {
        SqlType t = column.type().sqlType();
        if (t == SqlType.TEXT || t == SqlType.BLOB || t == SqlType.JSON || t == SqlType.JSONB) {
            throw new UnsupportedDialectFeatureException(dialectName, t + " column " + column.qualifiedName() + " in " + key
                    + " (MySQL indexes LONGTEXT and LONGBLOB only by a prefix, and JSON not at all; use varchar)");
        }
    }

    @Override
    protected void columnDefinition(SqlBuilder b, Column<?> column) {
        b.identifier(column.name()).append(' ');
        if (column.isAutoIncrement()) {
            autoIncrementColumn(b, column, inlinePrimaryKey(column.table().primaryKeyColumns()));
        } else {
            b.append(columnType(column));
            collation(b, column);
            if (!column.isNullable()) b.append(" NOT NULL");
            column.defaultValueExpression().ifPresent(d -> {
                if (!server.expressionDefaults()) {
                    throw new UnsupportedDialectFeatureException(dialectName, "DEFAULT on column " + column.qualifiedName()
                            + " on " + server + " (expression defaults need MySQL 8.0.13 or MariaDB 10.2.1)");
                }
                b.append(" DEFAULT (").visit(d).append(')');
            });
            if (column.isUnique()) b.append(" UNIQUE");
        }
        if (column.type().sqlType() == SqlType.ENUM) {
            b.append(" CHECK (").identifier(column.name()).append(" IN (");
            Object[] constants = column.type().javaType().getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                if (i > 0) b.append(", ");
                b.bind(constants[i], column.type());
            }
            b.append("))");
        }
        column.checkCondition().ifPresent(c -> b.append(" CHECK (").visit(c).append(')'));
    }

    /**
     * {@code INT NOT NULL AUTO_INCREMENT PRIMARY KEY} for the single-column key; otherwise
     * {@code ... AUTO_INCREMENT}, with UNIQUE unless the column already leads a key or index.
     *
     * @throws UnsupportedDialectFeatureException if the column is not INTEGER, BIGINT or SMALLINT
     */
    @Override
    protected void autoIncrementColumn(SqlBuilder b, Column<?> column, boolean primaryKey) {
        SqlType t = column.type().sqlType();
        if (t != SqlType.INTEGER && t != SqlType.BIGINT && t != SqlType.SMALLINT) {
            throw new UnsupportedDialectFeatureException(dialectName, "AUTO_INCREMENT on " + t + " column "
                    + column.qualifiedName() + " (only integer columns count)");
        }
        b.append(columnType(column)).append(" NOT NULL AUTO_INCREMENT");
        if (primaryKey) {
            b.append(" PRIMARY KEY");
        } else if (column.isUnique() || !leadsAKey(column)) {
            b.append(" UNIQUE");
        }
    }

    private static boolean leadsAKey(Column<?> column) {
        Table table = column.table();
        List<Column<?>> key = table.primaryKeyColumns();
        if (!key.isEmpty() && key.get(0) == column) return true;
        for (Index index : table.indexes()) {
            if (index.columns().get(0) == column) return true;
        }
        return false;
    }

    @Override
    protected void foreignKeyConstraint(SqlBuilder b, ForeignKey fk) {
        foreignKey(b, fk, false);
    }

    private void foreignKey(SqlBuilder b, ForeignKey fk, boolean ifNotExists) {
        for (ReferenceAction action : List.of(fk.onDelete(), fk.onUpdate())) {
            if (action == ReferenceAction.SET_DEFAULT) {
                throw new UnsupportedDialectFeatureException(dialectName, "ON DELETE/UPDATE SET DEFAULT on column "
                        + fk.column().qualifiedName() + " (InnoDB rejects it)");
            }
        }
        Column<?> target = fk.target();
        b.append("CONSTRAINT ").identifier(fk.name()).append(" FOREIGN KEY ");
        if (ifNotExists) b.append("IF NOT EXISTS ");
        b.append('(').identifier(fk.column().name()).append(") REFERENCES ").visit(target.table())
                .append(" (").identifier(target.name()).append(')');
        if (fk.onDelete() != ReferenceAction.NO_ACTION) b.append(" ON DELETE ").append(fk.onDelete().sql());
        if (fk.onUpdate() != ReferenceAction.NO_ACTION) b.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }

    /** MariaDB: {@code ADD CONSTRAINT fk FOREIGN KEY IF NOT EXISTS (...)} (MariaDB manual, "ALTER TABLE"); MySQL has no such clause. */
    @Override
    public void addForeignKey(SqlBuilder b, ForeignKey fk) {
        b.append("ALTER TABLE ").visit(fk.column().table()).append(" ADD ");
        foreignKey(b, fk, server.mariaDb());
    }

    /** {@code DROP FOREIGN KEY}, which both products have (MySQL has DROP CONSTRAINT only from 8.0.19). */
    @Override
    public void dropForeignKey(SqlBuilder b, ForeignKey fk) {
        b.append("ALTER TABLE ").visit(fk.column().table()).append(" DROP FOREIGN KEY ").identifier(fk.name());
    }

    /**
     * A stand-alone CREATE INDEX ({@link dev.quarry.schema.Ddl} declares indexes in CREATE TABLE instead).
     *
     * @throws UnsupportedDialectFeatureException for IF NOT EXISTS on MySQL, which lacks it
     */
    @Override
    public void createIndex(SqlBuilder b, Index index, boolean ifNotExists) {
        if (ifNotExists && !server.mariaDb()) {
            throw new UnsupportedDialectFeatureException(dialectName, "CREATE INDEX IF NOT EXISTS (index " + index.name() + ")");
        }
        for (Column<?> c : index.columns()) requireIndexable(c, "index " + index.name());
        super.createIndex(b, index, ifNotExists);
    }
}
