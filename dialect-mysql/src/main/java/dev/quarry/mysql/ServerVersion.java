package dev.quarry.mysql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product (MariaDB or MySQL) and version of the server a {@link MysqlDialect} renders for, and the
 * features that depend on them. Immutable.
 *
 * @param mariaDb true for MariaDB, false for MySQL (and servers that call themselves MySQL)
 * @param major the major version, such as 10 or 8
 * @param minor the minor version
 * @param patch the patch version, 0 when the server reports none
 */
record ServerVersion(boolean mariaDb, int major, int minor, int patch) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Reads what {@link java.sql.DatabaseMetaData#getDatabaseProductName()} and
     * {@link java.sql.DatabaseMetaData#getDatabaseProductVersion()} report, such as {@code MariaDB} and
     * {@code 10.11.19-MariaDB-0+deb12u1}, or {@code MySQL} and {@code 8.0.36}. A MariaDB version with
     * the replication prefix {@code 5.5.5-} (MariaDB before 11.0 reports it in the protocol handshake)
     * is read after the prefix.
     *
     * @param productName the product name; may be null
     * @param productVersion the version text; never null
     * @return the server version
     * @throws IllegalArgumentException if the text holds no {@code major.minor} version
     */
    static ServerVersion parse(String productName, String productVersion) {
        if (productVersion == null) throw new IllegalArgumentException("the server reported no version (product " + productName + ")");
        boolean mariaDb = contains(productName, "mariadb") || contains(productVersion, "mariadb");
        String text = mariaDb && productVersion.startsWith("5.5.5-") ? productVersion.substring("5.5.5-".length()) : productVersion;
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("cannot read a version major.minor[.patch] from '" + productVersion
                    + "' (product " + productName + ")");
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new ServerVersion(mariaDb, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part);
    }

    /**
     * @param major a major version
     * @param minor a minor version
     * @param patch a patch version
     * @return whether this version is the given one or later (the product is not compared)
     */
    boolean atLeast(int major, int minor, int patch) {
        if (this.major != major) return this.major > major;
        if (this.minor != minor) return this.minor > minor;
        return this.patch >= patch;
    }

    /** @return {@code MariaDB} or {@code MySQL} */
    String product() { return mariaDb ? "MariaDB" : "MySQL"; }

    /** @return the version as {@code major.minor.patch} */
    String version() { return major + "." + minor + "." + patch; }

    /** {@code INSERT ... RETURNING}: MariaDB 10.5.0 and later (MariaDB manual, "INSERT...RETURNING"); never MySQL. */
    boolean insertReturning() { return mariaDb && atLeast(10, 5, 0); }

    /** {@code DELETE ... RETURNING}: MariaDB 10.0.5 and later (MariaDB manual, "DELETE", RETURNING); never MySQL. */
    boolean deleteReturning() { return mariaDb && atLeast(10, 0, 5); }

    /**
     * CHECK constraints that are enforced: MariaDB 10.2.1 (MariaDB manual, "CONSTRAINT") and MySQL 8.0.16
     * (MySQL 8.0 manual, 15.1.20.6 "CHECK Constraints"); older servers parse and ignore them.
     */
    boolean enforcesChecks() { return mariaDb ? atLeast(10, 2, 1) : atLeast(8, 0, 16); }

    /**
     * A column DEFAULT that is an expression in parentheses, also on TEXT, BLOB and JSON columns: MariaDB
     * 10.2.1 (MariaDB manual, "CREATE TABLE", DEFAULT) and MySQL 8.0.13 (MySQL 8.0 manual, 13.6
     * "Data Type Default Values").
     */
    boolean expressionDefaults() { return mariaDb ? atLeast(10, 2, 1) : atLeast(8, 0, 13); }

    // ---- joins, subqueries, CTEs ----

    /**
     * LATERAL derived tables: MySQL 8.0.14 and later (MySQL 8.0 manual, 15.2.15.9 "Lateral Derived
     * Tables"); MariaDB has none (its parser refuses {@code LATERAL}, checked on 10.11).
     */
    boolean lateral() { return !mariaDb && atLeast(8, 0, 14); }

    /** WITH: MySQL 8.0 (manual, 15.2.20 "WITH") and MariaDB 10.2.1 (MariaDB manual, "WITH"). */
    boolean cte() { return mariaDb ? atLeast(10, 2, 1) : atLeast(8, 0, 0); }

    /** WITH RECURSIVE: MySQL 8.0 and MariaDB 10.2.2 (MariaDB manual, "Recursive Common Table Expressions Overview"). */
    boolean recursiveCte() { return mariaDb ? atLeast(10, 2, 2) : atLeast(8, 0, 0); }

    /**
     * WITH in front of UPDATE and DELETE: MySQL 8.0 (manual, 15.2.20 "WITH": "at the beginning of SELECT,
     * UPDATE, and DELETE statements"); MariaDB accepts WITH only in front of SELECT (10.11 answers
     * error 1064 for {@code WITH ... UPDATE} and {@code WITH ... DELETE}).
     */
    boolean withInUpdateDelete() { return !mariaDb && atLeast(8, 0, 0); }

    @Override
    public String toString() { return product() + " " + version(); }

    // ---- collation ----

    /**
     * The utf8mb4 collation of Quarry's tables: binary (by code point, case- and accent-sensitive) and
     * NO PAD (trailing spaces count, so {@code 'x '} differs from {@code 'x'} in comparisons, UNIQUE keys and
     * upserts). MariaDB: {@code utf8mb4_nopad_bin} (MariaDB 10.2.2; MariaDB manual, "Supported Character
     * Sets and Collations"). MySQL: {@code utf8mb4_0900_bin} from 8.0.17 (MySQL 8.0 manual, 12.10.1
     * "Unicode Character Sets"); MySQL before 8.0.17 has no binary NO PAD utf8mb4 collation and gets
     * {@code utf8mb4_bin}, which is PAD SPACE (MySQL 8.0 manual, 12.8.5 "The binary Collation Compared to
     * _bin Collations": trailing spaces are ignored in comparisons).
     */
    String binaryCollation() {
        if (mariaDb) return "utf8mb4_nopad_bin";
        return atLeast(8, 0, 17) ? "utf8mb4_0900_bin" : "utf8mb4_bin";
    }

    // ---- set operations, row locking ----

    /** {@code INTERSECT} and {@code EXCEPT}: MariaDB 10.3.0 (MariaDB manual, "INTERSECT"), MySQL 8.0.31 (MySQL 8.0 manual, 15.2.14 "Set Operations"). */
    boolean intersectExcept() { return mariaDb ? atLeast(10, 3, 0) : atLeast(8, 0, 31); }

    /** {@code INTERSECT ALL} and {@code EXCEPT ALL}: MariaDB 10.5.0 (MariaDB manual, "EXCEPT"), MySQL 8.0.31. */
    boolean intersectExceptAll() { return mariaDb ? atLeast(10, 5, 0) : atLeast(8, 0, 31); }

    /**
     * A compound query in parentheses as a side of another: MariaDB 10.4.0 (MariaDB manual, "EXCEPT",
     * Parentheses), MySQL 8.0.22 (MySQL 8.0 manual, 15.2.11 "Parenthesized Query Expressions").
     */
    boolean nestedSetOperations() { return mariaDb ? atLeast(10, 4, 0) : atLeast(8, 0, 22); }

    /**
     * {@code NOWAIT}: MariaDB 10.3.0 (MariaDB manual, "WAIT and NOWAIT"), MySQL 8.0.1 (MySQL 8.0 manual,
     * 17.7.2.4 "Locking Reads"); MySQL's {@code FOR SHARE}, {@code OF} and {@code SKIP LOCKED} came with it.
     */
    boolean noWait() { return mariaDb ? atLeast(10, 3, 0) : atLeast(8, 0, 1); }

    /** {@code SKIP LOCKED}: MariaDB 10.6.0 (MariaDB manual, "SELECT", SKIP LOCKED), MySQL 8.0.1. */
    boolean skipLocked() { return mariaDb ? atLeast(10, 6, 0) : atLeast(8, 0, 1); }

    // ---- window functions and expressions ----

    /**
     * A bind parameter as the count of NTILE and the offset of LAG / LEAD: MySQL 8.0.22 (MySQL 8.0 manual,
     * 14.20.1, "N must be a literal positive integer ... or a parameter marker" since 8.0.22) and MariaDB.
     */
    boolean windowCountParameters() { return mariaDb || atLeast(8, 0, 22); }

    /** The third argument (the default) of LAG and LEAD: MySQL 8.0; MariaDB's grammar has no default. */
    boolean lagLeadDefault() { return !mariaDb; }

    /** {@code CAST(x AS DOUBLE)}: MySQL 8.0.17 (MySQL 8.0 manual, 14.10, CAST) and the MariaDB versions Quarry supports (10.6+). */
    /**
     * Whether the server has {@code innodb_snapshot_isolation} (MariaDB "InnoDB System Variables"): added
     * in MariaDB 10.6.18, 10.11.8, 11.0.6, 11.1.5, 11.2.4 and 11.4.2 (the May 2024 releases), so absent from
     * the 10.7 to 10.10 and 11.3 series and from earlier releases of the others; on by default from 11.6.2.
     * MySQL has no such variable.
     */
    boolean snapshotIsolation() {
        if (!mariaDb) return false;
        if (major == 10) {
            return minor == 6 ? atLeast(10, 6, 18) : minor == 11 && atLeast(10, 11, 8);
        }
        if (major == 11) {
            return switch (minor) {
                case 0 -> atLeast(11, 0, 6);
                case 1 -> atLeast(11, 1, 5);
                case 2 -> atLeast(11, 2, 4);
                case 3 -> false;
                default -> atLeast(11, 4, 2);
            };
        }
        return major > 11;
    }

    boolean castAsDouble() { return mariaDb ? atLeast(10, 6, 0) : atLeast(8, 0, 17); }
}
