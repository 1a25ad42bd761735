package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The session of one {@link Database#transaction} block: every statement runs on the transaction's
 * connection. Valid only inside the block; any use after the block has returned fails with
 * {@link IllegalStateException}. Not for use by several threads at once.
 *
 * <p>{@link #transaction(Function)} nests a block as a savepoint: a failing nested block rolls back to
 * its savepoint and rethrows, and the enclosing block may catch the exception and go on.
 */
public final class Transaction extends SessionSupport {
    private final Dialect dialect;
    private final Connection connection;
    private final EndFlag ended;

    /** The outermost transaction (depth 0) or a nested block (depth 1, 2, ...) on a shared state. */
    Transaction(TransactionState state, int depth) {
        this(state, new EndFlag(state, depth));
    }

    private Transaction(TransactionState state, EndFlag ended) {
        super(new Executor(state.dialect(), new TransactionSource(state, ended), state.log(), state.failures(),
                state.timeoutNanos()));
        this.dialect = state.dialect();
        this.connection = state.connection();
        this.ended = ended;
    }

    /** Whether a transaction or nested block has ended, and the state it shares with the others. */
    private static final class EndFlag {
        volatile boolean value;
        final TransactionState state;
        final int depth;

        EndFlag(TransactionState state, int depth) {
            this.state = state;
            this.depth = depth;
        }
    }

    /** The one connection of the transaction, for every statement of the block; never released to the pool here. */
    private static final class TransactionSource implements Executor.ConnectionSource {
        private final TransactionState state;
        private final EndFlag ended;

        TransactionSource(TransactionState state, EndFlag ended) {
            this.state = state;
            this.ended = ended;
        }

        @Override
        public Connection acquire() {
            if (ended.value) throw new IllegalStateException("this transaction has ended; start a new one with db.transaction(...)");
            state.checkUsable();
            return state.connection();
        }

        @Override
        public void release(Connection c) {
            // the connection belongs to the transaction until it ends
        }

        @Override
        public long deadlineNanos() { return state.deadlineNanos(); }

        @Override
        public boolean isTransaction() { return true; }

        @Override
        public void cursorOpened(LazyResult<?> cursor) { state.cursorOpened(cursor); }

        @Override
        public void cursorClosed(LazyResult<?> cursor) { state.cursorClosed(cursor); }
    }

    private volatile boolean foreignKeyChecksDeferred;

    void end() { ended.value = true; }

    boolean foreignKeyChecksDeferred() { return foreignKeyChecksDeferred; }

    /**
     * Defers foreign-key checks to the commit of this transaction, so that rows that reference each
     * other (Sakila's store and staff) can be inserted one after the other. On SQLite this is
     * {@code PRAGMA defer_foreign_keys = ON} (SQLite manual, "PRAGMA defer_foreign_keys").
     *
     * @throws UnsupportedDialectFeatureException if the dialect cannot defer checks
     * @throws DataAccessException if the database refuses
     */
    public void deferForeignKeyChecks() {
        if (ended.value) throw new IllegalStateException("this transaction has ended");
        try {
            dialect.deferForeignKeyChecks(connection);
            foreignKeyChecksDeferred = true;
        } catch (SQLException e) {
            throw ended.state.failures().translate(e, null);
        }
    }

    /**
     * The transaction's JDBC connection, for plain JDBC next to Quarry inside the block (a setting the
     * DSL lacks, a vendor statement). Do not commit, roll back, close it or change its auto-commit:
     * the block's end does that.
     *
     * @return the connection
     * @throws IllegalStateException if the transaction has ended
     */
    public Connection connection() {
        if (ended.value) throw new IllegalStateException("this transaction has ended");
        return connection;
    }

    /**
     * Runs a block nested in this transaction, as a savepoint ({@code SAVEPOINT quarry_sp_<depth>},
     * SQL:2016 section 17.5): when the block returns, the savepoint is released and its work stays part of
     * this transaction, to be committed or rolled back with it; when the block throws anything, its work
     * is rolled back to the savepoint and the exception is rethrown unchanged, so that the enclosing block
     * may catch it and go on (on PostgreSQL this also ends the "current transaction is aborted" state of a
     * failed statement).
     *
     * <p>A nested block is never retried. A serialization failure or deadlock inside it dooms the whole
     * transaction (InnoDB has then already rolled it back; the SQL standard asks for the whole transaction
     * to run again): every later statement of the transaction rethrows that exception, and the outermost
     * block rolls back and, as its {@link RetryPolicy} allows, runs again. The same holds when a savepoint
     * cannot be set, rolled back to or released (a {@link DataAccessException} carrying that SQL), except
     * that it is not retried.
     *
     * <pre>{@code
     * db.runInTransaction(tx -> {
     *     tx.insertInto(FILM, row -> ...).execute();
     *     try {
     *         tx.runInTransaction(inner -> inner.insertInto(FILM, row -> ...).execute());
     *     } catch (UniqueViolationException e) {
     *         // only the nested insert is undone; the first one commits with tx
     *     }
     * });
     * }</pre>
     *
     * @param block the work; it must use the nested transaction it is given, which ends with the block
     * @param <R> the block's result type
     * @return what the block returned
     * @throws IllegalStateException if this transaction has ended
     * @throws DataAccessException if the savepoint cannot be set or released, or the transaction is doomed
     */
    public <R> R transaction(Function<Transaction, R> block) {
        java.util.Objects.requireNonNull(block, "block");
        if (ended.value) throw new IllegalStateException("this transaction has ended");
        TransactionState state = ended.state;
        return TransactionRunner.nested(state, ended.depth + 1, executor.renderCache(), block, inner -> {
            // a nested block's deferral is a setting of the whole transaction, undone when it ends
            if (inner.foreignKeyChecksDeferred) foreignKeyChecksDeferred = true;
        });
    }

    /**
     * Runs a block that returns nothing nested in this transaction, as {@link #transaction(Function)} does.
     *
     * @param block the work
     * @throws IllegalStateException if this transaction has ended
     * @throws DataAccessException if the savepoint cannot be set or released, or the transaction is doomed
     */
    public void runInTransaction(Consumer<Transaction> block) {
        java.util.Objects.requireNonNull(block, "block");
        transaction(tx -> {
            block.accept(tx);
            return null;
        });
    }

    /**
     * @return whether this transaction (or nested block) can still run statements: true inside its block,
     *         false once the block has returned or thrown
     */
    public boolean isActive() { return !ended.value; }

    /**
     * The database this transaction belongs to, for work that must outlive the block (the mapping layer
     * loads a relation touched after the transaction ended in a short read-only transaction of this
     * database). Valid after the block has ended.
     *
     * @return the database that started this transaction
     */
    public Database database() { return ended.state.database(); }

    /** @return 0 for the outermost transaction, 1 for a block nested in it, and so on */
    public int depth() { return ended.depth; }
}
