/**
 * The MySQL / MariaDB dialect (MariaDB Connector/J): its place in the build. The dialect itself, with
 * backtick quoting, AUTO_INCREMENT, ON DUPLICATE KEY UPDATE upsert and vendor-code translation, is not
 * written yet and is not registered for {@link java.util.ServiceLoader}, so
 * {@code Database.connect("jdbc:mariadb:...")} fails with a message saying that no dialect accepts the URL.
 */
package dev.quarry.mysql;
