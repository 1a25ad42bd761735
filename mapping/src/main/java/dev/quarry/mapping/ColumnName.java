package dev.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column a record component is read from (and, for an entity, written to), where the default
 * rule does not find it. The default rule compares names with underscores removed and case ignored, so
 * that the component {@code customerId} matches the column {@code customer_id} (and {@code CustomerID}).
 *
 * <pre>{@code
 * record Film(int filmId, @ColumnName("title") String name) {}
 * }</pre>
 *
 * The value is compared by the same rule: {@code @ColumnName("last_update")} and
 * {@code @ColumnName("lastUpdate")} are the same. A select list's column alias ({@code field.as("x")})
 * counts as the column's name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ColumnName {
    /** @return the column's name (or alias in the select list), not qualified with a table */
    String value();
}
