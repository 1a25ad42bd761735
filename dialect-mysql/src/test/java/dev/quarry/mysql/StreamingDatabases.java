package dev.quarry.mysql;

import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The databases of the streaming and batching suites on the local server, their own because the other
 * suites (and other modules' builds) use the same server at the same time: {@value #BATCH} for
 * {@link MysqlStreamingBatchTest} and {@link Mysql8SqlStreamingBatchTest}, {@value #MEMORY} for
 * {@link MysqlStreamingMemoryTest}. Created if absent and dropped when the JVM exits, as
 * {@link MyDatabases} does; a URL from the environment or a container is used as given.
 */
final class StreamingDatabases {
    /** The streaming and batching suite's database. */
    static final String BATCH = "quarry_my_streambatch";
    /** The million-row memory check's database (it creates no table). */
    static final String MEMORY = "quarry_my_streammem";

    private static final Set<String> CREATED = new LinkedHashSet<>();

    private StreamingDatabases() {}

    private static synchronized void dropAtExit(String url, String database) {
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    synchronized (StreamingDatabases.class) {
                        for (String created : CREATED) s.execute("DROP DATABASE IF EXISTS `" + created + "`");
                    }
                } catch (SQLException e) {
                    System.err.println("could not drop the test databases " + CREATED + ": " + e.getMessage());
                }
            }, "drop-streaming-databases"));
        }
        CREATED.add(database);
    }

    /**
     * @param database {@link #BATCH} or {@link #MEMORY}
     * @return the URL: the environment's or a container's as given, else the local server's database, created if absent
     */
    static String url(String database) {
        String url = MyDatabases.url();
        if (!url.equals(TestDatabases.MARIADB_LOCAL)) return url;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            dropAtExit(url, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + url + ": " + e.getMessage(), e);
        }
        return "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root";
    }
}
