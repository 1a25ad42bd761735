package dev.quarry.examples.sakila;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dialects;
import dev.quarry.dsl.spi.Dialect;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The Sakila demo: creates the Sakila tables with Quarry's DDL, loads the bundled CSV data with
 * Quarry's many-row INSERT, and prints seven reports: six built with the Quarry DSL, one read as records through the mapping layer.
 *
 * <pre>
 * java -jar quarry-sakila-demo.jar [--url &lt;jdbc-url&gt;] [--user u] [--password p]
 * </pre>
 *
 * <p>Call {@link #run(String[], PrintStream, PrintStream)} to run it without exiting the JVM.
 */
@Command(name = "sakila-demo", mixinStandardHelpOptions = true, version = "Quarry Sakila demo 0.1.0-SNAPSHOT",
        sortOptions = false,
        description = {
            "Creates the Sakila sample database with Quarry, loads its CSV data and prints reports.",
            "Existing Sakila tables at the URL are dropped first."
        })
public final class SakilaDemo implements Callable<Integer> {
    /** The default JDBC URL: an SQLite file relative to the working directory, deleted at the start of each run. */
    public static final String DEFAULT_URL = "jdbc:sqlite:target/sakila-demo.db";

    /** The headings of the seven reports, in the order they are printed. */
    public static final List<String> REPORT_HEADINGS = List.of(
            "1. The 10 customers who paid the most",
            "2. Revenue per film category",
            "3. The 5 actors with the most films",
            "4. Films never rented",
            "5. Rentals not yet returned, oldest first",
            "6. Transactions: a committed rental and a rolled-back one",
            "7. Customers of store 2, their rentals and films, as records (mapping layer)");

    private static final Path DEFAULT_FILE = Path.of("target", "sakila-demo.db");

    @Option(names = "--url", paramLabel = "<jdbc-url>",
            description = {"JDBC URL of the database (default: ${DEFAULT-VALUE}, an SQLite file relative to the "
                    + "working directory that is deleted and recreated on each run; jdbc:sqlite::memory: keeps "
                    + "everything in memory). jdbc:postgresql:, jdbc:mariadb: and jdbc:mysql: URLs work too; "
                    + "the Sakila tables there are dropped and recreated."})
    private String url = DEFAULT_URL;

    @Option(names = "--user", paramLabel = "<user>", description = "Database user name (none by default).")
    private String user;

    @Option(names = "--password", paramLabel = "<password>", description = "Database password (none by default).")
    private String password;

    private final PrintStream out;
    private final PrintStream err;

    private SakilaDemo(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the demo and exits the JVM with its exit code.
     *
     * @param args the command line, see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the demo without exiting: reports and progress go to {@code out}, errors and usage
     * messages to {@code err}.
     *
     * @param args the command line, see {@code --help}
     * @param out where the reports go
     * @param err where error messages go
     * @return 0 on success (also for {@code --help} and {@code --version}), 1 if the database cannot be
     *         used (no dialect accepts the URL, the default file cannot be replaced, no connection, a
     *         statement fails; a one-line message goes to {@code err}), 2 for a bad command line
     * @throws NullPointerException if an argument is null
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        CommandLine cli = new CommandLine(new SakilaDemo(Objects.requireNonNull(out, "out"), Objects.requireNonNull(err, "err")));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    /**
     * Runs the demo with the parsed options; called by picocli.
     *
     * @return the exit code, 0 or 1
     */
    @Override
    public Integer call() {
        Dialect dialect;
        try {
            dialect = Dialects.forUrl(url);
        } catch (IllegalArgumentException e) {
            err.println("sakila-demo: " + e.getMessage());
            return 1;
        }
        try {
            if (DEFAULT_URL.equals(url)) startFresh();
        } catch (UncheckedIOException e) {
            err.println("sakila-demo: " + e.getMessage());
            return 1;
        }
        StatementCounter counter = new StatementCounter();
        try (Database db = Database.builder(url).user(user).password(password).dialect(dialect).statementListener(counter)
                .build()) {
            out.println("Quarry Sakila demo on " + url + " (dialect " + dialect.name() + ")");
            out.println();
            SakilaLoader.createAndLoad(db, out);
            out.println();
            new SakilaReportPrinter(new SakilaReports(db), counter, out).printAll();
            return 0;
        } catch (DataAccessException e) {
            err.println("sakila-demo: " + e.getMessage());
            return 1;
        }
    }

    /** Deletes the default database file (and SQLite's side files) and creates its directory. */
    private static void startFresh() {
        try {
            Files.createDirectories(DEFAULT_FILE.toAbsolutePath().getParent());
            for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(DEFAULT_FILE + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + DEFAULT_FILE.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
