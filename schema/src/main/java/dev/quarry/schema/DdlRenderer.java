package dev.quarry.schema;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/**
 * Renders CREATE and DROP statements for tables and indexes. The defaults follow SQL:2016 (section
 * 11.3 table definition, 11.4 column definition, 11.8 referential constraint) and the spelling
 * PostgreSQL accepts; dialect modules subclass it where their database differs. Stateless and
 * thread-safe.
 */
public class DdlRenderer {
    /** The standard renderer, for dialects that do not implement {@link DdlDialect}. */
    public static final DdlRenderer STANDARD = new DdlRenderer();

    /** For subclasses. */
    protected DdlRenderer() {}

    /**
     * Whether a FOREIGN KEY may name a table that does not exist yet (SQLite checks references only
     * when rows change). When false, {@link Ddl} adds foreign keys that close a cycle between tables
     * with ALTER TABLE after all tables exist.
     *
     * @return true if forward references are allowed
     */
    public boolean allowsForwardReferences() { return false; }

    /**
     * Whether {@link #createTable} declares the table's indexes itself, so that {@link Ddl} sends no
     * separate CREATE INDEX. MySQL needs it: MySQL 8.0 has no {@code CREATE INDEX IF NOT EXISTS}
     * (MySQL 8.0 Reference Manual, 15.1.15 "CREATE INDEX Statement"), so only an index declared inside
     * {@code CREATE TABLE IF NOT EXISTS} can be created idempotently. Default: false.
     *
     * @return true if CREATE TABLE declares the indexes
     */
    public boolean declaresIndexesInCreateTable() { return false; }

    /**
     * The form in which the database compares names of tables and indexes: two names with the same key
     * name the same table (or index), so {@link Ddl#createStatements} refuses them among the tables it
     * creates together instead of letting {@code IF NOT EXISTS} skip the second. Default: the name
     * itself, as PostgreSQL compares quoted identifiers exactly (PostgreSQL manual 4.1.1 "Identifiers and
     * Key Words"; SQL:2016 section 5.2, delimited identifier).
     *
     * @param name a table or index name
     * @return its comparison key; never null
     */
    public String nameKey(String name) { return name; }

    /**
     * Whether index names need to be unique only within their table (MySQL, MariaDB) rather than within
     * the schema, where they also share one namespace with the tables (PostgreSQL's {@code pg_class};
     * SQLite's {@code sqlite_schema}). Default: false.
     *
     * @return true if two tables may have indexes of the same name
     */
    public boolean indexNamesPerTable() { return false; }

    /**
     * How the database compares names, for the message that refuses two tables or indexes of the same
     * name ({@link #nameKey}). Default: PostgreSQL's rule.
     *
     * @return a clause that completes "... have the same name on &lt;dialect&gt;, where ..."
     */
    public String nameRule() {
        return "tables and indexes share one namespace per schema and quoted names compare exactly";
    }

    /**
     * The column type for a data type.
     *
     * @param type the type
     * @return the SQL type name, such as {@code VARCHAR(255)}
     */
    public String columnType(DataType<?> type) {
        return switch (type.sqlType()) {
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case SMALLINT -> "SMALLINT";
            case VARCHAR, ENUM -> "VARCHAR(" + type.length() + ")";
            case CHAR -> "CHAR(" + type.length() + ")";
            case TEXT -> "TEXT";
            case BOOLEAN -> "BOOLEAN";
            case DECIMAL -> type.precision() < 0 ? "DECIMAL" : "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case BLOB -> "BLOB";
            case JSON -> "JSON";
            case JSONB -> "JSONB";
            case ARRAY -> columnType(type.elementType()) + " ARRAY";
        };
    }

