package dev.quarry.testkit;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.dsl.Cursor;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A million generated rows ({@link GeneratedRows}) read through a lazy cursor in constant memory. Each
 * dialect module runs its subclass in a surefire execution of its own whose JVM has a 64 MB heap
 * ({@code -Xmx64m}; the test refuses to run with more than {@value #MAX_HEAP_MB} MB): a million rows of
 * {@code (Integer, String)} take well over 100 MB as objects, and a driver that read the whole result
 * before handing out the first row (pgjdbc without a cursor, Connector/J without streaming) would run
 * out of heap. This is a functional check, not a timing: speed is measured by JMH in {@code benchmarks/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StreamingMemorySuite {
    /** The largest heap this suite runs with; the surefire execution gives it 64 MB. */
    public static final int MAX_HEAP_MB = 80;

    private static final int SIDE = 1_000;
    private static final long ROWS = (long) SIDE * SIDE;

    /** The database under test. */
    protected Database db;

    /**
     * @return an open database; the suite closes it after the last test
     */
    protected abstract Database openDatabase();

    @BeforeAll
    final void open() {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(maxMb).as("this suite must run with a small heap (-Xmx64m) to show constant memory; it has %d MB", maxMb)
                .isLessThanOrEqualTo(MAX_HEAP_MB);
        db = openDatabase();
    }

    @AfterAll
    final void close() {
        if (db != null) db.close();
    }

    private int active() {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    private static void check(Cursor<Record2<Integer, String>> cursor) {
        long rows = 0;
        long sum = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (Record2<Integer, String> row : cursor) {
            int id = row.value1();
            if (!row.value2().equals("row " + id)) throw new AssertionError("row " + id + " has label " + row.value2());
            rows++;
            sum += id;
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(sum).isEqualTo(ROWS * (ROWS + 1) / 2);
        assertThat(min).isEqualTo(1);
        assertThat(max).isEqualTo((int) ROWS);
    }

    @Test
    @Timeout(300)
    void aMillionRowsStreamInConstantMemory() {
        try (Cursor<Record2<Integer, String>> cursor = GeneratedRows.square(db, SIDE).fetchLazy()) {
            check(cursor);
            assertThat(cursor.isClosed()).isTrue();
        }
        assertThat(active()).isZero();
    }

    @Test
    @Timeout(300)
    void aMillionRowsStreamInsideATransaction() {
        db.runInTransaction(tx -> {
            try (Cursor<Record2<Integer, String>> cursor = GeneratedRows.square(tx, SIDE).fetchLazy(500)) {
                check(cursor);
            }
        });
        assertThat(active()).isZero();
    }

    @Test
    @Timeout(300)
    void closingAMillionRowCursorEarlyReleasesIt() {
        try (Cursor<Record2<Integer, String>> cursor = GeneratedRows.square(db, SIDE).fetchLazy()) {
            List<Record2<Integer, String>> first = cursor.fetchNext(10);
            assertThat(first).hasSize(10);
            assertThat(active()).isEqualTo(1);
        }
        assertThat(active()).isZero();
        // and an exception in a pipeline over a million rows releases it too
        assertThatThrownBy(() -> GeneratedRows.square(db, SIDE).fetchLazy().stream().forEach(r -> {
            if (r.value1() % 1000 == 999) throw new IllegalStateException("stop");
        })).hasMessage("stop");
        assertThat(active()).isZero();
    }
}
