package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/**
 * {@code field [NOT] LIKE ?}, optionally with {@code ESCAPE}. For startsWith/endsWith/contains the
 * literal part is escaped at render time with the dialect's escape character.
 */
record LikeCondition(Field<?> field, String prefix, String literal, String suffix, boolean negated, boolean escaped)
        implements Condition {

    static LikeCondition raw(Field<?> field, String pattern, boolean negated) {
        if (pattern == null) throw new IllegalArgumentException("like(null) on " + Param.describe(field));
        return new LikeCondition(field, "", pattern, "", negated, false);
    }

    static LikeCondition literal(Field<?> field, String prefix, String text, String suffix) {
        if (text == null) throw new IllegalArgumentException("LIKE text is null on " + Param.describe(field));
        return new LikeCondition(field, prefix, text, suffix, false, true);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, field);
        b.append(negated ? " NOT LIKE " : " LIKE ");
        if (!escaped) {
            b.bind(literal, DataType.text());
            return;
        }
        char esc = b.renderer().likeEscapeCharacter();
        StringBuilder pattern = new StringBuilder(prefix.length() + literal.length() + suffix.length() + 4).append(prefix);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '%' || c == '_' || c == esc) pattern.append(esc);
            pattern.append(c);
        }
        pattern.append(suffix);
        b.bind(pattern.toString(), DataType.text()).append(" ESCAPE '").append(esc).append('\'');
    }
}
