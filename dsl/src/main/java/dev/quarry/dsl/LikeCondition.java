package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

/**
 * {@code field [NOT] LIKE ?}, optionally with {@code ESCAPE}. For startsWith/endsWith/contains the
 * literal part is escaped at render time with the dialect's escape character. A pattern or text with NUL
 * or an unpaired surrogate fails with a {@link DataException} (22021) when the condition is made.
 */
record LikeCondition(Field<?> field, String prefix, String literal, String suffix, boolean negated, boolean escaped)
        implements Condition, CacheKeyed {

    static LikeCondition raw(Field<?> field, String pattern, boolean negated) {
        if (pattern == null) throw new IllegalArgumentException("like(null) on " + Param.describe(field));
        DataType.text().requireRepresentable(pattern, "like on " + Param.describe(field));
        return new LikeCondition(field, "", pattern, "", negated, false);
    }

    static LikeCondition literal(Field<?> field, String prefix, String text, String suffix) {
        if (text == null) throw new IllegalArgumentException("LIKE text is null on " + Param.describe(field));
        DataType.text().requireRepresentable(text, "LIKE text on " + Param.describe(field));
        return new LikeCondition(field, prefix, text, suffix, false, true);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, field);
        b.append(negated ? " NOT LIKE " : " LIKE ");
        if (!escaped) {
            b.bind(literal, DataType.text(), this, 0);
            return;
        }
        char esc = b.renderer().likeEscapeCharacter();
        b.bind(escapedPattern(esc), DataType.text(), this, 0).append(" ESCAPE '").append(esc).append('\'');
    }

    // ---- compiled-SQL cache (issue 5) ----

    /** The pattern of an escaped LIKE: the literal with %, _ and the escape character escaped. */
    String escapedPattern(char esc) {
        StringBuilder pattern = new StringBuilder(prefix.length() + literal.length() + suffix.length() + 4).append(prefix);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '%' || c == '_' || c == esc) pattern.append(esc);
            pattern.append(c);
        }
        return pattern.append(suffix).toString();
    }

    /** Negation, escaping and the affixes are the shape; the pattern (escaped as rendered) is the slot. */
    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(LikeCondition.class).add(negated).add(escaped).add(prefix).add(suffix).visit(field);
        if (!escaped) {
            key.slot(literal, DataType.text(), this, 0);
        } else {
            char esc = key.renderer().likeEscapeCharacter();
            key.add(esc);
            key.slot(escapedPattern(esc), DataType.text(), this, 0);
        }
    }
}
