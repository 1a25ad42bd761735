/**
 * The MySQL and MariaDB dialect, on MariaDB Connector/J 3: {@link dev.quarry.mysql.MysqlDialect}, the
 * only public type, registered for {@link java.util.ServiceLoader} so that
 * {@code Database.connect("jdbc:mariadb://...")} and {@code jdbc:mysql://...} find it. Backtick
 * quoting, AUTO_INCREMENT, ON DUPLICATE KEY UPDATE upsert, RETURNING where MariaDB has it, DDL with
 * InnoDB and utf8mb4, exact bindings for DATETIME(6), and translation of vendor error codes; the class
 * comments give each rule with its source in the MySQL and MariaDB manuals.
 */
package dev.quarry.mysql;
