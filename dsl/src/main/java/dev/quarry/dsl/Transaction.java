package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The session of one {@link Database#transaction} block: every statement runs on the transaction's
 * connection. Valid only inside the block; any use after the block has returned fails with
 * {@link IllegalStateException}. Not for use by several threads at once.
 */
public final class Transaction implements Session {
    private final Dialect dialect;
    private final Connection connection;
    private final Executor executor;
    private volatile boolean ended;

    Transaction(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.connection = connection;
        this.executor = new Executor(dialect, new Executor.ConnectionSource() {
            @Override public Connection acquire() {
                if (ended) throw new IllegalStateException("this transaction has ended; start a new one with db.transaction(...)");
                return connection;
            }
            @Override public void release(Connection c) {
                // the connection belongs to the transaction until it ends
            }
        });
    }

    void end() { ended = true; }

    @Override
    public Dialect dialect() { return dialect; }

    /**
     * Defers foreign-key checks to the commit of this transaction, so that rows that reference each
     * other (Sakila's store and staff) can be inserted one after the other. On SQLite this is
     * {@code PRAGMA defer_foreign_keys = ON} (SQLite manual, "PRAGMA defer_foreign_keys").
     *
     * @throws UnsupportedDialectFeatureException if the dialect cannot defer checks
     * @throws DataAccessException if the database refuses
     */
    public void deferForeignKeyChecks() {
        if (ended) throw new IllegalStateException("this transaction has ended");
        try {
            dialect.deferForeignKeyChecks(connection);
        } catch (SQLException e) {
            throw dialect.translate(e, null);
        }
    }

    @Override
    public Select select(Field<?>... fields) { return Statements.select(executor, fields, false); }

    @Override
    public Select selectDistinct(Field<?>... fields) { return Statements.select(executor, fields, true); }

    @Override
    public Insert insertInto(TableLike table, Consumer<RowBuilder> row) { return Statements.insert(executor, table, row); }

    @Override
    public <E> Insert insertInto(TableLike table, Iterable<? extends E> items, BiConsumer<RowBuilder, ? super E> row) {
        return Statements.insert(executor, table, items, row);
    }

    @Override
    public Update update(TableLike table) { return Update.create(executor, table); }

    @Override
    public Delete deleteFrom(TableLike table) { return Delete.create(executor, table); }

    @Override
    public List<Row> fetch(Select select) { return select.attach(executor).fetch(); }

    @Override
    public int execute(Rendered statement) { return executor.execute(statement); }
}
