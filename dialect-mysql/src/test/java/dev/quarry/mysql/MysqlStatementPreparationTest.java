package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The MariaDB Connector/J statement-preparation settings Quarry sets reach the driver's connections. */
class MysqlStatementPreparationTest {
    @Test
    void pooledConnectionsUseCachedServerSidePreparedStatements() throws Exception {
        try (Database db = Database.connect(MyDatabases.own("quarry_my_render_cache"));
             Connection c = db.dataSource().getConnection()) {
            var conf = c.unwrap(org.mariadb.jdbc.Connection.class).getContext().getConf();
            assertThat(conf.useServerPrepStmts()).isTrue();
            assertThat(conf.cachePrepStmts()).isTrue();
            assertThat(conf.prepStmtCacheSize()).isEqualTo(256);
        }
    }
}
