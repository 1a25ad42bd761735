package dev.quarry.dsl.spi;

/**
 * How {@code Insert.execute()} sends an INSERT of many rows, chosen per dialect by
 * {@link Dialect#insertBatching(dev.quarry.dsl.TableLike)} from JMH measurements (see {@code benchmarks/README.md}, "Inserting
 * 10,000 rows").
 *
 * <p>Either form runs on one connection: on a {@code Database} in a transaction of its own (so the whole
 * insert is atomic, however many statements it takes), in a {@code Transaction} on its connection.
 */
public enum InsertBatching {
    /**
     * Multi-row {@code INSERT ... VALUES (...), (...)} statements, each carrying as many rows as fit under
     * {@link Dialect#maxBindParameters()}.
     */
    MULTI_ROW_VALUES,

    /**
     * One single-row {@code INSERT ... VALUES (?, ...)} prepared once and sent with JDBC batching
     * ({@link java.sql.PreparedStatement#addBatch()} / {@code executeBatch()}), which the driver may
     * rewrite (pgjdbc {@code reWriteBatchedInserts}, MariaDB Connector/J's bulk protocol). Used only when
     * every row binds plain values for the same columns and the INSERT has no ON CONFLICT / ON DUPLICATE
     * KEY, WITH or RETURNING clause; any other INSERT falls back to {@link #MULTI_ROW_VALUES}.
     */
    JDBC_BATCH
}
