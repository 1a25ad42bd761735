package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.RecordMappingSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows to records on the real server with the dialect it gets (on the local machine MariaDB 10.11), in a
 * database of its own (quarry_my_record_mapping, {@link MyDatabases#own}).
 */
class MysqlRecordMappingTest extends RecordMappingSuite {
    @Override
    protected Database openDatabase() {
        Database db = Database.connect(MyDatabases.own("quarry_my_record_mapping"));
        assertThat(db.dialect()).isInstanceOf(MysqlDialect.class);
        return db;
    }
}
