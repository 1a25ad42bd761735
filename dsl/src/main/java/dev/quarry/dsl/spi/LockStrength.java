package dev.quarry.dsl.spi;

/**
 * How strongly a {@code SELECT ... FOR UPDATE | FOR SHARE} locks the rows it reads (PostgreSQL manual,
 * SELECT, "The Locking Clause"; MySQL 8.0 manual, 17.7.2.4 "Locking Reads").
 */
public enum LockStrength {
    /** {@code FOR UPDATE}: an exclusive row lock; other transactions can neither lock nor change the rows. */
    UPDATE,
    /** {@code FOR SHARE}: a shared row lock; others may read-lock the rows too, but not change them. */
    SHARE
}
