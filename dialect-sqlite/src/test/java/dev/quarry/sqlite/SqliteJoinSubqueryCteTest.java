package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.testkit.JoinSubqueryCteSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** Joins, subqueries and CTEs on a real SQLite database in a temporary file of its own; SQLite has no LATERAL and no ANY/ALL. */
class SqliteJoinSubqueryCteTest extends JoinSubqueryCteSuite {
    @TempDir
    static Path dir;

    @Override
    protected Database openDatabase() {
        return Database.connect("jdbc:sqlite:" + dir.resolve("join-subquery-cte.db"));
    }

    @Override
    protected Set<Feature> unsupported() {
        return EnumSet.of(Feature.LATERAL, Feature.ANY_ALL);
    }
}
