/**
 * The optional mapping layer: records bound to tables, repositories, relations and lazy loading
 * without N+1. Its place in the build; the layer is not written yet. Until it is, the DSL's
 * {@code Select.fetchInto(Class)} fills records by component name.
 */
package dev.quarry.mapping;
