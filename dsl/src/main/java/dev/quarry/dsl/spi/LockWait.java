package dev.quarry.dsl.spi;

/**
 * What a locking read does when a row is locked by another transaction (PostgreSQL manual, SELECT,
 * "The Locking Clause"; MySQL 8.0 manual, 17.7.2.4 "Locking Read Concurrency with NOWAIT and SKIP
 * LOCKED").
 */
public enum LockWait {
    /** Wait for the lock, up to the server's lock timeout. */
    WAIT,
    /** {@code NOWAIT}: fail at once (PostgreSQL SQLState 55P03, MySQL error 3572, MariaDB error 1205). */
    NOWAIT,
    /** {@code SKIP LOCKED}: leave locked rows out of the result. */
    SKIP_LOCKED
}
