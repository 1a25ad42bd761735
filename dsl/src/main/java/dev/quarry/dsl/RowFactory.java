package dev.quarry.dsl;

/** Makes the row object of a result: a plain {@link Row}, or a typed {@code Record1} ... {@code Record8}. */
@FunctionalInterface
interface RowFactory<R extends Row> {
    R create(RowType type, Object[] values);
}
