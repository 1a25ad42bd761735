package dev.quarry.schema;

import dev.quarry.dsl.Condition;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.TableLike;
import dev.quarry.dsl.spi.SqlBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The base class of a table declared in code: a final subclass with a singleton instance and
 * {@code public final Column<T>} fields made by the typed factories below.
 *
 * <pre>{@code
 * public final class Film extends Table {
 *     public static final Film FILM = new Film();
 *     public final Column<Integer> filmId = integer("film_id").primaryKey().autoIncrement();
 *     public final Column<String> title = varchar("title", 255);
 *     private Film() { super("film"); }
 * }
 * }</pre>
 *
 * <p>Table-level declarations (a composite primary key, indexes, named checks) go in an instance
 * initializer placed after the column fields: {@code { primaryKey(actorId, filmId); index(filmId); }}.
 *
 * <p>A table is immutable once constructed: the first call of {@link #fields()} (as every statement
 * and DDL makes) seals it, and later declarations fail. Mistakes fail at declaration with a message
 * naming table and column: a duplicate column name, a second primary key, a reference to a null
 * column or to a column that is not part of its table.
 */
public abstract class Table implements TableLike, dev.quarry.dsl.spi.CacheKeyed {
    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private List<Column<?>> primaryKey = List.of();
    private volatile List<Column<?>> sealedColumns;

    /**
     * @param name the table's name in the database, non-blank
     * @throws IllegalArgumentException if name is blank
     */
    protected Table(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("table name must not be blank");
        this.name = name;
    }

    @Override
    public final String name() { return name; }

    /**
     * The columns in declaration order; the first call seals the table.
     *
     * @return the columns, unmodifiable
     */
    @Override
    public final List<Column<?>> fields() {
        List<Column<?>> s = sealedColumns;
        if (s == null) {
            synchronized (this) {
                if (sealedColumns == null) {
                    if (columns.isEmpty()) throw new IllegalStateException("Table " + name + " declares no column");
                    sealedColumns = List.copyOf(columns);
                }
                s = sealedColumns;
            }
        }
        return s;
    }

    /** @return the columns, in declaration order (same as {@link #fields()}) */
    public final List<Column<?>> columns() { return fields(); }

