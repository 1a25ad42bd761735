package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.dsl.spi.TypeBinding;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an {@link Insert} of more than one row in the form {@link Insert#executionForm} chooses: a JDBC
 * batch of the one-row statement, or multi-row VALUES statements. More than one statement (a batch, or
 * several VALUES chunks) runs on one connection, atomically ({@link Executor#inOneTransaction}).
 */
final class InsertBatch {
    /**
     * Rows handed to the driver per {@code executeBatch()}, which bounds the copy of the bind values the
     * driver keeps; 10,000 rows, the size of the benchmark, go in one call.
     */
    static final int ROWS_PER_EXECUTE_BATCH = 10_000;

    private InsertBatch() {}

    static int execute(Executor e, Insert insert) {
        Dialect d = e.dialect();
        if (insert.executionForm(d) == InsertBatching.JDBC_BATCH) return jdbcBatch(e, insert);
        List<Rendered> chunks = insert.valuesChunks(d, List.of());
        if (chunks.size() == 1) return e.execute(chunks.get(0));
        return e.inOneTransaction(chunks.get(0).sql(), c -> {
            int total = 0;
            for (Rendered r : chunks) total += e.executeOn(c, r);
            return total;
        });
    }

    static <K> List<K> executeAndGetKeys(Executor e, Insert insert, TableField<K> key, boolean viaReturning) {
        List<Rendered> chunks = insert.valuesChunks(e.dialect(), viaReturning ? List.of(key) : List.of());
        if (chunks.size() == 1) return e.executeReturning(chunks.get(0), key, viaReturning);
        return e.inOneTransaction(chunks.get(0).sql(), c -> {
            List<K> keys = new ArrayList<>(insert.rowCount());
            for (Rendered r : chunks) keys.addAll(e.executeReturningOn(c, r, key, viaReturning));
            return keys;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int jdbcBatch(Executor e, Insert insert) {
        Dialect d = e.dialect();
        Rendered first = insert.renderFirstRow(d);
        List<List<Field<?>>> rows = insert.rows();
        int columns = rows.get(0).size();
        DataType<?>[] types = new DataType<?>[columns];
        TypeBinding[] bindings = new TypeBinding[columns];
        for (int i = 0; i < columns; i++) {
            types[i] = ((Param<?>) rows.get(0).get(i)).type();
            bindings[i] = d.binding(types[i]);
        }
        return e.inOneTransaction(first.sql(), c -> {
            long start = System.nanoTime();
            long timeout = e.effectiveTimeout(first.sql());
            int total = 0;
            try (PreparedStatement ps = c.prepareStatement(first.sql())) {
                int pending = 0;
                for (List<Field<?>> row : rows) {
                    for (int i = 0; i < columns; i++) {
                        Param<?> p = (Param<?>) row.get(i);
                        TypeBinding binding = p.type() == types[i] ? bindings[i] : d.binding(p.type());
                        binding.set(ps, i + 1, p.value());
                    }
                    ps.addBatch();
                    if (++pending == ROWS_PER_EXECUTE_BATCH) {
                        total += inserted(e.timed(ps, first.sql(), timeout, ps::executeBatch));
                        pending = 0;
                    }
                }
                if (pending > 0) total += inserted(e.timed(ps, first.sql(), timeout, ps::executeBatch));
            }
            e.logFinished(first, total, start);
            return total;
        });
    }

    /**
     * Sums a batch's update counts. A driver that rewrites the batch (pgjdbc's reWriteBatchedInserts)
     * reports {@link Statement#SUCCESS_NO_INFO} per row; an INSERT without a conflict clause (the only
     * kind sent as a batch) inserts exactly its one row or fails, so that counts as 1.
     */
    private static int inserted(int[] counts) {
        int total = 0;
        for (int count : counts) total += count == Statement.SUCCESS_NO_INFO ? 1 : count;
        return total;
    }
}
