package dev.quarry.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the benchmarks with a short JMH profile and writes {@code benchmarks/RESULTS.md}: per
 * database, every scenario's libraries with score, error and ratio to hand-written JDBC from the same run
 * (jOOQ's {@code getSQL()} for rendering), the statements per operation of the relation scenario, whether
 * each library streamed 1,000,000 rows in a 64 MiB heap, the machine, JDK and versions, and for each of
 * Quarry's execution bars whether it is met or by how much it is missed. Databases whose server does not
 * answer on loopback are left out, and the report says so.
 *
 * <p>The profile: scenarios 1 to 5 with 1 fork, 2 warm-up and 3 measured iterations of 1 s per benchmark;
 * scenario 6 with 1 fork ({@code -Xmx64m}), 1 warm-up and 1 measured single shot. The rendering
 * diagnostics {@code quarryBuildOnly} and {@code quarryCachedRenderOnly} are left out of it (run them with
 * JMH directly). The system property {@code quarry.bench.commandStart} (epoch milliseconds, set by
 * {@code run.sh} before the build) lets the report give the wall time of the whole command.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.quarry.benchmarks.RunBars [output file]}.
 */
public final class RunBars {
    private RunBars() {}

    static final int WARMUP_ITERATIONS = 2;
    static final int MEASUREMENT_ITERATIONS = 3;
    static final int STREAMING_WARMUP_SHOTS = 1;
    static final int STREAMING_MEASURED_SHOTS = 1;

    /** One benchmark's result. */
    record Score(String benchmark, String db, double score, double error, String unit) {}

    /** A scenario: its benchmark class, the methods of the short profile, its baseline method and title. */
    record Scenario(Class<?> type, List<String> methods, String baseline, String title) {
        String name() { return type.getSimpleName(); }
    }

    private static final List<Scenario> SCENARIOS = List.of(
            scenario(PrimaryKeyLookupBenchmark.class, "jdbc", "1. primary-key lookup mapped to a record"),
            scenario(FetchManyBenchmark.class, "jdbc", "2. 10,000 rows fetched into records"),
            new Scenario(RenderBenchmark.class, List.of("jooqBuildAndGetSql", "quarryBuildAndRender", "quarryBuildAndCachedRender"),
                    "jooqBuildAndGetSql", "3. rendering a 3-table join (no database; ratio to jOOQ's `getSQL()`)"),
            scenario(InsertManyBenchmark.class, "jdbcBatch", "4. inserting 10,000 rows"),
            scenario(RelationBenchmark.class, "jdbc", "5. 1,000 parents with their 5,000 children"),
            scenario(StreamingBenchmark.class, "jdbc", "6. streaming 1,000,000 rows, `-Xmx64m`"));

    private static Scenario scenario(Class<?> type, String baseline, String title) {
        List<String> methods = new ArrayList<>();
        for (Method m : type.getMethods()) if (m.isAnnotationPresent(Benchmark.class)) methods.add(m.getName());
        methods.sort(Comparator.comparing((String m) -> !m.equals(baseline)).thenComparingInt(RunBars::rank)
                .thenComparing(Comparator.naturalOrder()));
        return new Scenario(type, List.copyOf(methods), baseline, title);
    }

    private static int rank(String method) {
        if (method.startsWith("jdbc")) return 0;
        if (method.startsWith("quarry")) return 1;
        if (method.startsWith("jooq")) return 2;
        if (method.startsWith("hibernate")) return 3;
        return 4;
    }

    private static final Map<String, String> LIBRARIES = Map.ofEntries(
            Map.entry("jdbc", "hand-written JDBC"),
            Map.entry("jdbcBatch", "hand-written JDBC batch"),
            Map.entry("quarry", "Quarry"),
            Map.entry("quarryDsl", "Quarry DSL, grouped by hand"),
            Map.entry("quarryMapping", "Quarry mapping layer"),
            Map.entry("quarryRecords", "Quarry mapping layer, `Records.byName`"),
            Map.entry("jooq", "jOOQ"),
            Map.entry("hibernate", "Hibernate ORM"),
            Map.entry("jooqBuildAndGetSql", "jOOQ, built + `getSQL()`"),
            Map.entry("quarryBuildAndRender", "Quarry, built + rendered"),
            Map.entry("quarryBuildAndCachedRender", "Quarry, built + warm cache"),
            Map.entry("quarryBuildOnly", "Quarry, built only"),
            Map.entry("quarryCachedRenderOnly", "Quarry, warm cache lookup only"));

