package dev.quarry.mysql;

import dev.quarry.dsl.Rendered;
import dev.quarry.schema.Ddl;
import dev.quarry.testkit.IdentifierSuite.Line;
import dev.quarry.testkit.IdentifierSuite.Orders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden MySQL/MariaDB DDL of derived index and foreign-key names shortened to 63 bytes with a hash:
 * the same names as on SQLite and PostgreSQL. The table options after the closing parenthesis are left
 * to {@link MysqlDdlTest}.
 */
class MysqlIdentifierGoldenTest {
    @Test
    void derivedNamesPastSixtyThreeBytesAreShortenedWithAHash() {
        for (MysqlDialect dialect : List.of(MysqlDialect.MARIADB, MysqlDialect.MYSQL_8)) {
            assertThat(Ddl.createStatements(dialect, List.of(Line.LINE, Orders.ORDERS), false))
                    .extracting(Rendered::sql)
                    .allSatisfy(sql -> assertThat(sql).contains(") ENGINE=InnoDB "))
                    .extracting(sql -> sql.substring(0, sql.indexOf(" ENGINE=")))
                    .containsExactly(
                    "CREATE TABLE `qi_orders` (`id` INT NOT NULL, `reference_issued_by_the_clearing_house_for_this_order_a` VARCHAR(20) NOT NULL, "
                            + "`reference_issued_by_the_clearing_house_for_this_order_b` VARCHAR(20) NOT NULL, PRIMARY KEY (`id`), "
                            + "UNIQUE INDEX `uq_qi_orders_reference_issued_by_the_clearing_house_fo_60435d98` (`reference_issued_by_the_clearing_house_for_this_order_a`), "
                            + "UNIQUE INDEX `uq_qi_orders_reference_issued_by_the_clearing_house_fo_87ec59eb` (`reference_issued_by_the_clearing_house_for_this_order_b`), "
                            + "INDEX `idx_qi_orders_reference_issued_by_the_clearing_house_f_277c7b3b` (`reference_issued_by_the_clearing_house_for_this_order_a`, `reference_issued_by_the_clearing_house_for_this_order_b`))",
                    "CREATE TABLE `qi_order_line` (`id` INT NOT NULL, `order_reference_assigned_by_the_partner_system_for_line` INT NOT NULL, PRIMARY KEY (`id`), "
                            + "CONSTRAINT `fk_qi_order_line_order_reference_assigned_by_the_partn_2b4a429b` "
                            + "FOREIGN KEY (`order_reference_assigned_by_the_partner_system_for_line`) REFERENCES `qi_orders` (`id`))");
        }
    }
}
