package dev.quarry.dsl;

import java.util.List;

/**
 * The half-built {@code INSERT INTO t (columns)} of {@code db.insertInto(table, columns...)}, completed
 * by {@link #select(Select)}: {@code INSERT INTO t (columns) SELECT ...}. Immutable.
 */
public final class InsertSelectStep {
    private final Executor executor;
    private final TableLike table;
    private final List<TableField<?>> columns;

    private InsertSelectStep(Executor executor, TableLike table, List<TableField<?>> columns) {
        this.executor = executor;
        this.table = table;
        this.columns = columns;
    }

    static InsertSelectStep create(Executor executor, TableLike table, TableField<?>... columns) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        if (columns == null) throw new IllegalArgumentException("INSERT INTO " + table.name() + ": columns null");
        List<TableField<?>> list = columns.length == 0 ? List.copyOf(table.fields()) : checkColumns(table, columns);
        for (TableField<?> c : table.fields()) {
            if (!c.isNullable() && !c.hasDefault() && !c.isAutoIncrement() && !list.contains(c)) {
                throw new IllegalArgumentException("INSERT INTO " + table.name() + " does not set column " + c.qualifiedName()
                        + ", which is NOT NULL and has no default");
            }
        }
        return new InsertSelectStep(executor, table, list);
    }

    private static List<TableField<?>> checkColumns(TableLike table, TableField<?>[] columns) {
        for (int i = 0; i < columns.length; i++) {
            TableField<?> c = columns[i];
            if (c == null) throw new IllegalArgumentException("INSERT INTO " + table.name() + ": column " + (i + 1) + " is null");
            if (c.table() != table) {
                throw new IllegalArgumentException("INSERT INTO " + table.name() + ": column " + c.qualifiedName()
                        + " is not a column of table " + table.name());
            }
            for (int k = 0; k < i; k++) {
                if (columns[k] == c) {
                    throw new IllegalArgumentException("INSERT INTO " + table.name() + ": column " + c.qualifiedName() + " is listed twice");
                }
            }
        }
        return List.of(columns);
    }

    /**
     * Completes the statement with the query whose rows are inserted: {@code INSERT INTO t (c1, c2)
     * SELECT f1, f2 FROM ...} (SQL:2016 section 14.11; PostgreSQL manual, INSERT; SQLite manual,
     * "INSERT"; MySQL 8.0 manual, 15.2.7.1 "INSERT ... SELECT"). The query's field i fills column i. The
     * query may be any SELECT, including a set operation, attached or detached.
     *
     * @param query the rows to insert, with one field per column
     * @return the statement
     * @throws IllegalArgumentException if query is null, its field count differs from the column count,
     *         or a field's Java type cannot fill its column (numbers may fill any numeric column; other
     *         types must be equal); the message names table, column and field
     */
    public InsertSelect select(Select<?> query) {
        if (query == null) throw new IllegalArgumentException("INSERT INTO " + table.name() + " SELECT null");
        List<Field<?>> fields = query.fields();
        String columnNames = columns.stream().map(TableField::name).toList().toString();
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException("INSERT INTO " + table.name() + " " + columnNames + ": " + columns.size() + " column"
                    + (columns.size() == 1 ? "" : "s") + " but the SELECT has " + fields.size() + " field"
                    + (fields.size() == 1 ? " " : "s ") + new RowType(fields).names());
        }
        for (int i = 0; i < fields.size(); i++) {
            Class<?> target = columns.get(i).type().javaType();
            Class<?> source = fields.get(i).type().javaType();
            boolean numbers = Number.class.isAssignableFrom(target) && Number.class.isAssignableFrom(source);
            if (!numbers && !target.isAssignableFrom(source)) {
                throw new IllegalArgumentException("INSERT INTO " + table.name() + ": column " + columns.get(i).qualifiedName() + " ("
                        + target.getSimpleName() + ") cannot take SELECT field " + (i + 1) + ", " + Param.describe(fields.get(i))
                        + " (" + source.getSimpleName() + ")");
            }
        }
        return new InsertSelect(executor, table, columns, query, List.of());
    }
}
