package dev.quarry.postgres;

import dev.quarry.dsl.Rendered;
import dev.quarry.schema.Ddl;
import dev.quarry.testkit.IdentifierSuite.Line;
import dev.quarry.testkit.IdentifierSuite.Orders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden PostgreSQL DDL of derived index and foreign-key names shortened to 63 bytes with a hash. */
class PostgresIdentifierGoldenTest {
    @Test
    void derivedNamesPastSixtyThreeBytesAreShortenedWithAHash() {
        assertThat(Ddl.createStatements(PostgresDialect.INSTANCE, List.of(Line.LINE, Orders.ORDERS), false))
                .extracting(Rendered::sql).containsExactly(
                "CREATE TABLE \"qi_orders\" (\"id\" INTEGER NOT NULL, \"reference_issued_by_the_clearing_house_for_this_order_a\" VARCHAR(20) COLLATE \"C\" NOT NULL, "
                        + "\"reference_issued_by_the_clearing_house_for_this_order_b\" VARCHAR(20) COLLATE \"C\" NOT NULL, PRIMARY KEY (\"id\"))",
                "CREATE UNIQUE INDEX \"uq_qi_orders_reference_issued_by_the_clearing_house_fo_60435d98\" ON \"qi_orders\" "
                        + "(\"reference_issued_by_the_clearing_house_for_this_order_a\")",
                "CREATE UNIQUE INDEX \"uq_qi_orders_reference_issued_by_the_clearing_house_fo_87ec59eb\" ON \"qi_orders\" "
                        + "(\"reference_issued_by_the_clearing_house_for_this_order_b\")",
                "CREATE INDEX \"idx_qi_orders_reference_issued_by_the_clearing_house_f_277c7b3b\" ON \"qi_orders\" "
                        + "(\"reference_issued_by_the_clearing_house_for_this_order_a\", \"reference_issued_by_the_clearing_house_for_this_order_b\")",
                "CREATE TABLE \"qi_order_line\" (\"id\" INTEGER NOT NULL, \"order_reference_assigned_by_the_partner_system_for_line\" INTEGER NOT NULL, "
                        + "PRIMARY KEY (\"id\"), CONSTRAINT \"fk_qi_order_line_order_reference_assigned_by_the_partn_2b4a429b\" "
                        + "FOREIGN KEY (\"order_reference_assigned_by_the_partner_system_for_line\") REFERENCES \"qi_orders\" (\"id\") DEFERRABLE INITIALLY IMMEDIATE)");
    }
}