    /**
     * @param args optionally the output file (default {@code benchmarks/RESULTS.md}, or {@code RESULTS.md}
     *             when run inside the benchmarks directory)
     * @throws Exception if JMH fails or the file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "RESULTS.md") : Path.of("RESULTS.md");
        List<String> dbs = BenchDatabases.reachableKinds();
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        Path failures = Files.createTempFile("quarry-bench-failures", ".tsv");
        List<Score> scores = new ArrayList<>();
        try {
            Map<String, List<String>> differences = new LinkedHashMap<>();
            for (String db : dbs) {
                try {
                    differences.put(db, SameResults.check(db));
                } catch (Exception | LinkageError e) {
                    differences.put(db, List.of("the check failed: " + e));
                }
            }

            OptionsBuilder main = new OptionsBuilder();
            for (Scenario s : SCENARIOS) {
                if (s.type() == StreamingBenchmark.class) continue;
                for (String m : s.methods()) main.include(Pattern.quote(s.type().getName() + "." + m) + "$");
            }
            main.param("db", dbs.toArray(String[]::new))
                    .forks(1)
                    .warmupIterations(WARMUP_ITERATIONS).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(MEASUREMENT_ITERATIONS).measurementTime(TimeValue.seconds(1))
                    .shouldFailOnError(false);
            Map<String, String> reasons = new HashMap<>();
            collect(run(main, reasons), scores);

            OptionsBuilder streaming = new OptionsBuilder();
            streaming.include(Pattern.quote(StreamingBenchmark.class.getName() + ".") + "\\w+$")
                    .param("db", dbs.toArray(String[]::new))
                    .forks(1)
                    .jvmArgsAppend("-Xmx64m", "-Dquarry.bench.failures=" + failures.toAbsolutePath())
                    .mode(Mode.SingleShotTime)
                    .warmupIterations(STREAMING_WARMUP_SHOTS).warmupBatchSize(1)
                    .measurementIterations(STREAMING_MEASURED_SHOTS).measurementBatchSize(1)
                    .shouldFailOnError(false);
            collect(run(streaming, reasons), scores);

            Map<String, Map<String, Integer>> queries = new LinkedHashMap<>();
            Map<String, String> countFailures = new LinkedHashMap<>();
            for (String db : dbs) {
                try {
                    queries.put(db, RelationBenchmark.countQueries(db));
                } catch (Exception e) {
                    countFailures.put(db, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            double minutes = (System.nanoTime() - started) / 6e10;
            Map<String, String> why = readFailures(failures);
            reasons.forEach(why::putIfAbsent);
            String report = report(scores, dbs, differences, queries, countFailures, why, loadBefore, loadAverage(), minutes);
            Files.writeString(out, report);
            System.out.println(report);
            System.out.println("written to " + out.toAbsolutePath());
        } finally {
            Files.deleteIfExists(failures);
            BenchDatabases.dropAll();
        }
    }

    /**
     * Runs JMH with its usual console output, which is also kept to find why a benchmark failed: the first
     * exception or error named in the output of its run ("method db" to "SimpleName: message").
     */
    private static Collection<RunResult> run(OptionsBuilder options, Map<String, String> reasons) throws RunnerException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override public void write(int b) {
                System.out.write(b);
                captured.write(b);
            }

            @Override public void write(byte[] b, int off, int len) {
                System.out.write(b, off, len);
                captured.write(b, off, len);
            }

