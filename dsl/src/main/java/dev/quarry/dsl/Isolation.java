package dev.quarry.dsl;

import java.sql.Connection;

/**
 * The isolation level of a transaction (SQL:2016 section 4.41.4, "SQL-transaction isolation levels";
 * JDBC's {@code Connection.TRANSACTION_*}). Given through {@link TransactionOptions#isolation}; a
 * transaction without one runs at the server's default (PostgreSQL READ COMMITTED, MySQL/MariaDB
 * REPEATABLE READ, SQLite SERIALIZABLE).
 *
 * <p>What each database makes of a level (the SQL standard allows a stronger level than the one asked
 * for):
 * <ul>
 *   <li>PostgreSQL runs READ UNCOMMITTED as READ COMMITTED, and reports the level asked for
 *       (PostgreSQL manual, 13.2 "Transaction Isolation");</li>
 *   <li>MySQL/MariaDB (InnoDB) runs all four levels;</li>
 *   <li>SQLite is always SERIALIZABLE between connections ("Isolation In SQLite"); READ UNCOMMITTED
 *       turns on {@code PRAGMA read_uncommitted} for the transaction, which lets it read uncommitted
 *       changes only of connections sharing its cache (shared-cache mode), and is SERIALIZABLE
 *       otherwise.</li>
 * </ul>
 */
public enum Isolation {
    /** READ UNCOMMITTED: may see other transactions' uncommitted changes. */
    READ_UNCOMMITTED("READ UNCOMMITTED", Connection.TRANSACTION_READ_UNCOMMITTED),
    /** READ COMMITTED: every statement sees what was committed before it began. */
    READ_COMMITTED("READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED),
    /** REPEATABLE READ: rows read once read the same again (a snapshot on PostgreSQL and InnoDB). */
    REPEATABLE_READ("REPEATABLE READ", Connection.TRANSACTION_REPEATABLE_READ),
    /** SERIALIZABLE: the outcome is that of some serial order of the transactions. */
    SERIALIZABLE("SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE);

    private final String sql;
    private final int jdbcLevel;

    Isolation(String sql, int jdbcLevel) {
        this.sql = sql;
        this.jdbcLevel = jdbcLevel;
    }

    /** @return the level as SQL spells it, such as {@code REPEATABLE READ} */
    public String sql() { return sql; }

    /** @return the JDBC constant, such as {@link Connection#TRANSACTION_REPEATABLE_READ} */
    public int jdbcLevel() { return jdbcLevel; }
}
