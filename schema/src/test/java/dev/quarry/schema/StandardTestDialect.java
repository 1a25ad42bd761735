package dev.quarry.schema;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.JdbcBindings;
import dev.quarry.dsl.spi.Renderer;
import dev.quarry.dsl.spi.TypeBinding;

/**
 * A test-only dialect with the SPI's default renderer and bindings and no {@link DdlDialect}, so that
 * {@link Ddl} uses {@link DdlRenderer#STANDARD}. It renders; it never touches a database.
 */
final class StandardTestDialect implements Dialect {
    static final StandardTestDialect INSTANCE = new StandardTestDialect();

    private static final Renderer RENDERER = new Renderer("standard");

    private StandardTestDialect() {}

    @Override
    public String name() { return "standard"; }

    @Override
    public boolean acceptsUrl(String jdbcUrl) { return false; }

    @Override
    public Renderer renderer() { return RENDERER; }

    @Override
    public <T> TypeBinding<T> binding(DataType<T> type) { return JdbcBindings.standard(type); }
}
