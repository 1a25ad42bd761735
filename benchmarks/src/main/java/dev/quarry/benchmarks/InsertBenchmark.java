package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Insert;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.InsertBatching;
import dev.quarry.mysql.MysqlDialect;
import dev.quarry.postgres.PostgresDialect;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.Table;
import dev.quarry.sqlite.SqliteDialect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Inserting 10,000 rows of three columns (VARCHAR, DECIMAL, INTEGER; an identity key) on in-memory SQLite,
 * PostgreSQL and MariaDB on loopback: hand-written JDBC against Quarry, and Quarry's two forms against each
 * other ({@code Insert.execute()} as multi-row VALUES and as a JDBC batch, forced through
 * {@link ForcedBatching}), plus the generated keys. All forms run in one transaction per 10,000 rows, as
 * Quarry does on a {@code Database}; the table is emptied before every invocation. Connections get each
 * dialect's pool settings ({@code reWriteBatchedInserts=true} on PostgreSQL; Connector/J's bulk protocol on
 * MariaDB), the hand-written JDBC included: it uses the same pool.
 *
 * <p>Servers: {@code -Dquarry.bench.postgres=jdbc:postgresql://...} and {@code -Dquarry.bench.mariadb=jdbc:mariadb://...}
 * (defaults: the local servers of the tests); the benchmark works in its own schema / database
 * {@code quarry_bench_insert}, dropped at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InsertBenchmark {
    static final int ROWS = 10_000;
    private static final String SCHEMA = "quarry_bench_insert";

    /** The benchmark's table. */
    static final class Item extends Table {
        static final Item ITEM = new Item();
        final Column<Integer> id = integer("id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 40);
        final Column<BigDecimal> amount = decimal("amount", 8, 2);
        final Column<Integer> qty = integer("qty");
        private Item() { super("bench_item"); }
    }

    /** The same table with the key given by the rows (an INTEGER PRIMARY KEY, a rowid alias on SQLite). */
    static final class KeyedItem extends Table {
        static final KeyedItem KEYED_ITEM = new KeyedItem();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 40);
        final Column<BigDecimal> amount = decimal("amount", 8, 2);
        private KeyedItem() { super("bench_keyed_item"); }
    }

    private static final Item ITEM = Item.ITEM;
    private static final KeyedItem KEYED = KeyedItem.KEYED_ITEM;
    private static final String INSERT_ONE = "INSERT INTO %1$sbench_item%1$s (%1$sname%1$s, %1$samount%1$s, %1$sqty%1$s) VALUES (?, ?, ?)";
    private static final String INSERT_ONE_KEYED = "INSERT INTO %1$sbench_keyed_item%1$s (%1$sid%1$s, %1$sname%1$s, %1$samount%1$s) VALUES (?, ?, ?)";

    /** One row to insert; {@code qty} is the key of the keyed table. */
    record Row(String name, BigDecimal amount, int qty) {}

    /** Which database. */
    @Param({"sqlite", "postgresql", "mariadb"})
    public String database;

    /**
     * Who makes the key: {@code generated}, an identity / auto-increment column (AUTOINCREMENT on SQLite,
     * which updates {@code sqlite_sequence} at the end of every statement), or {@code explicit}, a key
     * given by each row. The generated-keys benchmarks run on {@code generated} only.
     */
    @Param({"generated", "explicit"})
    public String keys;

    private Database quarry;
    private Database valuesForm;
    private Database batchForm;
    private List<Row> rows;
    private String insertOne;
    private String multiRowInsert;

    private String url() {
        return switch (database) {
            case "sqlite" -> "jdbc:sqlite::memory:";
            case "postgresql" -> {
                String base = System.getProperty("quarry.bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                execute(base, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
                yield base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            }
            case "mariadb" -> {
                String base = System.getProperty("quarry.bench.mariadb", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
                execute(base, "DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA);
                yield base.replaceFirst("/test\\?", "/" + SCHEMA + "?");
            }
            default -> throw new IllegalArgumentException(database);
        };
    }

    private Dialect dialect() {
        return switch (database) {
            case "sqlite" -> SqliteDialect.INSTANCE;
            case "postgresql" -> PostgresDialect.INSTANCE;
            default -> MysqlDialect.MARIADB;
        };
    }

    private static void execute(String url, String... sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String each : sql) s.execute(each);
        } catch (SQLException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        String url = url();
        quarry = Database.connect(url);
        // in-memory SQLite: each Database has a database of its own, so each gets the table
        valuesForm = Database.builder(url).dialect(new ForcedBatching(dialect(), InsertBatching.MULTI_ROW_VALUES)).build();
        batchForm = Database.builder(url).dialect(new ForcedBatching(dialect(), InsertBatching.JDBC_BATCH)).build();
        for (Database db : List.of(quarry, valuesForm, batchForm)) {
            Ddl.drop(db, table());
            Ddl.create(db, table());
            if (!database.equals("sqlite")) break;
        }
        rows = IntStream.range(0, ROWS).mapToObj(i -> new Row("item " + i, BigDecimal.valueOf(i % 100_000, 2), keyed() ? i + 1 : i % 50)).toList();
        String q = database.equals("mariadb") ? "`" : "\"";
        insertOne = String.format(keyed() ? INSERT_ONE_KEYED : INSERT_ONE, q);
        StringBuilder sb = new StringBuilder(insertOne);
        for (int i = 1; i < ROWS; i++) sb.append(", (?, ?, ?)");
        multiRowInsert = sb.toString();
    }

    private boolean keyed() {
        return keys.equals("explicit");
    }

    private Table table() {
        return keyed() ? KEYED : ITEM;
    }

    @Setup(Level.Invocation)
    public void emptyTable() {
        for (Database db : List.of(quarry, valuesForm, batchForm)) {
            db.deleteFrom(table()).all().execute();
            if (!database.equals("sqlite")) break;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Ddl.drop(quarry, table());
        quarry.close();
        valuesForm.close();
        batchForm.close();
    }

    private Insert insert(Database db) {
        if (keyed()) {
            return db.insertInto(KEYED, rows, (r, row) -> r.set(KEYED.id, row.qty()).set(KEYED.name, row.name()).set(KEYED.amount, row.amount()));
        }
        return db.insertInto(ITEM, rows, (r, row) -> r.set(ITEM.name, row.name()).set(ITEM.amount, row.amount()).set(ITEM.qty, row.qty()));
    }

    /** Binds one row of the hand-written statements, in the column order of {@link #insertOne}. */
    private void bind(PreparedStatement ps, int first, Row row) throws SQLException {
        if (keyed()) {
            ps.setInt(first, row.qty());
            ps.setString(first + 1, row.name());
            ps.setBigDecimal(first + 2, row.amount());
        } else {
            ps.setString(first, row.name());
            ps.setBigDecimal(first + 1, row.amount());
            ps.setInt(first + 2, row.qty());
        }
    }

    /** A JDBC batch written by hand: one prepared statement, addBatch per row, one executeBatch, in a transaction. */
    @Benchmark
    public int handWrittenJdbcBatch() throws SQLException {
        try (Connection c = quarry.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insertOne)) {
                for (Row row : rows) {
                    bind(ps, 1, row);
                    ps.addBatch();
                }
                int n = ps.executeBatch().length;
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** One 10,000-row VALUES statement written by hand (30,000 parameters, under every dialect's limit). */
    @Benchmark
    public int handWrittenMultiRowValues() throws SQLException {
        try (Connection c = quarry.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(multiRowInsert)) {
            int p = 1;
            for (Row row : rows) {
                bind(ps, p, row);
                p += 3;
            }
            return ps.executeUpdate();
        }
    }

    /** {@code Insert.execute()} in the form the dialect chooses. */
    @Benchmark
    public int quarryExecute() {
        return insert(quarry).execute();
    }

    /** {@code Insert.execute()} forced to multi-row VALUES. */
    @Benchmark
    public int quarryMultiRowValues() {
        return insert(valuesForm).execute();
    }

    /** {@code Insert.execute()} forced to a JDBC batch. */
    @Benchmark
    public int quarryJdbcBatch() {
        return insert(batchForm).execute();
    }

    /**
     * Generated keys written by hand: a JDBC batch with {@code getGeneratedKeys()} where the driver returns
     * them for a batch (pgjdbc, Connector/J); on SQLite, whose driver does not, one execution per row in a
     * transaction, reading each key.
     */
    @Benchmark
    public List<Integer> handWrittenJdbcKeys() throws SQLException {
        if (keyed()) return List.of();
        List<Integer> keys = new ArrayList<>(ROWS);
        try (Connection c = quarry.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insertOne, new String[] {"id"})) {
                for (Row row : rows) {
                    bind(ps, 1, row);
                    if (database.equals("sqlite")) {
                        ps.executeUpdate();
                        try (ResultSet rs = ps.getGeneratedKeys()) {
                            rs.next();
                            keys.add(rs.getInt(1));
                        }
                    } else {
                        ps.addBatch();
                    }
                }
                if (!database.equals("sqlite")) {
                    ps.executeBatch();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        while (rs.next()) keys.add(rs.getInt(1));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
        if (keys.size() != ROWS) throw new IllegalStateException(keys.size() + " keys");
        return keys;
    }

    /** {@code Insert.executeAndGetKeys}: multi-row VALUES ... RETURNING. */
    @Benchmark
    public List<Integer> quarryKeys() {
        if (keyed()) return List.of();
        return insert(quarry).executeAndGetKeys(ITEM.id);
    }
}
