package dev.quarry.schema;

import dev.quarry.dsl.spi.IdentifierLimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names Quarry derives for indexes and foreign keys ({@code idx_<table>_<columns>},
 * {@code uq_<table>_<columns>}, {@code fk_<table>_<column>}), made to fit every dialect's identifier
 * limit the same way, so that a table gets the same names on every database.
 */
final class Names {
    /**
     * The longest derived name, in bytes of UTF-8: PostgreSQL's 63 ({@code NAMEDATALEN} - 1, PostgreSQL
     * manual 4.1.1), the strictest limit of the supported databases (63 bytes are at most 63 characters,
     * within MySQL's 64).
     */
    static final int MAX_BYTES = 63;

    /** Hex digits of the hash that ends a shortened name. */
    static final int HASH_DIGITS = 8;

    private Names() {}

    /**
     * A derived name that fits {@link #MAX_BYTES}: the full name when it fits (so every name that fits
     * stays as it always was), else the longest prefix of whole characters of at most 54 bytes, an
     * underscore and the first 8 hex digits (lower case) of the SHA-256 of the full name in UTF-8.
     * Two different full names give different shortened names unless their 32-bit hashes collide, which
     * {@link Ddl#createStatements} detects among the tables created together.
     *
     * @param full the name as derived from table and column names
     * @return the name to use, at most 63 bytes of UTF-8
     */
    static String derived(String full) {
        if (IdentifierLimit.utf8Length(full) <= MAX_BYTES) return full;
        int budget = MAX_BYTES - 1 - HASH_DIGITS;
        int end = 0;
        int bytes = 0;
        while (end < full.length()) {
            int cp = full.codePointAt(end);
            int size = IdentifierLimit.utf8Length(new String(Character.toChars(cp)));
            if (bytes + size > budget) break;
            bytes += size;
            end += Character.charCount(cp);
        }
        return full.substring(0, end) + "_" + hash(full);
    }

    private static String hash(String full) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_DIGITS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing, which every Java platform must provide", e);
        }
    }
}
