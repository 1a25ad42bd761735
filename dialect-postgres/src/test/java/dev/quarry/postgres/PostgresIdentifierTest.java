package dev.quarry.postgres;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.IdentifierSuite;

import java.nio.charset.StandardCharsets;

/**
 * The shared identifier suite on a real PostgreSQL server, in the schema {@code quarry_ident}. Names
 * are limited to 63 bytes of UTF-8 ({@code NAMEDATALEN} - 1; PostgreSQL manual 4.1.1 "Identifiers and
 * Key Words"); quoted names compare exactly; tables and indexes share the schema's namespace
 * ({@code pg_class}).
 */
class PostgresIdentifierTest extends IdentifierSuite {
    @Override
    protected Database openDatabase() {
        return PgServer.open("quarry_ident");
    }

    @Override
    protected String expectedTooLong(String what, String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= 63) return null;
        return what + " is " + bytes + " bytes of UTF-8 long; postgresql allows at most 63 bytes of UTF-8 in a name "
                + "(NAMEDATALEN - 1; PostgreSQL cuts longer names with only a NOTICE, PostgreSQL manual 4.1.1 "
                + "\"Identifiers and Key Words\"): use a shorter name";
    }

    @Override
    protected boolean tableNamesIgnoreCase() { return false; }

    @Override
    protected boolean indexNamesPerTable() { return false; }

    @Override
    protected String nameRule() {
        return "tables and indexes share one namespace per schema and quoted names compare exactly";
    }
}