            @Override public void flush() {
                System.out.flush();
            }
        }, true, StandardCharsets.UTF_8);
        try {
            return new Runner(options.build(), OutputFormatFactory.createFormatInstance(tee, VerboseMode.NORMAL)).run();
        } finally {
            tee.flush();
            String current = null;
            String method = null;
            for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# Benchmark: ")) {
                    method = line.substring(line.lastIndexOf('.') + 1).trim();
                    current = null;
                } else if (line.startsWith("# Parameters: ") && method != null) {
                    Matcher db = Pattern.compile("db = (\\w+)").matcher(line);
                    current = db.find() ? method + " " + db.group(1) : null;
                } else if (current != null && !reasons.containsKey(current)) {
                    Matcher m = THROWABLE.matcher(line);
                    if (m.find()) {
                        String name = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
                        reasons.put(current, m.group(2) == null ? name : name + ": " + m.group(2).trim());
                    }
                }
            }
        }
    }

    /** An exception or error class named in JMH's output, and the message after it, if any. */
    private static final Pattern THROWABLE = Pattern.compile("((?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error))(?::\\s+(.*))?");

    private static void collect(Collection<RunResult> results, List<Score> scores) {
        for (RunResult r : results) {
            Result<?> p = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            scores.add(new Score(name, r.getParams().getParam("db"), p.getScore(), p.getScoreError(), p.getScoreUnit()));
        }
    }

    /** @return "method db" to the reason it failed, from the file the streaming benchmarks append to */
    private static Map<String, String> readFailures(Path file) {
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3) out.putIfAbsent(parts[0] + " " + parts[1], parts[2]);
            }
        } catch (IOException e) {
            // no reasons then
        }
        return out;
    }

    private static Score find(List<Score> scores, String benchmark, String db) {
        for (Score s : scores) if (s.benchmark().equals(benchmark) && s.db().equals(db)) return s;
        return null;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The ratio a/b and its error, from the relative errors of both (an unknown error counts as 0). */
    private static double[] ratio(Score a, Score b) {
        double r = a.score() / b.score();
        double ea = a.error() / a.score(), eb = b.error() / b.score();
        if (Double.isNaN(ea)) ea = 0;
        if (Double.isNaN(eb)) eb = 0;
        return new double[] {r, r * Math.sqrt(ea * ea + eb * eb)};
    }

    private static String label(String method) {
        return LIBRARIES.getOrDefault(method, method);
    }

    private static String report(List<Score> scores, List<String> dbs, Map<String, List<String>> differences,
                                 Map<String, Map<String, Integer>> queries,
                                 Map<String, String> countFailures, Map<String, String> failures,
                                 String loadBefore, String loadAfter, double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `dev.quarry.benchmarks.RunBars` (see [README.md](README.md), which says what each library is asked to do) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(". ");
        String commandStart = System.getProperty("quarry.bench.commandStart");
        if (commandStart != null && commandStart.matches("\\d+")) {
            double total = (System.currentTimeMillis() - Long.parseLong(commandStart)) / 60_000.0;
            md.append(String.format(Locale.ROOT, "The whole command (`benchmarks/run.sh`: build, benchmarks, this report) took %.1f minutes", total))
                    .append(String.format(Locale.ROOT, ", of which the benchmarks %.1f.", minutes));
        } else {
            md.append(String.format(Locale.ROOT, "The benchmarks took %.1f minutes (run without `run.sh`: no build time).", minutes));
        }
        md.append(" JMH, average time per operation, 1 fork per benchmark and database, ")
                .append(WARMUP_ITERATIONS).append(" warm-up and ").append(MEASUREMENT_ITERATIONS)
                .append(" measured iterations of 1 s (scenario 6: ").append(STREAMING_WARMUP_SHOTS).append(" warm-up and ")
                .append(STREAMING_MEASURED_SHOTS).append(" measured single shot in a JVM with `-Xmx64m`); the error is JMH's 99.9% ")
                .append("confidence half-interval (n/a for a single shot). Short runs on a shared 2-core machine are noisy: ")
                .append("read a ratio together with its error.\n\n");

        md.append("## Machine and versions\n\n");
        md.append("| what | value |\n| --- | --- |\n");
        md.append("| CPU | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores |\n");
        md.append("| memory | ").append(memory()).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append(" |\n");
        md.append("| load average before / after | ").append(loadBefore).append(" / ").append(loadAfter).append(" |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append(" |\n");
        md.append("| Quarry | ").append(mavenVersion("dev.quarry", "quarry-dsl")).append(" |\n");
        md.append("| JMH | ").append(mavenVersion("org.openjdk.jmh", "jmh-core")).append(" |\n");
        md.append("| jOOQ | ").append(jooqVersion()).append(" (no code generation; `DSL.table`/`DSL.field`) |\n");
        md.append("| Hibernate ORM | ").append(builtVersion("hibernate-core")).append(", community dialects ")
                .append(builtVersion("hibernate-community-dialects")).append(" (for SQLite) |\n");
        md.append("| HikariCP | ").append(mavenVersion("com.zaxxer", "HikariCP")).append(" (one pool per benchmark, shared by all libraries) |\n");
        md.append("| SQLite | ").append(sqliteVersion()).append(" (in memory) |\n");
        for (String db : List.of("postgres", "mariadb")) {
            md.append("| ").append(BenchDatabases.displayName(db)).append(" | ")
                    .append(dbs.contains(db) ? serverVersion(db)
                            : "not reachable at " + BenchDatabases.server(db) + ": its benchmarks were skipped")
                    .append(" |\n");
        }
        md.append('\n');

        for (String db : dbs) {
            md.append("## ").append(switch (db) {
                case "sqlite" -> "SQLite (in memory)";
                case "postgres" -> "PostgreSQL (loopback)";
                default -> "MariaDB (loopback)";
            }).append("\n\n");
            md.append("| scenario | library | score | error | unit | ratio to JDBC | notes |\n")
                    .append("| --- | --- | ---: | ---: | --- | ---: | --- |\n");
            for (Scenario sc : SCENARIOS) {
                Score base = find(scores, sc.name() + "." + sc.baseline(), db);
                boolean first = true;
                for (String m : sc.methods()) {
                    Score s = find(scores, sc.name() + "." + m, db);
                    md.append("| ").append(first ? sc.title() : "").append(" | ").append(label(m)).append(" (`").append(m).append("`) | ");
                    first = false;
                    String notes = notes(sc, m, db, s, queries, countFailures, failures);
                    if (s == null) {
                        md.append("— | — | — | — | ").append(notes).append(" |\n");
                        continue;
                    }
                    String r = "—";
                    if (base != null) {
                        double[] x = ratio(s, base);
                        boolean noError = Double.isNaN(s.error()) && Double.isNaN(base.error());
                        r = (noError ? String.format(Locale.ROOT, "%.3f", x[0]) : String.format(Locale.ROOT, "%.3f ± %.3f", x[0], x[1]))
                                + (s == base ? " (baseline)" : "");
                    }
                    md.append(fmt(s.score())).append(" | ").append(Double.isNaN(s.error()) ? "n/a" : "± " + fmt(s.error())).append(" | ").append(s.unit()).append(" | ")
                            .append(r).append(" | ").append(notes).append(" |\n");
                }
            }
            md.append("\nRatios are to hand-written JDBC in the same run, except rendering, whose baseline is jOOQ's `getSQL()` ")
                    .append("(rendering needs no database: its rows are the dialect's). ");
            List<String> diff = differences.getOrDefault(db, List.of());
            if (diff.isEmpty()) {
                md.append("Checked before the timed runs: every library returned the same values as hand-written JDBC ")
                        .append("(scenarios 1, 2, 4 and 5; scenario 6 checks its row count in every call).\n\n");
            } else {
                md.append("**Checked before the timed runs, differences from hand-written JDBC:**\n\n");
                for (String d : diff) md.append("- ").append(d.replace("|", "\\|")).append('\n');
                md.append('\n');
            }
        }

        md.append("## The bars\n\n");
        for (String db : dbs) {
            String name = BenchDatabases.displayName(db);
            bar(md, name, "(a) primary-key lookup mapped to a record", find(scores, "PrimaryKeyLookupBenchmark.quarry", db),
                    find(scores, "PrimaryKeyLookupBenchmark.jdbc", db), 1.10, "JDBC",
                    "Quarry's fixed cost per call: building the statement object, the compiled-SQL cache's key walk and lookup, "
                            + "binding through the dialect's bindings and building the record through a constructor method handle");
            bar(md, name, "(b) 10,000 rows fetched into records", find(scores, "FetchManyBenchmark.quarry", db),
                    find(scores, "FetchManyBenchmark.jdbc", db), 1.05, "JDBC",
                    "Quarry's cost per row (the difference divided by 10,000 rows): every column read through the dialect's "
                            + "TypeBinding (a megamorphic call, ints boxed), the values collected in an Object[] and the record built "
                            + "through a spread constructor method handle instead of a direct constructor call; the cheaper the database's rows "
                            + "(SQLite in-process the cheapest), the more this fixed cost per row weighs");
            bar(md, name, "(d) inserting 10,000 rows", find(scores, "InsertManyBenchmark.quarry", db),
                    find(scores, "InsertManyBenchmark.jdbcBatch", db), 1.00, "a hand-written JDBC batch",
                    "Quarry builds 10,000 row builders and binds every value through the dialect's bindings before it sends "
                            + "the rows in the form its dialect chooses (a JDBC batch, or multi-row VALUES under the bind limit); "
                            + "the hand-written batch binds prebuilt values directly");
            Score fresh = find(scores, "RenderBenchmark.quarryBuildAndRender", db);
            Score jooq = find(scores, "RenderBenchmark.jooqBuildAndGetSql", db);
            bar(md, name + " dialect", "(c) rendering a 3-table join from a fresh statement object, against jOOQ's getSQL()", fresh, jooq, 0.25,
                    "jOOQ", "rendering walks the whole tree and appends every identifier and keyword");
            Score warm = find(scores, "RenderBenchmark.quarryBuildAndCachedRender", db);
            Score warmOnly = find(scores, "RenderBenchmark.quarryCachedRenderOnly", db);
            Score buildOnly = find(scores, "RenderBenchmark.quarryBuildOnly", db);
            if (warm != null) {
                md.append("- **").append(name).append(" dialect, (c) with the cache warm, under 1 µs**: ");
                boolean met = warm.score() < 1000;
                md.append(met ? "**met**" : "**missed**").append(": building the statement and rendering it through the warm cache takes ")
                        .append(fmt(warm.score())).append(" ± ").append(fmt(warm.error())).append(" ns");
                if (buildOnly != null) md.append(" (of which building the statement: ").append(fmt(buildOnly.score())).append(" ns)");
                if (warmOnly != null) md.append("; the cache lookup of a built statement alone: ").append(fmt(warmOnly.score())).append(" ns");
                if (!met) {
                    md.append(String.format(Locale.ROOT, "; %.0f%% over the bar", (warm.score() / 1000 - 1) * 100))
                            .append(". Why: the key walk visits every node as rendering does and only saves the string building, "
                                    + "which is not the larger part of Quarry's rendering; per node it pays an interface type check "
                                    + "and dispatch, the table-scope check of every column, and the LIKE pattern is escaped again to "
                                    + "become a bind value. Making the walk cheaper (a key memoized on the immutable statement, or "
                                    + "per-node-type dispatch without interface checks) is the next step");
                } else if (warm.score() + warm.error() >= 1000) {
                    md.append(" (within the error of the bar)");
                }
                md.append(".\n");
            }
        }
        md.append('\n');
        return md.toString();
    }

    private static String notes(Scenario sc, String method, String db, Score s, Map<String, Map<String, Integer>> queries,
                                Map<String, String> countFailures, Map<String, String> failures) {
        if (sc.type() == RelationBenchmark.class) {
            Map<String, Integer> counts = queries.get(db);
            String q = counts != null && counts.containsKey(method)
                    ? counts.get(method) + (counts.get(method) == 1 ? " query" : " queries") + " per operation"
                    : countFailures.containsKey(db) ? "queries not counted: " + countFailures.get(db) : "queries not counted";
            return s == null ? failed(failures.get(method + " " + db)) + "; " + q : q;
        }
        if (sc.type() == StreamingBenchmark.class) {
            if (s != null) return "completed";
            return failed(failures.get(method + " " + db));
        }
        return s == null ? failed(failures.get(method + " " + db)) : "";
    }

    private static String failed(String why) {
        return "**failed**" + (why != null ? ": " + why.replace("|", "\\|") : " (see the run's output)");
    }

    private static void bar(StringBuilder md, String db, String what, Score quarry, Score base, double limit, String baseName, String why) {
        if (quarry == null || base == null) return;
        double[] r = ratio(quarry, base);
        md.append("- **").append(db).append(", ").append(what).append(String.format(Locale.ROOT, ", at most %.2f×", limit)).append("**: ");
        md.append(String.format(Locale.ROOT, "%.3f ± %.3f", r[0], r[1])).append("× ").append(baseName).append(" (")
                .append(fmt(quarry.score())).append(" vs ").append(fmt(base.score())).append(' ').append(quarry.unit()).append("): ");
        if (r[0] <= limit) {
            md.append("**met**");
            if (r[0] + r[1] > limit) md.append(" (within the error of the bar)");
            md.append(".\n");
        } else {
            double over = (r[0] / limit - 1) * 100;
            md.append("**missed** by ").append(String.format(Locale.ROOT, "%.1f%%", over));
            if (r[0] - r[1] <= limit) md.append(" (within the error: the interval reaches the bar)");
            md.append("; Quarry takes ").append(fmt(quarry.score() - base.score())).append(' ').append(quarry.unit())
                    .append(" more per operation");
            if (what.startsWith("(b)")) {
                md.append(String.format(Locale.ROOT, " (%.0f ns per row)", (quarry.score() - base.score()) * 1e6 / 10_000));
            }
            md.append(". Why: ").append(why).append(".\n");
        }
    }

    private static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            String[] parts = s.split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    private static String mavenVersion(String group, String artifact) {
        try (InputStream in = RunBars.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String jooqVersion() {
        try {
            return (String) Class.forName("org.jooq.Constants").getField("FULL_VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            return mavenVersion("org.jooq", "jooq");
        }
    }

    /** @return a version from {@code versions.properties}, which Maven fills in from the root pom */
    private static String builtVersion(String key) {
        try (InputStream in = RunBars.class.getResourceAsStream("versions.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String sqliteVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select sqlite_version()")) {
            rs.next();
            return rs.getString(1) + ", sqlite-jdbc " + c.getMetaData().getDriverVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static String serverVersion(String kind) {
        try (Connection c = DriverManager.getConnection(BenchDatabases.server(kind))) {
            String driver = kind.equals("postgres") ? "pgjdbc " : "MariaDB Connector/J ";
            return c.getMetaData().getDatabaseProductVersion() + ", " + driver + c.getMetaData().getDriverVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
