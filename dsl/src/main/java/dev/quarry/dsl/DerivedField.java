package dev.quarry.dsl;

/**
 * A column of a derived table ({@link DerivedTable}) or of a common table expression ({@link Cte}):
 * renders {@code "t"."name"}, typed by the select-list field or declared column it comes from. Its
 * nullability is unknown, so it counts as nullable. Equal when table (by identity), name and type are.
 */
record DerivedField<T>(TableLike table, String name, DataType<T> type) implements TableField<T> {
    @Override
    public boolean isNullable() { return true; }

    @Override
    public boolean hasDefault() { return false; }

    @Override
    public boolean isAutoIncrement() { return false; }

    @Override
    public String qualifiedName() {
        return dev.quarry.dsl.spi.SqlBuilder.qualifier(table) + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
