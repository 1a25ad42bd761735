package dev.quarry.dsl;

import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A SQL fragment written by hand with numbered placeholders: {@code lower({0}) || {1}}. The text is
 * split once, when the fragment is made; at render time each placeholder renders its part through the
 * normal renderer, so values stay bind parameters and columns keep their scope check.
 *
 * @param template the template as given, for messages
 * @param texts the text around the placeholders: one more than {@code slots}
 * @param slots the part index of each placeholder, in order of appearance
 * @param parts the parts
 */
record RawSql(String template, List<String> texts, List<Integer> slots, List<QueryPart> parts) implements QueryPart {
    /**
     * Parses a template. {@code {n}} (n a decimal index into {@code parts}) is a placeholder, <code>&#123;&#123;</code>
     * and <code>&#125;&#125;</code> stand for literal braces; anything else in braces, an index out of range, a part
     * that no placeholder uses, a null part and a {@code ?} (a JDBC parameter without a value) are errors.
     *
     * @throws IllegalArgumentException naming the template and what is wrong
     */
    static RawSql parse(String template, QueryPart... parts) {
        if (template == null || template.isBlank()) throw new IllegalArgumentException("a raw SQL template must not be blank");
        if (parts == null) throw new IllegalArgumentException("raw SQL \"" + template + "\": parts is null");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("raw SQL \"" + template + "\": part {" + i + "} is null; "
                        + "a NULL value is Dsl.value(null, type)");
            }
        }
        List<String> texts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        BitSet used = new BitSet(parts.length);
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '?') {
                throw new IllegalArgumentException("raw SQL \"" + template + "\": '?' at " + i + " would be a bind parameter "
                        + "without a value; pass the value as a part, Dsl.value(x), and write {n}");
            }
            if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    text.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("raw SQL \"" + template + "\": unmatched '}' at " + i + "; write }} for a brace");
            }
            if (c != '{') {
                text.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
                continue;
            }
            int close = template.indexOf('}', i);
            String index = close < 0 ? "" : template.substring(i + 1, close);
            if (close < 0 || index.isEmpty() || !index.chars().allMatch(ch -> ch >= '0' && ch <= '9') || index.length() > 9) {
                throw new IllegalArgumentException("raw SQL \"" + template + "\": '{' at " + i + " does not start a placeholder "
                        + "{n}; write {{ for a brace");
            }
            int n = Integer.parseInt(index);
            if (n >= parts.length) {
                throw new IllegalArgumentException("raw SQL \"" + template + "\": placeholder {" + n + "} is out of range; "
                        + parts.length + (parts.length == 1 ? " part was" : " parts were") + " given");
            }
            texts.add(text.toString());
            text.setLength(0);
            slots.add(n);
            used.set(n);
            i = close + 1;
        }
        texts.add(text.toString());
        if (used.cardinality() != parts.length) {
            List<Integer> unused = new ArrayList<>();
            for (int k = 0; k < parts.length; k++) if (!used.get(k)) unused.add(k);
            throw new IllegalArgumentException("raw SQL \"" + template + "\": part" + (unused.size() == 1 ? " " : "s ")
                    + unused + (unused.size() == 1 ? " is" : " are") + " not used by any placeholder");
        }
        return new RawSql(template, List.copyOf(texts), List.copyOf(slots), List.of(parts));
    }

    @Override
    public void renderTo(SqlBuilder b) {
        for (int k = 0; k < slots.size(); k++) {
            b.append(texts.get(k));
            b.visit(parts.get(slots.get(k)));
        }
        b.append(texts.get(texts.size() - 1));
    }

    /** A typed expression written in raw SQL, in parentheses so that it stays one operand. */
    record RawField<T>(RawSql sql, DataType<T> type) implements Field<T> {
        @Override
        public String name() { return "sql"; }

        @Override
        public void renderTo(SqlBuilder b) {
            b.append('(').visit(sql).append(')');
        }
    }

    /** A condition written in raw SQL, in parentheses so that an OR inside it stays inside. */
    record RawCondition(RawSql sql) implements Condition {
        @Override
        public void renderTo(SqlBuilder b) {
            b.append('(').visit(sql).append(')');
        }
    }
}
