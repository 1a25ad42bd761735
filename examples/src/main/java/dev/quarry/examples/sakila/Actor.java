package dev.quarry.examples.sakila;

import dev.quarry.dsl.Dsl;
import dev.quarry.schema.Column;
import dev.quarry.schema.Table;

import java.time.LocalDateTime;

/** Sakila's {@code actor}: the actors that appear in films (200 rows). */
public final class Actor extends Table {
    /** The table. */
    public static final Actor ACTOR = new Actor();

    /** {@code actor_id}, the primary key. */
    public final Column<Integer> actorId = integer("actor_id").primaryKey().autoIncrement();
    /** {@code first_name}, upper case in the data. */
    public final Column<String> firstName = varchar("first_name", 45);
    /** {@code last_name}, upper case in the data; indexed. */
    public final Column<String> lastName = varchar("last_name", 45);
    /** {@code last_update}, defaulting to the current time. */
    public final Column<LocalDateTime> lastUpdate = timestamp("last_update").defaultValue(Dsl.currentTimestamp());

    {
        index("idx_actor_last_name", lastName);
    }

    private Actor() {
        super("actor");
    }
}
