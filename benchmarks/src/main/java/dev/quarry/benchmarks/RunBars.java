package dev.quarry.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the execution issue's performance bars with a short JMH profile (1 fork, 3 warm-up and 5 measured
 * iterations of 1 s) and writes {@code benchmarks/RESULTS.md}: per database, each benchmark's score, error
 * and ratio to hand-written JDBC (jOOQ for rendering), the machine, JDK and versions, and for each bar
 * whether it is met or by how much it is missed. PostgreSQL benchmarks are left out, and the report says
 * so, when PostgreSQL does not answer on loopback.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.quarry.benchmarks.RunBars [output file]}.
 */
public final class RunBars {
    private RunBars() {}

    /** One benchmark's result. */
    record Score(String benchmark, String db, double score, double error, String unit) {}

    /**
     * @param args optionally the output file (default {@code benchmarks/RESULTS.md}, or {@code RESULTS.md}
     *             when run inside the benchmarks directory)
     * @throws Exception if JMH fails or the file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "RESULTS.md") : Path.of("RESULTS.md");
        boolean postgres = BenchDatabases.postgresReachable();
        String[] dbs = postgres ? new String[] {"sqlite", "postgres"} : new String[] {"sqlite"};
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PrimaryKeyLookupBenchmark.class.getSimpleName())
                .include(FetchManyBenchmark.class.getSimpleName())
                .include(RenderBenchmark.class.getSimpleName())
                .include(InsertManyBenchmark.class.getSimpleName())
                .param("db", dbs)
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();
        double minutes = (System.nanoTime() - started) / 6e10;
        List<Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            Result<?> p = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            scores.add(new Score(name, r.getParams().getParam("db"), p.getScore(), p.getScoreError(), p.getScoreUnit()));
        }
        String report = report(scores, postgres, loadBefore, loadAverage(), minutes);
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static Score find(List<Score> scores, String benchmark, String db) {
        for (Score s : scores) if (s.benchmark().equals(benchmark) && s.db().equals(db)) return s;
        return null;
    }

    private static String fmt(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The ratio a/b and its error, from the relative errors of both. */
    private static double[] ratio(Score a, Score b) {
        double r = a.score() / b.score();
        double ea = a.error() / a.score(), eb = b.error() / b.score();
        if (Double.isNaN(ea)) ea = 0;
        if (Double.isNaN(eb)) eb = 0;
        return new double[] {r, r * Math.sqrt(ea * ea + eb * eb)};
    }

    private static String report(List<Score> scores, boolean postgres, String loadBefore, String loadAfter, double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `dev.quarry.benchmarks.RunBars` (see [README.md](README.md)) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", in ")
                .append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes. JMH, average time per operation, ")
                .append("1 fork, 3 warm-up and 5 measured iterations of 1 s; the error is JMH's 99.9% confidence half-interval. ")
                .append("Short runs on a shared 2-core machine are noisy: read a ratio together with its error.\n\n");
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
        md.append("| HikariCP | ").append(mavenVersion("com.zaxxer", "HikariCP")).append(" |\n");
        md.append("| SQLite | ").append(sqliteVersion()).append(" (in memory) |\n");
        md.append("| PostgreSQL | ").append(postgres ? postgresVersion() : "not reachable at " + BenchDatabases.postgresServer()
                + ": its benchmarks were skipped").append(" |\n\n");

        List<String> dbs = postgres ? List.of("sqlite", "postgres") : List.of("sqlite");
        Map<String, String> baselines = new LinkedHashMap<>();
        baselines.put("PrimaryKeyLookupBenchmark", "jdbc");
        baselines.put("FetchManyBenchmark", "jdbc");
        baselines.put("InsertManyBenchmark", "jdbcBatch");
        baselines.put("RenderBenchmark", "jooqBuildAndGetSql");
        for (String db : dbs) {
            md.append("## ").append(db.equals("sqlite") ? "SQLite (in memory)" : "PostgreSQL (loopback)").append("\n\n");
            md.append("| benchmark | score | error | unit | ratio to baseline |\n| --- | ---: | ---: | --- | ---: |\n");
            for (Map.Entry<String, String> e : baselines.entrySet()) {
                Score base = find(scores, e.getKey() + "." + e.getValue(), db);
                for (Score s : scores) {
                    if (!s.db().equals(db) || !s.benchmark().startsWith(e.getKey() + ".")) continue;
                    String r = "";
                    if (base != null) {
                        double[] x = ratio(s, base);
                        r = String.format(Locale.ROOT, "%.3f ± %.3f", x[0], x[1]) + (s == base ? " (baseline)" : "");
                    }
                    md.append("| `").append(s.benchmark()).append("` | ").append(fmt(s.score())).append(" | ± ").append(fmt(s.error()))
                            .append(" | ").append(s.unit()).append(" | ").append(r).append(" |\n");
                }
            }
            md.append("\nRatios are to hand-written JDBC in the same run, except `RenderBenchmark`, whose baseline is jOOQ's `getSQL()`.\n\n");
        }

        md.append("## The bars\n\n");
        for (String db : dbs) {
            String name = db.equals("sqlite") ? "SQLite" : "PostgreSQL";
            bar(md, name, "(a) primary-key lookup mapped to a record", find(scores, "PrimaryKeyLookupBenchmark.quarry", db),
                    find(scores, "PrimaryKeyLookupBenchmark.jdbc", db), 1.10, "JDBC",
                    "Quarry's fixed cost per call: building the statement object, the compiled-SQL cache's key walk and lookup, "
                            + "binding through the dialect's bindings and building the record through its constructor by reflection");
            bar(md, name, "(b) 10,000 rows fetched into records", find(scores, "FetchManyBenchmark.quarry", db),
                    find(scores, "FetchManyBenchmark.jdbc", db), 1.05, "JDBC",
                    "Quarry's cost per row (the difference divided by 10,000 rows): every column read through the dialect's "
                            + "TypeBinding (a megamorphic call, ints boxed), the values collected in an Object[] and the record built "
                            + "by Constructor.newInstance instead of a direct constructor call; SQLite, in-process, has the cheapest "
                            + "rows, so this fixed cost per row weighs most there");
            bar(md, name, "(d) inserting 10,000 rows", find(scores, "InsertManyBenchmark.quarry", db),
                    find(scores, "InsertManyBenchmark.jdbcBatch", db), 1.00, "a hand-written JDBC batch",
                    "Quarry sends one multi-row INSERT of 30,000 placeholders (under the bind limit) and builds 10,000 row "
                            + "builders first; on SQLite, in-process with no round trip to save, compiling that one huge statement "
                            + "costs more than re-executing one prepared single-row INSERT 10,000 times, so JDBC batching is the "
                            + "faster form there (the batching part of issue 5 chooses the form per dialect); on PostgreSQL the "
                            + "single statement saves round trips");
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
                }
                md.append(".\n");
            }
        }
        md.append('\n');
        return md.toString();
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

    private static String sqliteVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select sqlite_version()")) {
            rs.next();
            return rs.getString(1) + ", sqlite-jdbc " + c.getMetaData().getDriverVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static String postgresVersion() {
        try (Connection c = DriverManager.getConnection(BenchDatabases.postgresServer())) {
            return c.getMetaData().getDatabaseProductVersion() + " on 127.0.0.1, pgjdbc " + c.getMetaData().getDriverVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
