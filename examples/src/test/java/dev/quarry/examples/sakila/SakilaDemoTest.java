package dev.quarry.examples.sakila;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the demo's entry point as the jar would, without exiting the JVM. */
class SakilaDemoTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SakilaDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsLoadingRowCountsTotalAndAllSixReportsOnAnInMemoryDatabase() {
        int code = run("--url", "jdbc:sqlite::memory:");
        assertThat(err()).isEmpty();
        assertThat(code).isZero();
        String text = out();
        assertThat(text).startsWith("Quarry Sakila demo on jdbc:sqlite::memory: (dialect sqlite)\n");
        assertThat(text).contains("loading rental        ... 16044 rows\n", "Payment total: 67416.51\n");
        int last = -1;
        for (String heading : SakilaDemo.REPORT_HEADINGS) {
            int at = text.indexOf("\n" + heading + "\n" + "=".repeat(heading.length()) + "\n");
            assertThat(at).as(heading).isGreaterThan(last);
            last = at;
        }
        assertThat(text).contains(
                " 1          526  KARL SEAL            45      221.55\n",
                "Sports           1179   5314.21\n",
                "1       107  GINA DEGENERES     42\n",
                "42 of 1000 films were never rented",
                "183 rentals have no return date",
                "after transaction 1 (committed)          16045         16050\n",
                "after transaction 2 (rolled back)        16045         16050\n",
                "the failed transaction changed nothing.");
    }

    @Test
    void urlWithoutADialectPrintsTheMessageAndExitsWithOne() {
        int code = run("--url", "jdbc:oracle:thin:@//localhost:1521/sakila", "--user", "sakila", "--password", "secret");
        assertThat(code).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("sakila-demo: No Quarry dialect on the class path accepts jdbc:oracle:thin:@//localhost:1521/sakila")
                .doesNotContain("Exception", "\tat ");
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void helpNamesTheDefaultUrl() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--url=<jdbc-url>", "jdbc:sqlite:", "target/sakila-demo.db", "--user", "--password");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--frobnicate'");
        assertThat(out()).isEmpty();
    }
}
