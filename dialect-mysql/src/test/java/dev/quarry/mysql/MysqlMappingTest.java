package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.testkit.MappingSuite;

/** The mapping layer on the real server (MariaDB 10.11 on the local machine), in a database of its own. */
class MysqlMappingTest extends MappingSuite {
    @Override
    protected Database openDatabase(StatementListener listener) {
        return Database.builder(MyDatabases.own("quarry_my_mapping")).statementListener(listener).build();
    }

    @Override
    protected java.util.List<String> goldenSql() {
        return java.util.List.of(
                "SELECT `ms_customer`.`customer_id`, `ms_customer`.`first_name`, `ms_customer`.`last_name`, `ms_customer`.`referred_by`, `ms_customer`.`active` FROM `ms_customer` WHERE `ms_customer`.`customer_id` = ? LIMIT ?",
                "SELECT `ms_rental`.`rental_id`, `ms_rental`.`customer_id`, `ms_rental`.`rental_date`, `ms_rental`.`return_date`, `ms_rental`.`film_id` FROM `ms_rental` WHERE `ms_rental`.`customer_id` IN (?) ORDER BY `ms_rental`.`rental_id` ASC",
                "SELECT `ms_film`.`film_id`, `ms_film`.`title`, `ms_film`.`length`, `ms_film`.`rental_rate`, `ms_film`.`language_id`, `ms_film`.`original_language_id` FROM `ms_film` WHERE `ms_film`.`film_id` IN (?, ?) ORDER BY `ms_film`.`film_id` ASC",
                "SELECT `ms_actor`.`actor_id`, `ms_actor`.`first_name`, `ms_actor`.`last_name`, `ms_film_actor`.`film_id` FROM `ms_actor` JOIN `ms_film_actor` ON `ms_film_actor`.`actor_id` = `ms_actor`.`actor_id` WHERE `ms_film_actor`.`film_id` IN (?, ?) ORDER BY `ms_actor`.`actor_id` ASC",
                "UPDATE `qk_author` SET `name` = ?, `born` = ?, `active` = ? WHERE `qk_author`.`author_id` = ?",
                "INSERT INTO `qk_author` (`author_id`, `name`, `born`, `active`) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `born` = VALUES(`born`), `active` = VALUES(`active`)");
    }
}
