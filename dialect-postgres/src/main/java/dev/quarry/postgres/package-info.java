/**
 * The PostgreSQL dialect, {@link dev.quarry.postgres.PostgresDialect}: rendering, type bindings (native
 * uuid, json/jsonb, arrays), DDL with identity columns and deferrable foreign keys, and SQLState
 * translation. Registered for {@link java.util.ServiceLoader}, so {@code Database.connect("jdbc:postgresql://...")}
 * picks it.
 */
package dev.quarry.postgres;
