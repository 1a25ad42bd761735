package dev.quarry.examples.sakila;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the console: a header line, a line of dashes, and one line per row, columns
 * separated by two spaces. A column whose cells are all numbers (nulls aside) is right-aligned, header
 * included; other columns are left-aligned. Cells are formatted as: {@code null} as the empty string,
 * {@link BigDecimal} in plain notation, {@link LocalDateTime} as {@code YYYY-MM-DD HH:MM:SS}, anything
 * else with {@code toString()}. Not thread-safe.
 *
 * <pre>{@code
 * String text = new TextTable("title", "rentals").row("ACADEMY DINOSAUR", 23).render();
 * }</pre>
 */
public final class TextTable {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * @param headers the column headings, at least one, none null
     * @throws IllegalArgumentException if there is no heading or one is null
     */
    public TextTable(String... headers) {
        if (headers.length == 0) throw new IllegalArgumentException("a text table needs at least one column");
        for (int i = 0; i < headers.length; i++) {
            if (headers[i] == null) throw new IllegalArgumentException("heading of column " + (i + 1) + " is null");
        }
        this.headers = List.of(headers);
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column; null prints as an empty cell
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row " + Arrays.toString(cells) + " has " + cells.length
                    + " cells but the table has " + headers.size() + " columns " + headers);
        }
        rows.add(cells.clone());
        return this;
    }

    /** @return the number of rows added so far */
    public int rowCount() {
        return rows.size();
    }

    /**
     * @return the table as text: header, dashes and rows, each line ending in {@code \n}; trailing
     *         blanks are removed from every line
     */
    public String render() {
        int n = headers.size();
        int[] widths = new int[n];
        boolean[] numeric = new boolean[n];
        List<String[]> texts = new ArrayList<>(rows.size());
        for (int c = 0; c < n; c++) {
            widths[c] = headers.get(c).length();
            boolean anyNumber = false;
            boolean allNumbers = true;
            for (Object[] row : rows) {
                if (row[c] instanceof Number) anyNumber = true;
                else if (row[c] != null) allNumbers = false;
            }
            numeric[c] = anyNumber && allNumbers;
        }
        for (Object[] row : rows) {
            String[] text = new String[n];
            for (int c = 0; c < n; c++) {
                text[c] = format(row[c]);
                widths[c] = Math.max(widths[c], text[c].length());
            }
            texts.add(text);
        }
        StringBuilder out = new StringBuilder();
        line(out, headers.toArray(String[]::new), widths, numeric);
        String[] dashes = new String[n];
        for (int c = 0; c < n; c++) dashes[c] = "-".repeat(widths[c]);
        line(out, dashes, widths, numeric);
        for (String[] text : texts) line(out, text, widths, numeric);
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths, boolean[] numeric) {
        int start = out.length();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) out.append("  ");
            String pad = " ".repeat(widths[c] - cells[c].length());
            if (numeric[c]) out.append(pad).append(cells[c]);
            else out.append(cells[c]).append(pad);
        }
        int end = out.length();
        while (end > start && out.charAt(end - 1) == ' ') end--;
        out.setLength(end);
        out.append('\n');
    }

    /**
     * @param value a cell value, may be null
     * @return its text as this table prints it
     */
    public static String format(Object value) {
        if (value == null) return "";
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof LocalDateTime t) return TIMESTAMP.format(t);
        return value.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
