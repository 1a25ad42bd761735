package dev.quarry.dsl.spi;

import java.util.Map;

/**
 * Connection-pool defaults a dialect asks for a given JDBC URL.
 *
 * @param maximumPoolSize the largest number of pooled connections, at least 1 (an in-memory SQLite
 *                        database must use 1: every connection would otherwise open its own database)
 * @param keepConnectionsForever when true, pooled connections are never retired by age or idleness
 *                               (needed where the database lives only as long as its connection)
 * @param driverProperties properties passed to the JDBC driver with every new connection; unmodifiable
 */
public record PoolSettings(int maximumPoolSize, boolean keepConnectionsForever, Map<String, String> driverProperties) {
    /**
     * @param maximumPoolSize the largest number of pooled connections, at least 1
     * @param keepConnectionsForever whether connections are never retired
     * @param driverProperties properties for the JDBC driver
     * @throws IllegalArgumentException if {@code maximumPoolSize < 1}
     */
    public PoolSettings {
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize cannot be less than 1, was " + maximumPoolSize);
        }
        driverProperties = Map.copyOf(driverProperties);
    }

    /** @return HikariCP's defaults: 10 connections, retired after 30 minutes, no driver properties */
    public static PoolSettings defaults() {
        return new PoolSettings(10, false, Map.of());
    }
}
