package dev.quarry.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The hostile-string corpus of {@link HostileStringSuite}: the strings of the resource
 * {@value #RESOURCE} (quotes, backslashes, comment markers, statement separators, placeholders of every
 * driver syntax, LIKE wildcards and Quarry's escape character {@code !}, combining marks, emoji,
 * right-to-left and zero-width characters, leading and trailing blanks, control characters, case
 * variants), and long values of 4 KiB to 1 MiB generated from them ({@link #generated()}). No string
 * holds NUL or an unpaired surrogate, which Quarry refuses by design.
 *
 * <p>The resource's format, read by {@link #parse(List)}: UTF-8, one string per line. A line that starts
 * with {@code #} is a comment and an empty line is ignored. In a string, {@code \\} is a backslash,
 * {@code \n} a line feed, {@code \r} a carriage return, {@code \t} a tab, {@code \s} a space,
 * {@code \#} a number sign, <code>&#92;u{X}</code> the code point of hexadecimal value X (1 to 6 digits, neither 0
 * nor a surrogate), and a line that is only {@code \e} is the empty string. Any other backslash
 * sequence, a raw control character (tab included), and a raw space at the end of a line are errors, so that an
 * editor cannot change a string unnoticed.
 */
public final class HostileStrings {
    /** The corpus resource, on the class path. */
    public static final String RESOURCE = "/dev/quarry/testkit/hostile-strings.txt";

    /** The UTF-8 sizes of the generated long values, 4 KiB to 1 MiB. */
    public static final int[] GENERATED_BYTES = {4 * 1024, 64 * 1024, 1024 * 1024};

    private static List<String> corpus;
    private static List<String> generated;

    private HostileStrings() {}

    /**
     * @return the strings of {@value #RESOURCE}, in file order, all distinct; unmodifiable
     * @throws IllegalStateException if the resource is missing or breaks the format
     */
    public static synchronized List<String> corpus() {
        if (corpus == null) {
            try (InputStream in = HostileStrings.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing");
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
                corpus = parse(List.of(text.split("\n", -1)));
            } catch (CharacterCodingException e) {
                throw new IllegalStateException(RESOURCE + " is not UTF-8: " + e, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return corpus;
    }

    /**
     * Parses lines of the corpus format (class comment).
     *
     * @param lines the lines, without line ends
     * @return the strings, in order; unmodifiable
     * @throws IllegalStateException naming the line, for a format error or a string given twice
     */
    public static List<String> parse(List<String> lines) {
        List<String> strings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String s;
            try {
                s = unescape(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("line " + (n + 1) + " of the corpus: " + e.getMessage(), e);
            }
            if (!seen.add(s)) throw new IllegalStateException("line " + (n + 1) + " of the corpus repeats an earlier string");
            strings.add(s);
        }
        return List.copyOf(strings);
    }

    private static String unescape(String line) {
        if (line.equals("\\e")) return "";
        char last = line.charAt(line.length() - 1);
        if (last == ' ' || last == '\t') throw new IllegalArgumentException("a raw blank ends the line; write \\s or \\t");
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                if (Character.isISOControl(c)) throw new IllegalArgumentException("raw control character U+" + hex(c));
                out.append(c);
                continue;
            }
            if (++i == line.length()) throw new IllegalArgumentException("a backslash ends the line");
            char e = line.charAt(i);
            switch (e) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 's' -> out.append(' ');
                case '#' -> out.append('#');
                case 'u' -> {
                    int close = line.indexOf('}', i);
                    if (i + 1 >= line.length() || line.charAt(i + 1) != '{' || close < 0 || close - i - 2 < 1 || close - i - 2 > 6) {
                        throw new IllegalArgumentException("\\u needs {X} with 1 to 6 hex digits");
                    }
                    int cp;
                    try {
                        cp = Integer.parseInt(line.substring(i + 2, close), 16);
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("\\u{" + line.substring(i + 2, close) + "} is not hexadecimal");
                    }
                    if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        throw new IllegalArgumentException("\\u{" + line.substring(i + 2, close) + "} is NUL, a surrogate or past U+10FFFF");
                    }
                    out.appendCodePoint(cp);
                    i = close;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e);
            }
        }
        return out.toString();
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }

    /**
     * Long values, made the same way on every run (a fixed seed): for each size of
     * {@link #GENERATED_BYTES} a text of exactly that many UTF-8 bytes built from corpus strings and
     * code points of every UTF-8 length (1 to 4 bytes, emoji included); then relatives that make the
     * literal text tests exact: the 64 KiB value with one ASCII letter in the middle in the other case (a
     * near miss), and a prefix of at least 50,001 bytes (longer than SQLite's 50,000-byte LIKE pattern
     * limit) and a suffix of about 20,000 bytes of the 1 MiB value, cut at code point boundaries.
     *
     * @return the values, unmodifiable
     */
    public static synchronized List<String> generated() {
        if (generated == null) {
            List<String> pieces = new ArrayList<>();
            for (String s : corpus()) if (!s.isEmpty()) pieces.add(s);
            SplittableRandom random = new SplittableRandom(20_240_611L);
            List<String> values = new ArrayList<>();
            for (int bytes : GENERATED_BYTES) values.add(text(pieces, random, bytes));
            String middle = values.get(1);
            values.add(flipCaseNear(middle, middle.length() / 2));
            String largest = values.get(GENERATED_BYTES.length - 1);
            values.add(prefixOfBytes(largest, 50_001));
            values.add(suffixOfBytes(largest, 20_000));
            generated = List.copyOf(values);
        }
        return generated;
    }

    private static final int[][] RANGES = {
            {0x20, 0x7E}, {0xA0, 0x24F}, {0x370, 0x3FF}, {0x590, 0x6FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3},
            {0xE000, 0xF8FF}, {0x1F300, 0x1F64F}, {0x1D400, 0x1D7FF}, {0x20000, 0x2A6DF}};

    private static String text(List<String> pieces, SplittableRandom random, int bytes) {
        StringBuilder out = new StringBuilder(bytes);
        int size = 0;
        while (size < bytes) {
            String next;
            if (random.nextInt(3) == 0) {
                next = pieces.get(random.nextInt(pieces.size()));
            } else {
                int[] range = RANGES[random.nextInt(RANGES.length)];
                next = new String(Character.toChars(random.nextInt(range[0], range[1] + 1)));
            }
            int length = next.getBytes(StandardCharsets.UTF_8).length;
            if (size + length > bytes) next = "x".repeat(bytes - size);
            out.append(next);
            size += next.getBytes(StandardCharsets.UTF_8).length;
        }
        return out.toString();
    }

    /** The shortest prefix of at least {@code bytes} UTF-8 bytes, ending at a code point boundary. */
    private static String prefixOfBytes(String s, int bytes) {
        int size = 0;
        int i = 0;
        while (size < bytes) {
            int cp = s.codePointAt(i);
            size += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** The shortest suffix of at least {@code bytes} UTF-8 bytes, starting at a code point boundary. */
    private static String suffixOfBytes(String s, int bytes) {
        int size = 0;
        int i = s.length();
        while (size < bytes) {
            int cp = s.codePointBefore(i);
            size += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            i -= Character.charCount(cp);
        }
        return s.substring(i);
    }

    private static String flipCaseNear(String s, int index) {
        for (int i = index; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                char flipped = (char) (c ^ 0x20);
                return s.substring(0, i) + flipped + s.substring(i + 1);
            }
        }
        throw new IllegalStateException("no ASCII letter after index " + index);
    }
}
