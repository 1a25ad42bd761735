package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code category}: film genres such as Action or Comedy (16 rows). */
public final class Category extends Table {
    /** The table. */
    public static final Category CATEGORY = new Category();

    /** {@code category_id}, the primary key. */
    public final Column<Integer> categoryId = integer("category_id").primaryKey().autoIncrement();
    /** {@code name}. */
    public final Column<String> name = varchar("name", 25);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    private Category() {
        super("category");
    }
}
