package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.dsl.spi.TextMatch;

/**
 * {@code field [NOT] LIKE ?} for {@code like(pattern)}, and the literal text tests of
 * {@code startsWith}, {@code endsWith} and {@code contains} ({@code match} set): by default
 * {@code field LIKE ? ESCAPE '!'} with the literal text's wildcards escaped at render time with the
 * dialect's escape character (without the ESCAPE clause where the dialect's LIKE escapes with it by
 * itself), or, where the dialect's LIKE is not literal and case-sensitive, the dialect's own rendering
 * ({@link dev.quarry.dsl.spi.Renderer#textMatch}). A pattern or text with NUL or an unpaired surrogate
 * fails with a {@link DataException} (22021) when the condition is made.
 *
 * @param field the tested expression
 * @param text the pattern of {@code like}, or the literal text of a text test
 * @param match the text test, or null for {@code like(pattern)}
 * @param negated NOT LIKE (only {@code like} patterns)
 */
record LikeCondition(Field<?> field, String text, TextMatch match, boolean negated) implements Condition, CacheKeyed {

    static LikeCondition raw(Field<?> field, String pattern, boolean negated) {
        if (pattern == null) throw new IllegalArgumentException("like(null) on " + Param.describe(field));
        DataType.text().requireRepresentable(pattern, "like on " + Param.describe(field));
        return new LikeCondition(field, pattern, null, negated);
    }

    static LikeCondition literal(Field<?> field, TextMatch match, String text) {
        if (text == null) {
            throw new IllegalArgumentException(method(match) + "(null) on " + Param.describe(field));
        }
        DataType.text().requireRepresentable(text, method(match) + " on " + Param.describe(field));
        return new LikeCondition(field, text, match, false);
    }

    private static String method(TextMatch match) {
        return switch (match) {
            case STARTS_WITH -> "startsWith";
            case ENDS_WITH -> "endsWith";
            case CONTAINS -> "contains";
        };
    }

    @Override
    public void renderTo(SqlBuilder b) {
        if (match != null && b.renderer().rendersTextMatch()) {
            b.renderer().textMatch(b, match, field, textParameter());
            return;
        }
        Junction.operand(b, field);
        b.append(negated ? " NOT LIKE " : " LIKE ");
        if (match == null) {
            b.bind(text, DataType.text(), this, 0);
            return;
        }
        char esc = b.renderer().likeEscapeCharacter();
        b.bind(escapedPattern(esc), DataType.text(), this, 0);
        if (b.renderer().likeEscapeClause()) b.append(" ESCAPE '").append(esc).append('\'');
    }

    /** The bind parameter of the literal text, for {@code Renderer.textMatch}: every rendering binds the one slot. */
    private QueryPart textParameter() {
        return b -> b.bind(text, DataType.text(), this, 0);
    }

    /** The pattern of a text test as LIKE: the literal text with %, _ and the escape character escaped, and the wildcards around it. */
    String escapedPattern(char esc) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        if (match != TextMatch.STARTS_WITH) pattern.append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == esc) pattern.append(esc);
            pattern.append(c);
        }
        if (match != TextMatch.ENDS_WITH) pattern.append('%');
        return pattern.toString();
    }

    // ---- compiled-SQL cache ----

    /**
     * The shape: negation, the text test, and which rendering the dialect gives it (its own, or LIKE
     * with its escape character). The slot is the value bound: the pattern (escaped as rendered) for
     * LIKE, the literal text for the dialect's own rendering, which binds it as often as it needs.
     */
    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(LikeCondition.class).add(negated).add(match).visit(field);
        if (match == null) {
            key.add("like");
            key.slot(text, DataType.text(), this, 0);
        } else if (key.renderer().rendersTextMatch()) {
            key.add("textMatch");
            key.slot(text, DataType.text(), this, 0);
        } else {
            char esc = key.renderer().likeEscapeCharacter();
            key.add("like escape").add(esc).add(key.renderer().likeEscapeClause());
            key.slot(escapedPattern(esc), DataType.text(), this, 0);
        }
    }
}
