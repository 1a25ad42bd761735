package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.MiniSakila;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The pgjdbc statement-preparation settings Quarry sets reach the driver's connections. */
class PostgresStatementPreparationTest {
    @Test
    void pooledConnectionsPrepareOnTheServerFromTheFifthExecution() throws Exception {
        try (Database db = PgServer.open("quarry_prepare_settings")) {
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(c.unwrap(PGConnection.class).getPrepareThreshold()).isEqualTo(5);
            }
            MiniSakila.load(db);
            var f = MiniSakila.Film.FILM;
            for (int id = 1; id <= 6; id++) {
                assertThat(db.select(f.filmId).from(f).where(f.filmId.eq(id)).fetchOne().value1()).isEqualTo(id);
            }
            assertThat(db.renderCacheStats().hits()).isGreaterThanOrEqualTo(5);
            MiniSakila.drop(db);
        }
    }
}
