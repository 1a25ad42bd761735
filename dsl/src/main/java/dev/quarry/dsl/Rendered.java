package dev.quarry.dsl;

import java.util.List;

/**
 * A statement rendered for one dialect: the SQL text with {@code ?} placeholders and the bind values
 * in placeholder order. Immutable; produced by {@code render(dialect)} without any connection.
 *
 * @param sql the SQL text, never null
 * @param binds the bind values as the Java values given to the DSL (elements may be null), unmodifiable
 * @param bindTypes the {@link DataType} of each bind value, same size as {@code binds}, unmodifiable
 */
public record Rendered(String sql, List<Object> binds, List<DataType<?>> bindTypes) {
    /**
     * @param sql the SQL text
     * @param binds the bind values, in placeholder order
     * @param bindTypes the type of each bind value
     * @throws IllegalArgumentException if {@code binds} and {@code bindTypes} differ in size
     */
    public Rendered {
        if (binds.size() != bindTypes.size()) {
            throw new IllegalArgumentException(binds.size() + " bind values but " + bindTypes.size() + " bind types");
        }
    }

    @Override
    public String toString() {
        return sql + " " + binds;
    }
}
