package dev.quarry.benchmarks;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.dsl.spi.PoolSettings;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.TypeBinding;
import dev.quarry.schema.DdlDialect;
import dev.quarry.schema.DdlRenderer;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * A dialect that does everything as the dialect it wraps, except the form of many-row inserts, which it
 * forces: so that {@link InsertBenchmark} can measure both forms through Quarry on every database
 * without a public option on {@code Insert}. Every {@link Dialect} method is delegated, including
 * {@link #forServer}, whose result is wrapped again.
 */
final class ForcedBatching implements Dialect, DdlDialect {
    private final Dialect delegate;
    private final InsertBatching form;

    ForcedBatching(Dialect delegate, InsertBatching form) {
        this.delegate = delegate;
        this.form = form;
    }

    @Override public String name() { return delegate.name(); }
    @Override public boolean acceptsUrl(String jdbcUrl) { return delegate.acceptsUrl(jdbcUrl); }
    @Override public Dialect forServer(DatabaseMetaData metaData) throws SQLException {
        return new ForcedBatching(delegate.forServer(metaData), form);
    }
    @Override public Renderer renderer() { return delegate.renderer(); }
    @Override public <T> TypeBinding<T> binding(DataType<T> type) { return delegate.binding(type); }
    @Override public int maxBindParameters() { return delegate.maxBindParameters(); }
    @Override public dev.quarry.dsl.spi.IdentifierLimit identifierLimit() { return delegate.identifierLimit(); }
    @Override public boolean supportsInsertReturning() { return delegate.supportsInsertReturning(); }
    @Override public String driverUrl(String jdbcUrl) { return delegate.driverUrl(jdbcUrl); }
    @Override public PoolSettings poolSettings(String jdbcUrl) { return delegate.poolSettings(jdbcUrl); }
    @Override public void deferForeignKeyChecks(Connection connection) throws SQLException { delegate.deferForeignKeyChecks(connection); }
    @Override public void restoreForeignKeyChecks(Connection connection) throws SQLException { delegate.restoreForeignKeyChecks(connection); }
    @Override public DataAccessException translate(SQLException e, String sql) { return delegate.translate(e, sql); }
    @Override public boolean cursorNeedsTransaction() { return delegate.cursorNeedsTransaction(); }
    @Override public InsertBatching insertBatching(dev.quarry.dsl.TableLike table) { return form; }
    @Override public DdlRenderer ddl() { return ((DdlDialect) delegate).ddl(); }

    @Override
    public String toString() { return delegate + " with " + form; }
}
