package dev.quarry.mysql;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.IdentifierSuite;

/**
 * The shared identifier suite on the real MariaDB/MySQL server, in a database of its own. Names are
 * limited to 64 characters (MySQL 8.0 manual 11.2.1 "Identifier Length Limits"; MariaDB "Identifier
 * Names"); index names are unique per table and compare ignoring case, and table names that differ only
 * in case are refused everywhere (they are one table where {@code lower_case_table_names} is 1 or 2).
 */
class MysqlIdentifierTest extends IdentifierSuite {
    @Override
    protected Database openDatabase() {
        return Database.connect(MyDatabases.own("quarry_my_ident"));
    }

    /** @return the dialect name in messages: {@code mariadb} */
    String dialectName() { return "mariadb"; }

    @Override
    protected String expectedTooLong(String what, String name) {
        int characters = name.codePointCount(0, name.length());
        if (characters <= 64) return null;
        return what + " is " + characters + " characters long; " + dialectName() + " allows at most 64 characters in a name "
                + "(MySQL 8.0 manual 11.2.1 \"Identifier Length Limits\", MariaDB \"Identifier Names\"): use a shorter name";
    }

    @Override
    protected boolean tableNamesIgnoreCase() { return true; }

    @Override
    protected boolean indexNamesPerTable() { return true; }

    @Override
    protected String nameRule() {
        return "index names compare ignoring case and table names do where lower_case_table_names is 1 or 2 "
                + "(MySQL 8.0 manual 11.2.3 \"Identifier Case Sensitivity\")";
    }
}
