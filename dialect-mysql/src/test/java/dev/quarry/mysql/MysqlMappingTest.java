package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.testkit.MappingSuite;
import dev.quarry.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The mapping layer on the real server (MariaDB 10.11 on the local machine), in a database of its own
 * ({@value #DATABASE}, dropped when the JVM exits) unless the server came from the environment.
 */
class MysqlMappingTest extends MappingSuite {
    static final String DATABASE = "quarry_my_mapping";

    @Override
    protected Database openDatabase(StatementListener listener) {
        String server = MyDatabases.url();
        String url = server;
        if (server.equals(TestDatabases.MARIADB_LOCAL)) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
                } catch (SQLException e) {
                    System.err.println("could not drop the test database " + DATABASE + ": " + e.getMessage());
                }
            }, "drop-mapping-database"));
            url = "jdbc:mariadb://127.0.0.1:3306/" + DATABASE + "?user=root";
        }
        return Database.builder(url).statementListener(listener).build();
    }
}
