package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code language}: the languages a film can be in (6 rows). */
public final class Language extends Table {
    /** The table. */
    public static final Language LANGUAGE = new Language();

    /** {@code language_id}, the primary key. */
    public final Column<Integer> languageId = integer("language_id").primaryKey().autoIncrement();
    /**
     * {@code name}, CHAR(20) as in the Sakila schema: databases that pad CHAR (PostgreSQL) return it
     * blank-padded to 20 characters.
     */
    public final Column<String> name = character("name", 20);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    private Language() {
        super("language");
    }
}
