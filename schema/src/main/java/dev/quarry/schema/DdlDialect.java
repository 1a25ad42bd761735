package dev.quarry.schema;

/**
 * Implemented by a {@link dev.quarry.dsl.spi.Dialect} whose DDL differs from the standard: it hands
 * {@link Ddl} its own {@link DdlRenderer}. A dialect without it gets the standard renderer.
 */
public interface DdlDialect {
    /** @return the dialect's DDL renderer; stateless and shared */
    DdlRenderer ddl();
}
