package dev.quarry.schema;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.TableField;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A typed column of a {@link Table}, made by the table's factories ({@code integer("film_id")}) and
 * refined by options that each return a new column replacing the previous one in the table:
 *
 * <pre>{@code
 * public final Column<Integer> filmId = integer("film_id").primaryKey().autoIncrement();
 * public final Column<Integer> length = smallint("length").nullable();
 * }</pre>
 *
 * <p>Columns are NOT NULL unless declared {@link #nullable()}. Options may only be called while the
 * table is being constructed; a column is immutable and thread-safe afterwards. Columns are compared
 * by identity.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements TableField<T> {
    private final Table table;
    private final String name;
    private final DataType<T> type;
    private final boolean nullable;
    private final boolean primaryKey;
    private final boolean autoIncrement;
    private final boolean unique;
    private final Field<T> defaultValue;
    private final ForeignKey foreignKey;
    private final Condition check;
    private final String collation;

    Column(Table table, String name, DataType<T> type) {
        this(table, name, type, false, false, false, false, null, null, null, null);
    }

    private Column(Table table, String name, DataType<T> type, boolean nullable, boolean primaryKey, boolean autoIncrement,
                   boolean unique, Field<T> defaultValue, ForeignKey foreignKey, Condition check, String collation) {
        this.table = table;
        this.name = name;
        this.type = type;
        this.nullable = nullable;
        this.primaryKey = primaryKey;
        this.autoIncrement = autoIncrement;
        this.unique = unique;
        this.defaultValue = defaultValue;
        this.foreignKey = foreignKey;
        this.check = check;
        this.collation = collation;
    }

    private Column<T> copy(boolean nullable, boolean primaryKey, boolean autoIncrement, boolean unique, Field<T> defaultValue,
                           ForeignKey foreignKey, Condition check) {
        return copy(nullable, primaryKey, autoIncrement, unique, defaultValue, foreignKey, check, collation);
    }

    private Column<T> copy(boolean nullable, boolean primaryKey, boolean autoIncrement, boolean unique, Field<T> defaultValue,
                           ForeignKey foreignKey, Condition check, String collation) {
        Column<T> c = new Column<>(table, name, type, nullable, primaryKey, autoIncrement, unique, defaultValue, null, check, collation);
        Column<T> withFk = foreignKey == null ? c
                : new Column<>(table, name, type, nullable, primaryKey, autoIncrement, unique, defaultValue, foreignKey.withColumn(c),
                        check, collation);
        table.replace(this, withFk);
        return withFk;
    }

    /**
     * Declares this column the table's primary key. For a key of several columns use
     * {@link Table#primaryKey(Column[])} instead.
     *
     * @return the new column
     * @throws IllegalArgumentException if the table already has a primary key, or the column is nullable
     */
    public Column<T> primaryKey() {
        if (nullable) throw new IllegalArgumentException("Column " + qualifiedName() + " is nullable and cannot be a primary key");
        table.checkNoPrimaryKey(this);
        return copy(false, true, autoIncrement, unique, defaultValue, foreignKey, check);
    }

    /**
     * Lets the database generate the value: {@code INTEGER PRIMARY KEY AUTOINCREMENT} on SQLite, an
     * identity column on PostgreSQL, {@code AUTO_INCREMENT} on MySQL. INSERTs may leave the column out.
     *
     * @return the new column
     * @throws IllegalArgumentException if the column is not INTEGER, SMALLINT or BIGINT
     */
    public Column<T> autoIncrement() {
        switch (type.sqlType()) {
            case INTEGER, BIGINT, SMALLINT -> { }
            default -> throw new IllegalArgumentException("Column " + qualifiedName() + " is " + type
                    + "; only integer columns can be auto-increment");
        }
        return copy(nullable, primaryKey, true, unique, defaultValue, foreignKey, check);
    }

    /**
     * Lets the column hold NULL; reading it may then return null.
     *
     * @return the new column
     * @throws IllegalArgumentException if the column is a primary key
     */
    public Column<T> nullable() {
        if (primaryKey) throw new IllegalArgumentException("Column " + qualifiedName() + " is a primary key and cannot be nullable");
        return copy(true, primaryKey, autoIncrement, unique, defaultValue, foreignKey, check);
    }

    /**
     * Adds a UNIQUE constraint on this column alone.
     *
     * @return the new column
     */
    public Column<T> unique() {
        return copy(nullable, primaryKey, autoIncrement, true, defaultValue, foreignKey, check);
    }

    /**
     * Declares a literal DEFAULT. DDL has no bind parameters, so the value is rendered inline by the
     * dialect (strings quoted and escaped).
     *
     * @param value the default, non-null (a nullable column without default already defaults to NULL)
     * @return the new column
     * @throws IllegalArgumentException if value is null or not of the column's type
     * @throws dev.quarry.dsl.DataException if the column cannot hold the value on every dialect, as for a
     *         value written to it ({@link DataType#requireStorable}); a DECIMAL default is rounded to the scale
     */
    public Column<T> defaultValue(T value) {
        if (value == null) throw new IllegalArgumentException("Column " + qualifiedName() + ": default value is null; declare nullable() instead");
        T stored = type.requireStorable(type.cast(value), "Column " + qualifiedName() + " DEFAULT");
        return copy(nullable, primaryKey, autoIncrement, unique, Dsl.value(stored, type), foreignKey, check);
    }

    /**
     * Declares an expression DEFAULT, such as {@code Dsl.currentTimestamp()}.
     *
     * @param expression the default expression; constant (no column references)
     * @return the new column
     * @throws IllegalArgumentException if expression is null
     */
    public Column<T> defaultValue(Field<T> expression) {
        if (expression == null) throw new IllegalArgumentException("Column " + qualifiedName() + ": default expression is null");
        return copy(nullable, primaryKey, autoIncrement, unique, expression, foreignKey, check);
    }

    /**
     * Declares a foreign key to another table's column, with NO ACTION on delete and update.
     *
     * @param target the referenced column (usually a primary key) of a declared table
     * @return the new column
     * @throws IllegalArgumentException if target is null (its table is not initialized yet; use the
     *         {@code Supplier} form) or is not a column of its table
     */
    public Column<T> references(Column<T> target) {
        return references(target, ReferenceAction.NO_ACTION, ReferenceAction.NO_ACTION);
    }

    /**
     * Declares a foreign key with explicit actions.
     *
     * @param target the referenced column
     * @param onDelete what happens when the referenced row is deleted
     * @param onUpdate what happens when the referenced key changes
     * @return the new column
     * @throws IllegalArgumentException if target is null or not a column of its table, or SET NULL is
     *         asked of a NOT NULL column
     */
    public Column<T> references(Column<T> target, ReferenceAction onDelete, ReferenceAction onUpdate) {
        if (target == null) {
            throw new IllegalArgumentException("Column " + qualifiedName() + " references null: the target table is not "
                    + "initialized yet (a cycle between table classes?); use references(() -> TABLE.column)");
        }
        target.checkDeclared("Column " + qualifiedName() + " references");
        return references(() -> target, onDelete, onUpdate);
    }

    /**
     * Declares a foreign key whose target is looked up lazily, for tables that reference each other.
     *
     * @param target supplies the referenced column on first use
     * @param onDelete what happens when the referenced row is deleted
     * @param onUpdate what happens when the referenced key changes
     * @return the new column
     * @throws IllegalArgumentException if SET NULL is asked of a NOT NULL column
     */
    public Column<T> references(Supplier<Column<T>> target, ReferenceAction onDelete, ReferenceAction onUpdate) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        if (!nullable && (onDelete == ReferenceAction.SET_NULL || onUpdate == ReferenceAction.SET_NULL)) {
            throw new IllegalArgumentException("Column " + qualifiedName() + " is NOT NULL; its foreign key cannot SET NULL");
        }
        if (foreignKey != null) throw new IllegalArgumentException("Column " + qualifiedName() + " already references a column");
        return copy(nullable, primaryKey, autoIncrement, unique, defaultValue, new ForeignKey(this, target, onDelete, onUpdate), check);
    }

    /**
     * @param target supplies the referenced column on first use
     * @return the new column, with NO ACTION on delete and update
     */
    public Column<T> references(Supplier<Column<T>> target) {
        return references(target, ReferenceAction.NO_ACTION, ReferenceAction.NO_ACTION);
    }

    /**
     * Adds a CHECK constraint on this column: {@code .check(c -> c.ge(0))}.
     *
     * @param condition builds the condition from this column
     * @return the new column
     */
    public Column<T> check(Function<Column<T>, Condition> condition) {
        Condition c = condition.apply(this);
        if (c == null) throw new IllegalArgumentException("Column " + qualifiedName() + ": check condition is null");
        return copy(nullable, primaryKey, autoIncrement, unique, defaultValue, foreignKey, check == null ? c : check.and(c));
    }

    /**
     * Declares the column's collation: the database's rule for comparing and sorting its values (equality,
     * UNIQUE, ORDER BY, and on PostgreSQL and MySQL also LIKE). Without it, Quarry's text columns compare
     * and sort by code point, case-sensitively and with trailing spaces significant, on every dialect
     * (PostgreSQL {@code COLLATE "C"}, MySQL and MariaDB the table's binary NO PAD collation, SQLite
     * {@code BINARY}), so that the same query gives the same rows in the same order everywhere; a named
     * collation gives up that sameness for the database's own rule.
     *
     * <p>Collation names are database-specific and are not translated between dialects: PostgreSQL
     * {@code "und-x-icu"} or {@code "de-DE-x-icu"} (ICU) and {@code "C"} (PostgreSQL manual, 24.2
     * "Collation Support"); MariaDB {@code utf8mb4_unicode_ci}, MySQL 8 {@code utf8mb4_0900_ai_ci}
     * ({@code SHOW COLLATION}); SQLite {@code NOCASE}, {@code RTRIM}, {@code BINARY} (SQLite manual,
     * "Datatypes In SQLite", 7.1). The DDL renders {@code COLLATE name} after the column type: PostgreSQL
     * quotes the name as an identifier (so case matters), MySQL and SQLite write it as it is and accept
     * only names of ASCII letters, digits and underscores (anything else fails when the DDL is rendered,
     * with an {@link IllegalArgumentException} naming the column). The database checks that the collation
     * exists when the table is created. On PostgreSQL, comparing or sorting this column together with a
     * column of another declared collation (Quarry's other text columns are {@code "C"}) needs an explicit
     * COLLATE, which Quarry does not write: it fails with "could not determine which collation to use".
     *
     * @param name the collation's name as the database knows it, not blank
     * @return the new column
     * @throws IllegalArgumentException if name is null, blank or holds control characters, or if the column is
     *         not a text column ({@code varchar}, {@code character}, {@code text}, {@code enumeration})
     */
    public Column<T> collate(String name) {
        switch (type.sqlType()) {
            case VARCHAR, CHAR, TEXT, ENUM -> { }
            default -> throw new IllegalArgumentException("Column " + qualifiedName() + " is " + type
                    + "; only text columns (varchar, character, text, enumeration) take a collation");
        }
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Column " + qualifiedName() + ": collation name "
                    + (name == null ? "null" : "'" + name + "'") + " is blank or holds control characters");
        }
        return copy(nullable, primaryKey, autoIncrement, unique, defaultValue, foreignKey, check, name);
    }

    void checkDeclared(String context) {
        if (!table.isDeclared(this)) {
            throw new IllegalArgumentException(context + " " + qualifiedName()
                    + ", which is not a column of table " + table.name() + " (an intermediate column replaced by a later option?)");
        }
    }

    @Override
    public Table table() { return table; }

    @Override
    public String name() { return name; }

    @Override
    public DataType<T> type() { return type; }

    @Override
    public boolean isNullable() { return nullable; }

    @Override
    public boolean hasDefault() { return defaultValue != null; }

    @Override
    public boolean isAutoIncrement() { return autoIncrement; }

    /** @return whether the column alone is the primary key */
    public boolean isPrimaryKey() { return primaryKey; }

    /** @return whether the column has its own UNIQUE constraint */
    public boolean isUnique() { return unique; }

    /** @return the DEFAULT expression (a literal is a bind-value field), or empty */
    public Optional<Field<T>> defaultValueExpression() { return Optional.ofNullable(defaultValue); }

    /** @return the foreign key of this column, or empty */
    public Optional<ForeignKey> foreignKey() { return Optional.ofNullable(foreignKey); }

    /** @return the column's CHECK condition, or empty */
    public Optional<Condition> checkCondition() { return Optional.ofNullable(check); }

    /** @return the collation declared with {@link #collate(String)}, or empty for the dialect's code-point order */
    public Optional<String> collation() { return Optional.ofNullable(collation); }

    @Override
    public String toString() {
        return qualifiedName() + " " + type + (nullable ? "" : " NOT NULL");
    }

    // ---- joins ----

    /** @return the column this one references through its foreign key ({@link ForeignKey#target()}), or empty */
    @Override
    public Optional<TableField<?>> referencedColumn() {
        return foreignKey().map(ForeignKey::target);
    }
}
