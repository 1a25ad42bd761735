/**
 * The PostgreSQL dialect (PostgreSQL JDBC driver): its place in the build. The dialect itself, with
 * RETURNING, ON CONFLICT upsert, native uuid/jsonb/arrays and SQLState translation, is not written yet
 * and is not registered for {@link java.util.ServiceLoader}, so {@code Database.connect("jdbc:postgresql:...")}
 * fails with a message saying that no dialect accepts the URL.
 */
package dev.quarry.postgres;