    /**
     * @param columnName a column name
     * @return the column of that name, or empty
     */
    public final Optional<Column<?>> column(String columnName) {
        return fields().stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** @return the primary-key columns in key order; empty when the table has no primary key */
    public final List<Column<?>> primaryKeyColumns() {
        fields();
        synchronized (this) {
            if (!primaryKey.isEmpty()) return primaryKey;
        }
        return fields().stream().filter(Column::isPrimaryKey).collect(Collectors.toUnmodifiableList());
    }

    /** @return the declared indexes, unmodifiable */
    public final synchronized List<Index> indexes() {
        fields();
        return List.copyOf(indexes);
    }

    /** @return the table-level CHECK constraints, unmodifiable */
    public final synchronized List<Check> checks() {
        fields();
        return List.copyOf(checks);
    }

    /** @return the foreign keys of all columns, in column order */
    public final List<ForeignKey> foreignKeys() {
        return fields().stream().flatMap(c -> c.foreignKey().stream()).collect(Collectors.toUnmodifiableList());
    }

    // ---- declaration ---------------------------------------------------------------------------

    private synchronized <T> Column<T> add(String columnName, DataType<T> type) {
        checkOpen(columnName);
        if (columnName == null || columnName.isBlank()) {
            throw new IllegalArgumentException("Table " + name + ": column name must not be blank");
        }
        for (Column<?> c : columns) {
            if (c.name().equalsIgnoreCase(columnName)) {
                throw new IllegalArgumentException("Table " + name + ": column " + name + "." + columnName + " is declared twice");
            }
        }
        Column<T> c = new Column<>(this, columnName, type);
        columns.add(c);
        return c;
    }

    synchronized void replace(Column<?> old, Column<?> replacement) {
        checkOpen(old.name());
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == old) {
                columns.set(i, replacement);
                return;
            }
        }
        throw new IllegalStateException("Column " + old.qualifiedName() + " was already replaced by a later option; "
                + "chain options on the newest column");
    }

    synchronized boolean isDeclared(Column<?> c) {
        List<Column<?>> list = sealedColumns != null ? sealedColumns : columns;
        for (Column<?> x : list) if (x == c) return true;
        return false;
    }

    synchronized void checkNoPrimaryKey(Column<?> candidate) {
        List<String> existing = new ArrayList<>();
        for (Column<?> c : columns) if (c.isPrimaryKey()) existing.add(c.name());
        for (Column<?> c : primaryKey) existing.add(c.name());
        if (!existing.isEmpty()) {
            throw new IllegalArgumentException("Table " + name + ": column " + candidate.qualifiedName()
                    + " cannot be a second primary key; the primary key is already " + existing
                    + " (declare a composite key with primaryKey(col1, col2))");
        }
    }

    private void checkOpen(String what) {
        if (sealedColumns != null) {
            throw new IllegalStateException("Table " + name + " is already in use and immutable; cannot declare " + what
                    + " (declare columns in field initializers and the rest in an initializer block)");
        }
    }

    /**
     * Declares a primary key of one or more columns (a composite key), in key order.
     *
     * @param keyColumns the key columns, all of this table and NOT NULL
     * @throws IllegalArgumentException if a primary key is already declared, no column is given, or a
     *         column is nullable or of another table
     */
    protected final synchronized void primaryKey(Column<?>... keyColumns) {
        checkOpen("a primary key");
        if (keyColumns.length == 0) throw new IllegalArgumentException("Table " + name + ": primaryKey() needs at least one column");
        checkNoPrimaryKey(keyColumns[0]);
        checkDistinct(keyColumns, "primary key");
        for (Column<?> c : keyColumns) {
            checkOwn(c, "primary key");
            if (c.isNullable()) throw new IllegalArgumentException("Column " + c.qualifiedName() + " is nullable and cannot be in the primary key");
        }
        primaryKey = List.of(keyColumns);
    }

    /**
     * Declares an index named {@code idx_<table>_<col>_<col>}. A derived name longer than 63 bytes of
     * UTF-8 (PostgreSQL's limit, the strictest) is shortened the same way on every database: its first
     * 54 bytes (whole characters), {@code _} and 8 hex digits of the SHA-256 of the full name, such as
     * {@code idx_order_line_with_a_long_name_customer_reference_and_8caeb5b7} for
     * {@code idx_order_line_with_a_long_name_customer_reference_and_delivery_date}; a name that fits is
     * kept as it is.
     *
     * @param indexColumns the indexed columns, in order
     * @return the index
     * @throws IllegalArgumentException if no column is given, a column is listed twice or is not of this
     *         table, or the table already has an index or a check of the same name (compared ignoring case)
     */
    protected final Index index(Column<?>... indexColumns) {
        return addIndex(null, false, indexColumns);
    }

    /**
     * Declares an index of an explicit name, used exactly as given: a name longer than a database allows
     * ({@link dev.quarry.dsl.spi.Dialect#identifierLimit()}) is refused by {@link Ddl} for that database.
     *
     * @param indexName the index name, non-blank
     * @param indexColumns the indexed columns, in order
     * @return the index
     * @throws IllegalArgumentException if the name is blank, no column is given, a column is listed twice
     *         or is not of this table, or the table already has an index or a check of the same name
     *         (compared ignoring case, as MySQL and SQLite compare index names)
     */
    protected final Index index(String indexName, Column<?>... indexColumns) {
        return addIndex(requireName(indexName, "index"), false, indexColumns);
    }

    /**
     * Declares a unique index named {@code uq_<table>_<col>_<col>}, shortened like the name of
     * {@link #index(Column[])} when it is longer than 63 bytes of UTF-8.
     *
     * @param indexColumns the columns whose combination must be unique
     * @return the index
     * @throws IllegalArgumentException as {@link #index(Column[])}
     */
    protected final Index uniqueIndex(Column<?>... indexColumns) {
        return addIndex(null, true, indexColumns);
    }

    /**
     * Declares a unique index of an explicit name, used exactly as given (see {@link #index(String, Column[])}).
     *
     * @param indexName the index name, non-blank
     * @param indexColumns the columns whose combination must be unique
     * @return the index
     * @throws IllegalArgumentException as {@link #index(String, Column[])}
     */
    protected final Index uniqueIndex(String indexName, Column<?>... indexColumns) {
        return addIndex(requireName(indexName, "index"), true, indexColumns);
    }

    private String requireName(String given, String what) {
        if (given == null || given.isBlank()) throw new IllegalArgumentException("Table " + name + ": " + what + " name must not be blank");
        return given;
    }

    private synchronized Index addIndex(String indexName, boolean unique, Column<?>... indexColumns) {
        checkOpen("an index");
        if (indexColumns.length == 0) throw new IllegalArgumentException("Table " + name + ": an index needs at least one column");
        checkDistinct(indexColumns, "index");
        for (Column<?> c : indexColumns) checkOwn(c, "index");
        String n = indexName != null ? indexName
                : Names.derived((unique ? "uq_" : "idx_") + name + "_"
                        + Arrays.stream(indexColumns).map(Column::name).collect(Collectors.joining("_")));
        for (Index i : indexes) {
            if (i.name().equalsIgnoreCase(n)) {
                throw new IllegalArgumentException("Table " + name + ": index " + n + " is declared twice"
                        + (i.name().equals(n) ? "" : " (as " + i.name() + "; MySQL and SQLite compare index names ignoring case)"));
            }
        }
        for (Check c : checks) {
            if (c.name().equalsIgnoreCase(n)) throw sharedName(c.name(), n);
        }
        Index index = new Index(n, this, Arrays.asList(indexColumns), unique);
        indexes.add(index);
        return index;
    }

    /**
     * Declares a named table-level CHECK constraint over several columns. The name is used exactly as
     * given: a name longer than a database allows ({@link dev.quarry.dsl.spi.Dialect#identifierLimit()})
     * is refused by {@link Ddl} for that database.
     *
     * @param checkName the constraint name, non-blank
     * @param condition the condition on this table's columns
     * @throws IllegalArgumentException if the name is blank, the condition is null, or the table already
     *         has a check or an index of the same name (compared ignoring case)
     */
    protected final synchronized void check(String checkName, Condition condition) {
        checkOpen("a check");
        requireName(checkName, "check");
        if (condition == null) throw new IllegalArgumentException("Table " + name + ": check " + checkName + " has no condition");
        for (Check c : checks) {
            if (c.name().equalsIgnoreCase(checkName)) {
                throw new IllegalArgumentException("Table " + name + ": check " + checkName + " is declared twice"
                        + (c.name().equals(checkName) ? "" : " (as " + c.name() + "; MySQL and MariaDB compare constraint names ignoring case)"));
            }
        }
        for (Index i : indexes) {
            if (i.name().equalsIgnoreCase(checkName)) throw sharedName(checkName, i.name());
        }
        checks.add(new Check(checkName, condition));
    }

    private IllegalArgumentException sharedName(String checkName, String indexName) {
        return new IllegalArgumentException("Table " + name + ": check " + checkName + " and index " + indexName
                + " have the same name (MariaDB keeps the index and constraint names of a table in one namespace, "
                + "and compares them ignoring case)");
    }

    private void checkDistinct(Column<?>[] list, String what) {
        for (int i = 0; i < list.length; i++) {
            for (int j = i + 1; j < list.length; j++) {
                if (list[i] != null && list[i] == list[j]) {
                    throw new IllegalArgumentException("Table " + name + ": " + what + " lists column " + list[i].qualifiedName() + " twice");
                }
            }
        }
    }

    private void checkOwn(Column<?> c, String what) {
        if (c == null) throw new IllegalArgumentException("Table " + name + ": " + what + " column is null");
        if (c.table() != this) {
            throw new IllegalArgumentException("Table " + name + ": " + what + " column " + c.qualifiedName() + " belongs to another table");
        }
        c.checkDeclared("Table " + name + ": " + what + " uses column");
    }

    // ---- column factories ----------------------------------------------------------------------

    /**
     * @param name column name
     * @return an INTEGER column ({@link Integer})
     */
    protected final Column<Integer> integer(String name) { return add(name, DataType.integer()); }

    /**
     * @param name column name
     * @return a BIGINT column ({@link Long})
     */
    protected final Column<Long> bigint(String name) { return add(name, DataType.bigint()); }

    /**
     * @param name column name
     * @return a SMALLINT column ({@link Short})
     */
    protected final Column<Short> smallint(String name) { return add(name, DataType.smallint()); }

    /**
     * @param name column name
     * @param length the maximum number of characters, at least 1
     * @return a VARCHAR(length) column ({@link String})
     */
    protected final Column<String> varchar(String name, int length) { return add(name, DataType.varchar(length)); }

    /**
     * @param name column name
     * @param length the fixed number of characters, at least 1
     * @return a CHAR(length) column ({@link String}); PostgreSQL pads shorter values with blanks
     */
    protected final Column<String> character(String name, int length) { return add(name, DataType.character(length)); }

    /**
     * @param name column name
     * @return a TEXT column ({@link String}) without length limit
     */
    protected final Column<String> text(String name) { return add(name, DataType.text()); }

    /**
     * @param name column name
     * @return a BOOLEAN column ({@link Boolean})
     */
    protected final Column<Boolean> bool(String name) { return add(name, DataType.bool()); }

    /**
     * @param name column name
     * @param precision total digits
     * @param scale digits after the point
     * @return a DECIMAL(precision, scale) column ({@link BigDecimal})
     */
    protected final Column<BigDecimal> decimal(String name, int precision, int scale) {
        return add(name, DataType.decimal(precision, scale));
    }

    /**
     * @param name column name
     * @return a REAL column ({@link Float})
     */
    protected final Column<Float> real(String name) { return add(name, DataType.real()); }

    /**
     * @param name column name
     * @return a DOUBLE PRECISION column ({@link Double})
     */
    protected final Column<Double> doublePrecision(String name) { return add(name, DataType.doublePrecision()); }

    /**
     * @param name column name
     * @return a DATE column ({@link LocalDate})
     */
    protected final Column<LocalDate> date(String name) { return add(name, DataType.date()); }

    /**
     * @param name column name
     * @return a TIMESTAMP column ({@link LocalDateTime}, no zone)
     */
    protected final Column<LocalDateTime> timestamp(String name) { return add(name, DataType.timestamp()); }

    /**
     * @param name column name
     * @return a TIMESTAMP WITH TIME ZONE column ({@link OffsetDateTime})
     */
    protected final Column<OffsetDateTime> timestamptz(String name) { return add(name, DataType.timestamptz()); }

    /**
     * @param name column name
     * @return a UUID column ({@link UUID})
     */
    protected final Column<UUID> uuid(String name) { return add(name, DataType.uuid()); }

    /**
     * @param name column name
     * @return a BLOB column ({@code byte[]})
     */
    protected final Column<byte[]> blob(String name) { return add(name, DataType.blob()); }

    /**
     * @param name column name
     * @return a JSON column ({@link String}: the document's text)
     */
    protected final Column<String> json(String name) { return add(name, DataType.json()); }

    /**
     * @param name column name
     * @return a JSONB column ({@link String}; PostgreSQL normalizes the document)
     */
    protected final Column<String> jsonb(String name) { return add(name, DataType.jsonb()); }

    /**
     * An array column (PostgreSQL); other dialects fail with
     * {@link dev.quarry.dsl.UnsupportedDialectFeatureException} in DDL.
     *
     * @param name column name
     * @param element the element type, such as {@code DataType.text()}
     * @param <E> the element's Java type
     * @return a column of {@code List<E>}
     */
    protected final <E> Column<java.util.List<E>> array(String name, DataType<E> element) { return add(name, DataType.array(element)); }

    /**
     * An enum stored by label (its name, or {@link dev.quarry.dsl.DbEnum#dbName()}) in a VARCHAR as
     * long as the longest label; DDL adds a CHECK that only labels are stored.
     *
     * @param name column name
     * @param enumType the enum class
     * @param <E> the enum type
     * @return the column
     */
    protected final <E extends Enum<E>> Column<E> enumeration(String name, Class<E> enumType) {
        int length = 1;
        DataType<E> probe = DataType.enumeration(enumType, Integer.MAX_VALUE);
        for (E e : enumType.getEnumConstants()) length = Math.max(length, probe.enumLabel(e).length());
        return add(name, DataType.enumeration(enumType, length));
    }

    @Override
    public String toString() {
        return "Table " + name;
    }

    // ---- table aliases ----

    /** The alias an instance made by {@link #as(String)} takes in its constructor (same thread, same class). */
    private static final ThreadLocal<AliasRequest> ALIAS_REQUEST = new ThreadLocal<>();

    private record AliasRequest(Class<?> type, Table original, String alias) {}

    /** Set while Table's constructor runs (field initializers run before the subclass's), so it can stay final. */
    private final AliasRequest aliasOf = takeAliasRequest(this);

    private static AliasRequest takeAliasRequest(Table table) {
        AliasRequest r = ALIAS_REQUEST.get();
        if (r == null || r.type() != table.getClass()) return null;
        ALIAS_REQUEST.remove();
        return r;
    }

    /**
     * A second instance of this table under an alias, for self-joins and for reading one table in
     * several roles: {@code Film f2 = FILM.as("f2")}. Its columns are typed like this table's
     * ({@code f2.title} is a {@code Column<String>}) and render qualified by the alias,
     * {@code "f2"."title"}; the table renders {@code "film" AS "f2"} in FROM and JOIN. It is a different
     * table for the query's scope check, so {@code from(FILM).join(f2)} is allowed, and a column of
     * {@code FILM} is not one of {@code f2}.
     *
     * <p>The instance is made by the subclass's constructor without parameters (it may be private),
     * through reflection. Aliasing an aliased table aliases the table it aliases. An aliased table can
     * be read only: INSERT, UPDATE, DELETE and DDL refuse it.
     *
     * @param alias the alias, non-blank
     * @param <T> the table's own class, such as {@code Film}
     * @return the aliased table, a new instance of this table's class
     * @throws IllegalArgumentException if alias is blank, or the class has no constructor without
     *         parameters (a non-static inner class or a constructor that takes the name)
     * @throws IllegalStateException if the constructor fails or cannot be called
     * @throws ClassCastException if the result is assigned to another table class
     */
    @SuppressWarnings("unchecked")
    public final <T extends Table> T as(String alias) {
        if (alias == null || alias.isBlank()) throw new IllegalArgumentException("Table " + name + ": alias must not be blank");
        Table original = unaliased();
        Class<? extends Table> type = original.getClass();
        java.lang.reflect.Constructor<? extends Table> constructor;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Table " + name + " cannot be aliased as " + alias + ": " + type.getName()
                    + " has no constructor without parameters (Table.as creates the aliased instance with it; "
                    + "a table class must be a top-level or static nested class)", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Table " + name + " cannot be aliased as " + alias + ": the constructor of "
                    + type.getName() + " is not accessible (" + e.getMessage() + ")", e);
        }
        ALIAS_REQUEST.set(new AliasRequest(type, original, alias));
        try {
            Table aliased = constructor.newInstance();
            if (aliased.aliasOf == null || !aliased.name.equals(name)) {
                throw new IllegalStateException("Table " + name + " cannot be aliased as " + alias + ": the constructor of "
                        + type.getName() + " did not create table " + name);
            }
            return (T) aliased;
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("Table " + name + " cannot be aliased as " + alias + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Table " + name + " cannot be aliased as " + alias + ": " + e, e);
        } finally {
            ALIAS_REQUEST.remove();
        }
    }

    /** @return the alias of a table made by {@link #as(String)}, else null */
    @Override
    public final String alias() {
        return aliasOf == null ? null : aliasOf.alias();
    }

    /** @return the table this one aliases, or this table when it has no alias */
    public final Table unaliased() {
        return aliasOf == null ? this : aliasOf.original();
    }

    /** Renders {@code "name"}, or {@code "name" AS "alias"} for an aliased table. */
    @Override
    public void renderTo(SqlBuilder b) {
        b.tableIdentifier(name);
        if (aliasOf != null) b.renderer().tableAlias(b, aliasOf.alias());
    }

    // ---- compiled-SQL cache ----

    /**
     * Adds this table to the compiled-SQL cache's key: its name and alias, all that {@link #renderTo}
     * renders. A subclass that overrides {@code renderTo} is not cached (its statements are rendered in
     * full).
     *
     * @param key the key being built
     */
    @Override
    public void appendCacheKey(dev.quarry.dsl.spi.CacheKey key) {
        key.add(Table.class).add(name).add(alias());
    }
}
