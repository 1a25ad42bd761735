package dev.quarry.examples.sakila;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.RowBuilder;
import dev.quarry.dsl.Transaction;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Creates the Sakila tables with Quarry's DDL and fills them from the CSV files on the class path
 * ({@code /sakila/<table>.csv}) with Quarry's many-row INSERT, all in one transaction.
 *
 * <p>The CSV convention (see {@code sakila/README.md}): RFC 4180, a header line naming the columns,
 * an empty <em>unquoted</em> field is SQL NULL and a quoted {@code ""} is the empty string; timestamps
 * are {@code YYYY-MM-DD HH:MM:SS}, booleans {@code 1}/{@code 0}, BLOBs hexadecimal digits. Error
 * messages count records from 1 for the first line after the header.
 */
public final class SakilaLoader {
    /**
     * The CSV format of the Sakila files: RFC 4180 with the header taken from the first record, an
     * unquoted empty field read as {@code null} and a quoted empty field read as {@code ""}.
     */
    public static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .build();

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private SakilaLoader() {}

    /**
     * Drops the Sakila tables that exist (so that a rerun starts from scratch), creates all of them
     * with their indexes, and loads every CSV file in one transaction.
     *
     * @param db the database
     * @param progress receives one line per table, such as {@code loading payment ... 16049 rows}
     * @return the number of rows inserted per table, in load order, unmodifiable
     * @throws dev.quarry.dsl.DataAccessException if the database refuses a statement; nothing is
     *         loaded then (the tables may exist, empty)
     * @throws IllegalStateException if a CSV file is missing or its header does not match its table
     * @throws IllegalArgumentException if a CSV field cannot be converted to its column's type; the
     *         message names file, record and column
     */
    public static Map<Table, Integer> createAndLoad(Database db, PrintStream progress) {
        createSchema(db);
        return load(db, progress);
    }

    /**
     * Drops the Sakila tables that exist and creates all 15 with their indexes.
     *
     * @param db the database
     * @throws dev.quarry.dsl.DataAccessException if the database refuses a statement
     */
    public static void createSchema(Database db) {
        Table[] tables = Sakila.TABLES.toArray(Table[]::new);
        Ddl.drop(db, tables);
        Ddl.create(db, tables);
    }

    /**
     * Loads every CSV file into its (existing, empty) table, in the order of {@link Sakila#TABLES}, in
     * one transaction whose foreign-key checks are deferred to the commit (store and staff reference
     * each other). Either every row is loaded or none. Auto-increment counters are then restarted after
     * the loaded keys ({@link Ddl#restartIdentities}).
     *
     * @param db the database
     * @param progress receives one line per table
     * @return the number of rows inserted per table, in load order, unmodifiable
     * @throws dev.quarry.dsl.DataAccessException if the database refuses a row
     * @throws IllegalStateException if a CSV file is missing or its header does not match its table
     * @throws IllegalArgumentException if a CSV field cannot be converted to its column's type
     */
    public static Map<Table, Integer> load(Database db, PrintStream progress) {
        Objects.requireNonNull(progress, "progress");
        return db.transaction(tx -> {
            tx.deferForeignKeyChecks();
            Map<Table, Integer> counts = new LinkedHashMap<>();
            for (Table table : Sakila.TABLES) {
                int rows = loadTable(tx, table);
                progress.printf("loading %-13s ... %5d rows%n", table.name(), rows);
                counts.put(table, rows);
            }
            // the CSV rows carry their keys; identity counters that explicit keys do not advance
            // (PostgreSQL) restart after them, so that later inserts without a key get fresh ones
            Ddl.restartIdentities(tx, Sakila.TABLES.toArray(Table[]::new));
            return Collections.unmodifiableMap(counts);
        });
    }

    private static int loadTable(Transaction tx, Table table) {
        String source = resourceName(table);
        List<CSVRecord> records;
        List<Column<?>> columns;
        try (Reader reader = open(source); CSVParser parser = CSV_FORMAT.parse(reader)) {
            columns = columnsOf(table, parser.getHeaderNames(), source);
            records = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) return 0;
        return tx.insertInto(table, records, (row, record) -> fill(row, columns, record, source)).execute();
    }

    /** @return the class-path resource of a table's CSV, such as {@code /sakila/film.csv} */
    static String resourceName(Table table) {
        return "/sakila/" + table.name() + ".csv";
    }

    /**
     * Opens a class-path resource as UTF-8 text.
     *
     * @param resource an absolute resource name such as {@code /sakila/film.csv}
     * @return the reader; the caller closes it
     * @throws IllegalStateException if the resource does not exist
     */
    static Reader open(String resource) {
        InputStream in = SakilaLoader.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("class-path resource " + resource + " not found");
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * Maps a CSV header to the table's columns.
     *
     * @return the column for each header position
     * @throws IllegalStateException if the header names an unknown column, names one twice, or leaves
     *         out a column of the table
     */
    static List<Column<?>> columnsOf(Table table, List<String> header, String source) {
        List<Column<?>> columns = new ArrayList<>(header.size());
        Set<String> seen = new LinkedHashSet<>();
        for (String name : header) {
            Column<?> column = table.column(name).orElseThrow(() -> new IllegalStateException(source + ": header column '"
                    + name + "' is not a column of table " + table.name()));
            if (!seen.add(name)) throw new IllegalStateException(source + ": header names column '" + name + "' twice");
            columns.add(column);
        }
        List<String> missing = table.columns().stream().map(Column::name).filter(n -> !seen.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(source + ": header " + header + " lacks columns " + missing + " of table " + table.name());
        }
        return List.copyOf(columns);
    }

    private static void fill(RowBuilder row, List<Column<?>> columns, CSVRecord record, String source) {
        if (record.size() != columns.size()) {
            throw new IllegalArgumentException(source + ", record " + record.getRecordNumber() + ": " + record.size()
                    + " fields, but the header has " + columns.size());
        }
        for (int i = 0; i < columns.size(); i++) {
            set(row, columns.get(i), record.get(i), source, record);
        }
    }

    private static <T> void set(RowBuilder row, Column<T> column, String text, String source, CSVRecord record) {
        try {
            row.set(column, parse(column.type(), text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ", record " + record.getRecordNumber() + ", column "
                    + column.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Converts one CSV field to a value of a column type.
     *
     * @param type the column type
     * @param text the field; null for SQL NULL
     * @param <T> the Java type
     * @return the value; null when {@code text} is null
     * @throws IllegalArgumentException if the text is not a value of the type (the message quotes it),
     *         or the type is one the Sakila files do not use
     */
    public static <T> T parse(DataType<T> type, String text) {
        if (text == null) return null;
        try {
            Object value = switch (type.sqlType()) {
                case INTEGER -> Integer.valueOf(text);
                case SMALLINT -> Short.valueOf(text);
                case BIGINT -> Long.valueOf(text);
                case VARCHAR, CHAR, TEXT -> text;
                case DECIMAL -> new BigDecimal(text);
                case BOOLEAN -> switch (text) {
                    case "1" -> Boolean.TRUE;
                    case "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + text + "' is not a boolean 1 or 0");
                };
                case TIMESTAMP -> LocalDateTime.parse(text, TIMESTAMP);
                case DATE -> LocalDate.parse(text);
                case ENUM -> type.enumValue(text);
                case BLOB -> HexFormat.of().parseHex(text);
                case REAL, DOUBLE, TIMESTAMPTZ, UUID, JSON, JSONB, ARRAY -> throw new IllegalArgumentException("the Sakila CSV loader does not read "
                        + type + " values");
            };
            return type.cast(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + type + " value: " + e.getMessage(), e);
        }
    }
}
