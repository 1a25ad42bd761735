package dev.quarry.dsl;

/**
 * A column declared for a common table expression before its query is given, with a name and a type:
 * {@code CteColumn<Integer> id = CteColumn.of("customer_id", DataType.integer())}. Pass it to
 * {@link Dsl#cte(String, CteColumn[])}; {@link Cte#field(CteColumn)} then gives the CTE's typed column.
 * Declared columns render as the CTE's column list, {@code "chain"("customer_id", ...) AS (...)}.
 * Immutable; compared by identity.
 *
 * @param <T> the Java type of the column's values
 */
public final class CteColumn<T> {
    private final String name;
    private final DataType<T> type;

    private CteColumn(String name, DataType<T> type) {
        this.name = name;
        this.type = type;
    }

    /**
     * @param name the column name, non-blank
     * @param type its type; the query's field at the same position must have the same Java type
     * @param <T> the Java type
     * @return the declaration
     * @throws IllegalArgumentException if name is blank or type is null
     */
    public static <T> CteColumn<T> of(String name, DataType<T> type) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a CTE column needs a non-blank name");
        if (type == null) throw new IllegalArgumentException("CTE column " + name + " needs a type");
        return new CteColumn<>(name, type);
    }

    /** @return the column name */
    public String name() { return name; }

    /** @return the column type */
    public DataType<T> type() { return type; }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
