package dev.quarry.dsl.spi;

/**
 * The longest name (of a table, column, index, constraint, alias, CTE or window) a database keeps as
 * given, counted in bytes of UTF-8 (PostgreSQL) or in characters (MySQL, MariaDB), or no limit
 * (SQLite). A dialect reports it with {@link Dialect#identifierLimit()}; {@link SqlBuilder#identifier}
 * refuses a longer name before anything is sent, so that no name is truncated by the server (PostgreSQL
 * cuts it with only a NOTICE, and two names that share their first bytes then become one). Immutable
 * and thread-safe.
 */
public final class IdentifierLimit {
    /** What a limit counts. */
    public enum Unit {
        /** Bytes of the name encoded in UTF-8 (a supplementary character counts 4, an unpaired surrogate 3). */
        UTF8_BYTES("bytes of UTF-8"),
        /** Unicode code points (a supplementary character, a surrogate pair in Java, counts 1). */
        CHARACTERS("characters");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        /** @return how the unit is named in messages, such as {@code bytes of UTF-8} */
        public String label() { return label; }
    }

    /** No limit (SQLite: "Limits In SQLite" sets none for names, only for a statement's length). */
    public static final IdentifierLimit NONE = new IdentifierLimit(Integer.MAX_VALUE, Unit.CHARACTERS, "no limit");

    private final int max;
    private final Unit unit;
    private final String source;
    /** Names of at most this many UTF-16 chars fit whatever they contain. */
    private final int safeLength;

    private IdentifierLimit(int max, Unit unit, String source) {
        if (max < 1) throw new IllegalArgumentException("an identifier limit must be at least 1, not " + max);
        if (source == null || source.isBlank()) throw new IllegalArgumentException("an identifier limit needs its source");
        this.max = max;
        this.unit = unit;
        this.source = source;
        this.safeLength = unit == Unit.UTF8_BYTES ? max / 3 : max; // a UTF-16 char is at most 3 bytes of UTF-8
    }

    /**
     * @param max the most bytes of UTF-8 a name may have, at least 1
     * @param source where the rule comes from (a manual section), quoted in messages
     * @return the limit
     * @throws IllegalArgumentException if max is below 1 or source is blank
     */
    public static IdentifierLimit utf8Bytes(int max, String source) {
        return new IdentifierLimit(max, Unit.UTF8_BYTES, source);
    }

    /**
     * @param max the most characters (code points) a name may have, at least 1
     * @param source where the rule comes from (a manual section), quoted in messages
     * @return the limit
     * @throws IllegalArgumentException if max is below 1 or source is blank
     */
    public static IdentifierLimit characters(int max, String source) {
        return new IdentifierLimit(max, Unit.CHARACTERS, source);
    }

    /** @return the largest length a name may have, in {@link #unit()}; {@link Integer#MAX_VALUE} for {@link #NONE} */
    public int max() { return max; }

    /** @return what the limit counts */
    public Unit unit() { return unit; }

    /** @return where the rule comes from, as quoted in messages */
    public String source() { return source; }

    /** @return false for {@link #NONE} */
    public boolean isLimited() { return max != Integer.MAX_VALUE; }

    /**
     * Whether a name is within the limit. Allocation-free: a name of at most {@code max} (characters) or
     * {@code max / 3} (bytes of UTF-8) UTF-16 chars fits without counting, and counting stops at the
     * limit.
     *
     * @param name the unquoted name; never null
     * @return true if the database keeps the name as it is
     */
    public boolean fits(String name) {
        int n = name.length();
        if (n <= safeLength) return true;
        if (unit == Unit.CHARACTERS) return name.codePointCount(0, n) <= max;
        return n <= max && utf8Length(name, max) <= max;
    }

    /**
     * @param name the unquoted name; never null
     * @return the name's length in {@link #unit()}
     */
    public int length(String name) {
        return unit == Unit.CHARACTERS ? name.codePointCount(0, name.length()) : utf8Length(name, Integer.MAX_VALUE);
    }

    /**
     * The number of bytes of a text in UTF-8 (RFC 3629): 1 to 3 per UTF-16 char, 4 per surrogate pair;
     * an unpaired surrogate counts 3.
     *
     * @param text the text; never null
     * @return its UTF-8 length in bytes
     */
    public static int utf8Length(CharSequence text) {
        return utf8Length(text, Integer.MAX_VALUE);
    }

    /** Counts UTF-8 bytes, stopping as soon as the count passes {@code stopAbove}. */
    private static int utf8Length(CharSequence text, int stopAbove) {
        int bytes = 0;
        int n = text.length();
        for (int i = 0; i < n && bytes <= stopAbove; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The exception for a name over the limit, for the caller to throw.
     *
     * @param dialectName the dialect's name, such as {@code postgresql}
     * @param what what the name is, naming its table, such as {@code Table film: column "title"}
     * @param name the name
     * @return an {@link IllegalArgumentException} naming what, the name's length, the limit and its source
     */
    public IllegalArgumentException tooLong(String dialectName, String what, String name) {
        return new IllegalArgumentException(what + " is " + length(name) + " " + unit.label() + " long; " + dialectName
                + " allows at most " + max + " " + unit.label() + " in a name (" + source + "): use a shorter name");
    }

    @Override
    public String toString() {
        return isLimited() ? max + " " + unit.label() : "no limit";
    }
}