    /**
     * Renders {@code CREATE TABLE} with columns, primary key, unique and check constraints and the
     * given foreign keys.
     *
     * @param b the builder (values inlined, columns unqualified)
     * @param table the table
     * @param ifNotExists whether to add IF NOT EXISTS
     * @param foreignKeys the foreign keys to declare inline; others are added later with ALTER TABLE
     */
    public void createTable(SqlBuilder b, Table table, boolean ifNotExists, List<ForeignKey> foreignKeys) {
        b.append("CREATE TABLE ");
        if (ifNotExists) b.append("IF NOT EXISTS ");
        b.visit(table).append(" (");
        List<Column<?>> columns = table.fields();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) b.append(", ");
            columnDefinition(b, columns.get(i));
        }
        List<Column<?>> key = table.primaryKeyColumns();
        if (!key.isEmpty() && !inlinePrimaryKey(key)) {
            b.append(", PRIMARY KEY (");
            appendNames(b, key);
            b.append(')');
        }
        for (Check check : table.checks()) {
            b.append(", CONSTRAINT ").identifier(check.name()).append(" CHECK (").visit(check.condition()).append(')');
        }
        extraTableElements(b, table);
        for (ForeignKey fk : foreignKeys) {
            b.append(", ");
            foreignKeyConstraint(b, fk);
        }
        b.append(')');
        tableOptions(b, table);
    }

    /**
     * Renders further elements of CREATE TABLE after the CHECK constraints and before the foreign
     * keys, each starting with {@code ", "}; MySQL declares its indexes here. Default: none.
     *
     * @param b the builder
     * @param table the table
     */
    protected void extraTableElements(SqlBuilder b, Table table) {
        // the standard has no other table elements
    }

    /**
     * Renders table options after the closing parenthesis of CREATE TABLE, such as MySQL's
     * {@code ENGINE=InnoDB}. Default: none.
     *
     * @param b the builder
     * @param table the table
     */
    protected void tableOptions(SqlBuilder b, Table table) {
        // the standard has no table options
    }

    /**
     * Whether a one-column primary key is declared in its column definition rather than as a table
     * constraint. Default: only for auto-increment columns.
     *
     * @param key the primary-key columns
     * @return true to declare it inline
     */
    protected boolean inlinePrimaryKey(List<Column<?>> key) {
        return key.size() == 1 && key.get(0).isPrimaryKey() && key.get(0).isAutoIncrement();
    }

    /**
     * Renders one column definition: name, type, identity, NOT NULL, UNIQUE, DEFAULT, CHECK.
     *
     * @param b the builder
     * @param column the column
     */
    protected void columnDefinition(SqlBuilder b, Column<?> column) {
        b.identifier(column.name()).append(' ');
        if (column.isAutoIncrement()) {
            List<Column<?>> key = column.table().primaryKeyColumns();
            autoIncrementColumn(b, column, inlinePrimaryKey(key) && key.get(0) == column);
        } else {
            b.append(columnType(column.type()));
            collation(b, column);
            if (!column.isNullable()) b.append(" NOT NULL");
        }
        if (column.isUnique()) b.append(" UNIQUE");
        column.defaultValueExpression().ifPresent(d -> {
            b.append(" DEFAULT (").visit(d).append(')');
        });
        if (column.type().sqlType() == dev.quarry.dsl.SqlType.ENUM) {
            b.append(" CHECK (").identifier(column.name()).append(" IN (");
            Object[] constants = column.type().javaType().getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                if (i > 0) b.append(", ");
                b.bind(constants[i], column.type());
            }
            b.append("))");
        }
        column.checkCondition().ifPresent(c -> b.append(" CHECK (").visit(c).append(')'));
        valueConstraints(b, column);
    }

    /**
     * Renders, at the end of a column definition, constraints that make the database refuse a value
     * its storage would keep but the column's type cannot hold on the other dialects, such as the
     * result of {@code UPDATE t SET i = i + 2147483647}, each starting with {@code " "}. A dialect whose
     * database does not enforce its types (SQLite) overrides it; its {@code translate} turns their
     * failures into {@code DataException}s. Default: none, since PostgreSQL and MySQL/MariaDB in strict
     * mode refuse such values themselves (SQLState 22001, 22003).
     *
     * @param b the builder (values inlined, columns unqualified)
     * @param column the column
     */
    protected void valueConstraints(SqlBuilder b, Column<?> column) {
        // the database enforces its column types
    }

    /**
     * Renders the collation of a column right after its type, with a leading space, or nothing. Default:
     * the collation declared with {@link Column#collate(String)} as {@code COLLATE "name"}, quoted as an
     * identifier (SQL:2016 section 11.4, collate clause, whose collation name is an identifier; PostgreSQL
     * manual, CREATE TABLE), and nothing for a column without one. A dialect overrides this to give text
     * columns a collation of its choice, or to spell the name differently.
     *
     * @param b the builder
     * @param column the column
     * @throws IllegalArgumentException if the dialect cannot write the declared collation's name
     */
    protected void collation(SqlBuilder b, Column<?> column) {
        column.collation().ifPresent(name -> b.append(" COLLATE ").identifier(name));
    }

    /**
     * The declared collation of a column as a bare name, for dialects that write it unquoted (MySQL and
     * SQLite, whose collation names are plain identifiers).
     *
     * @param column a column with a declared collation
     * @param dialectName the dialect's name, for the message
     * @return the name
     * @throws IllegalArgumentException if the name holds other characters than ASCII letters, digits and underscores
     */
    protected static String plainCollationName(Column<?> column, String dialectName) {
        String name = column.collation().orElseThrow();
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Column " + column.qualifiedName() + ": collation name '" + name
                    + "' is not a plain name for " + dialectName + " (ASCII letters, digits and underscores)");
        }
        return name;
    }

    /**
     * Renders the type and key of an auto-increment column. Default: an identity column,
     * {@code INTEGER GENERATED BY DEFAULT AS IDENTITY [PRIMARY KEY]} (SQL:2016 section 11.4,
     * identity column specification).
     *
     * @param b the builder
     * @param column the column
     * @param primaryKey whether the column is the table's one-column primary key
     */
    protected void autoIncrementColumn(SqlBuilder b, Column<?> column, boolean primaryKey) {
        b.append(columnType(column.type())).append(" GENERATED BY DEFAULT AS IDENTITY");
        if (primaryKey) b.append(" PRIMARY KEY");
    }

    /**
     * Whether an auto-increment column's counter moves past values inserted explicitly on its own.
     * Default: false, since the identity column of {@link #autoIncrementColumn} (SQL:2016 identity
     * columns; PostgreSQL {@code GENERATED BY DEFAULT AS IDENTITY}) takes its values
     * from a sequence generator that explicit values do not advance; {@link Ddl#restartIdentities} then
     * restarts it after the largest key. A dialect whose counter follows explicit keys (SQLite's
     * AUTOINCREMENT, MySQL's AUTO_INCREMENT) overrides this to return true, which makes
     * {@code restartIdentities} a no-op. A dialect that overrides {@link #autoIncrementColumn} decides
     * here too.
     *
     * @return true if no restart is ever needed
     */
    public boolean identityFollowsExplicitValues() { return false; }

    /**
     * Renders the statement that makes {@code next} the next value an identity column generates.
     * Default: {@code ALTER TABLE t ALTER COLUMN c RESTART WITH next} (SQL:2016's alter identity
     * column specification; PostgreSQL manual, ALTER TABLE). Only called when
     * {@link #identityFollowsExplicitValues()} is false.
     *
     * @param b the builder (values inlined, columns unqualified)
     * @param column the auto-increment column
     * @param next the value the next generated key shall have
     */
    public void restartIdentity(SqlBuilder b, Column<?> column, long next) {
        b.append("ALTER TABLE ").visit(column.table()).append(" ALTER COLUMN ").identifier(column.name())
                .append(" RESTART WITH ").append(Long.toString(next));
    }

    /**
     * Renders {@code CONSTRAINT fk_t_c FOREIGN KEY (c) REFERENCES t2 (c2) ON DELETE .. ON UPDATE ..}.
     *
     * @param b the builder
     * @param fk the foreign key
     */
    protected void foreignKeyConstraint(SqlBuilder b, ForeignKey fk) {
        Column<?> target = fk.target();
        b.append("CONSTRAINT ").identifier(fk.name()).append(" FOREIGN KEY (").identifier(fk.column().name())
                .append(") REFERENCES ").visit(target.table()).append(" (").identifier(target.name()).append(')');
        if (fk.onDelete() != ReferenceAction.NO_ACTION) b.append(" ON DELETE ").append(fk.onDelete().sql());
        if (fk.onUpdate() != ReferenceAction.NO_ACTION) b.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }

    /**
     * Renders {@code ALTER TABLE t ADD CONSTRAINT ...} for a foreign key that closes a cycle.
     *
     * @param b the builder
     * @param fk the foreign key
     */
    public void addForeignKey(SqlBuilder b, ForeignKey fk) {
        b.append("ALTER TABLE ").visit(fk.column().table()).append(" ADD ");
        foreignKeyConstraint(b, fk);
    }

    /**
     * Renders the statement that adds a foreign key closing a cycle, for {@link Ddl#createStatements}.
     * With {@code ifNotExists} the tables were created with IF NOT EXISTS and may have existed with the
     * constraint already, so the statement must then leave an existing constraint of that name alone.
     * Default: {@link #addForeignKey(SqlBuilder, ForeignKey)} whatever {@code ifNotExists} says, since
     * SQL:2016 has no IF NOT EXISTS for constraints; dialects that can skip an existing constraint
     * override this.
     *
     * @param b the builder
     * @param fk the foreign key
     * @param ifNotExists whether an existing constraint of the same name must be left alone
     */
    public void addForeignKey(SqlBuilder b, ForeignKey fk, boolean ifNotExists) {
        addForeignKey(b, fk);
    }

    /**
     * Renders {@code ALTER TABLE t DROP CONSTRAINT fk}, used before dropping tables in a cycle.
     *
     * @param b the builder
     * @param fk the foreign key
     */
    public void dropForeignKey(SqlBuilder b, ForeignKey fk) {
        b.append("ALTER TABLE ").visit(fk.column().table()).append(" DROP CONSTRAINT ").identifier(fk.name());
    }

    /**
     * Renders {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns)}.
     *
     * @param b the builder
     * @param index the index
     * @param ifNotExists whether to add IF NOT EXISTS
     */
    public void createIndex(SqlBuilder b, Index index, boolean ifNotExists) {
        b.append(index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        if (ifNotExists) b.append("IF NOT EXISTS ");
        b.identifier(index.name()).append(" ON ").visit(index.table()).append(" (");
        appendNames(b, index.columns());
        b.append(')');
    }

    /**
     * Renders {@code DROP TABLE [IF EXISTS] name}.
     *
     * @param b the builder
     * @param table the table
     * @param ifExists whether to add IF EXISTS
     */
    public void dropTable(SqlBuilder b, Table table, boolean ifExists) {
        b.append("DROP TABLE ");
        if (ifExists) b.append("IF EXISTS ");
        b.visit(table);
    }

    /**
     * Appends the quoted names of columns separated by {@code ", "}.
     *
     * @param b the builder
     * @param columns the columns
     */
    protected static void appendNames(SqlBuilder b, List<Column<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) b.append(", ");
            b.identifier(columns.get(i).name());
        }
    }
}
