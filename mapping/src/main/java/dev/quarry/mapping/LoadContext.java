package dev.quarry.mapping;

import dev.quarry.dsl.Session;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.TransactionOptions;

import java.util.function.Function;

/**
 * Where the relations of the records of one query load, and how: the session the records came from, the
 * strict flag (touching an unloaded relation throws) and the largest IN list of one load query.
 */
final class LoadContext {
    private static final TransactionOptions AFTER_TRANSACTION = TransactionOptions.defaults().readOnly();

    private final Session session;
    private final boolean strict;
    private final int chunkSize;

    /** @param chunkSize the most keys per load query, or 0 for the dialect's bind limit */
    LoadContext(Session session, boolean strict, int chunkSize) {
        this.session = session;
        this.strict = strict;
        this.chunkSize = chunkSize;
    }

    boolean strict() { return strict; }

    /** @return the most keys one load query binds: the chunk size, at most the dialect's bind limit */
    int chunk() {
        int max = session.dialect().maxBindParameters();
        return chunkSize > 0 ? Math.min(chunkSize, max) : max;
    }

    /**
     * Runs load queries on the records' session; when that is a transaction that has ended, in a short
     * read-only transaction of its database instead.
     */
    <R> R run(Function<Session, R> work) {
        if (session instanceof Transaction tx && !tx.isActive()) {
            return tx.database().transaction(AFTER_TRANSACTION, work::apply);
        }
        return work.apply(session);
    }
}
