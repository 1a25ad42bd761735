/**
 * The optional mapping layer: rows to Java records, records bound to tables (entities) with
 * repositories, relations between entities and lazy loading without N+1 queries. Built on
 * {@code dev.quarry.dsl} and {@code dev.quarry.schema} only.
 */
package dev.quarry.mapping;
