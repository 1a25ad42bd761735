package dev.quarry.schema;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Field;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.Session;
import dev.quarry.dsl.Transaction;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.Dialect;
import dev.quarry.dsl.spi.IdentifierLimit;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * DDL for a set of declared tables: CREATE TABLE and CREATE INDEX in foreign-key order (referenced
 * tables first), DROP TABLE in the reverse order. Foreign keys that close a cycle (Sakila's store and
 * staff reference each other) are declared inline where the dialect allows forward references (SQLite)
 * and otherwise added with ALTER TABLE once all tables exist.
 *
 * <p>DDL carries no bind parameters: defaults and CHECK values are rendered as escaped literals.
 */
public final class Ddl {
    private Ddl() {}

    /**
     * The statements that create the tables and their indexes.
     *
     * <p>Names are checked first, before anything is rendered: every table, column, index and constraint
     * name must fit the dialect's {@link Dialect#identifierLimit()} (derived index and foreign-key names
     * always do: they are shortened to 63 bytes on every dialect), and no two of the tables, and no two
     * indexes, may have what the database treats as the same name ({@link DdlRenderer#nameKey}: exact on
     * PostgreSQL, ignoring ASCII case on SQLite, ignoring case on MySQL and MariaDB; index names share
     * the tables' namespace on PostgreSQL and SQLite and are per table on MySQL and MariaDB), since
     * {@code IF NOT EXISTS} would silently skip the second. Only the given tables are compared, not
     * what the database holds already.
     *
     * @param dialect the dialect
     * @param tables the tables, in any order
     * @param ifNotExists whether to add IF NOT EXISTS to every CREATE
     * @return the statements, in execution order
     * @throws IllegalArgumentException if a name is longer than the dialect allows (the message names
     *         the table, the column, index or constraint, its length and the limit), or two tables or
     *         two indexes would have the same name (the message names both)
     */
    public static List<Rendered> createStatements(Dialect dialect, Collection<? extends Table> tables, boolean ifNotExists) {
        DdlRenderer ddl = renderer(dialect);
        List<Table> ordered = order(tables);
        checkNames(dialect, ddl, ordered);
        List<Rendered> out = new ArrayList<>();
        List<ForeignKey> later = new ArrayList<>();
        Set<Table> created = new LinkedHashSet<>();
        for (Table t : ordered) {
            List<ForeignKey> inline = new ArrayList<>();
            for (ForeignKey fk : t.foreignKeys()) {
                Table target = fk.target().table();
                boolean available = target == t || created.contains(target) || !tables.contains(target);
                if (available || ddl.allowsForwardReferences()) inline.add(fk);
                else later.add(fk);
            }
            out.add(render(dialect, b -> ddl.createTable(b, t, ifNotExists, inline)));
            created.add(t);
            if (!ddl.declaresIndexesInCreateTable()) {
                for (Index index : t.indexes()) out.add(render(dialect, b -> ddl.createIndex(b, index, ifNotExists)));
            }
        }
        for (ForeignKey fk : later) out.add(render(dialect, b -> ddl.addForeignKey(b, fk, ifNotExists)));
        return out;
    }

    /**
     * The statements that drop the tables (their indexes go with them), referencing tables first.
     *
     * @param dialect the dialect
     * @param tables the tables, in any order
     * @param ifExists whether to add IF EXISTS
     * @return the statements, in execution order
     * @throws IllegalArgumentException if a table name is longer than the dialect allows
     *         ({@link Dialect#identifierLimit()}; PostgreSQL would drop the table named by its first 63 bytes)
     */
    public static List<Rendered> dropStatements(Dialect dialect, Collection<? extends Table> tables, boolean ifExists) {
        DdlRenderer ddl = renderer(dialect);
        List<Table> ordered = new ArrayList<>(order(tables));
        for (Table t : ordered) checkLength(dialect, "Table " + t.name(), t.name());
        java.util.Collections.reverse(ordered);
        List<Rendered> out = new ArrayList<>();
        for (Table t : ordered) out.add(render(dialect, b -> ddl.dropTable(b, t, ifExists)));
        return out;
    }

    /**
     * Creates the tables (IF NOT EXISTS) and their indexes.
     *
     * @param session where to run the statements
     * @param tables the tables
     */
    public static void create(Session session, Table... tables) {
        for (Rendered r : createStatements(session.dialect(), List.of(tables), true)) session.execute(r);
    }

    /**
     * Drops the tables that exist (IF EXISTS), in one transaction when given a {@link Database}, with
     * foreign-key checks deferred where the dialect can (so that tables in a cycle can go).
     *
     * @param session where to run the statements
     * @param tables the tables
     */
    public static void drop(Session session, Table... tables) {
        List<Rendered> statements = dropStatements(session.dialect(), List.of(tables), true);
        if (session instanceof Database db) {
            db.runInTransaction(tx -> dropIn(tx, statements));
        } else if (session instanceof Transaction tx) {
            dropIn(tx, statements);
        } else {
            for (Rendered r : statements) session.execute(r);
        }
    }

    /**
     * The statement that makes {@code next} the next value an auto-increment column generates.
     *
     * @param dialect the dialect
     * @param column an auto-increment column
     * @param next the next value to generate
     * @return the statement, or empty where the dialect's counter follows explicit keys by itself
     *         (SQLite, MySQL; see {@link DdlRenderer#identityFollowsExplicitValues()})
     * @throws IllegalArgumentException if the column is not auto-increment, or its table's or its own
     *         name is longer than the dialect allows ({@link Dialect#identifierLimit()})
     */
    public static Optional<Rendered> restartIdentityStatement(Dialect dialect, Column<?> column, long next) {
        checkNotAliased(column.table());
        checkLength(dialect, "Table " + column.table().name(), column.table().name());
        checkLength(dialect, "Table " + column.table().name() + ": column " + column.name(), column.name());
        if (!column.isAutoIncrement()) {
            throw new IllegalArgumentException("Column " + column.qualifiedName() + " is not auto-increment; there is no identity to restart");
        }
        DdlRenderer ddl = renderer(dialect);
        if (ddl.identityFollowsExplicitValues()) return Optional.empty();
        return Optional.of(render(dialect, b -> ddl.restartIdentity(b, column, next)));
    }

    /**
     * Resynchronizes the auto-increment counters of the tables with their rows, after rows were
     * inserted with explicit keys (a load or a copy): each counter restarts after its column's largest
     * value (at 1 for an empty table), so that the next insert without a key does not collide with a
     * loaded one. Needed where the counter is a sequence that explicit values do not advance
     * (PostgreSQL identity columns); a no-op where the counter follows explicit keys by itself
     * (SQLite AUTOINCREMENT, MySQL AUTO_INCREMENT). Runs in one transaction when given a
     * {@link Database}. Meant for the end of a load: rows inserted by other sessions while it runs
     * may take a key it then restarts below.
     *
     * @param session where to run the statements
     * @param tables the tables; those without an auto-increment column are skipped
     * @throws DataAccessException if the database refuses
     */
    public static void restartIdentities(Session session, Table... tables) {
        DdlRenderer ddl = renderer(session.dialect());
        if (ddl.identityFollowsExplicitValues()) return;
        List<Column<?>> columns = new ArrayList<>();
        for (Table t : tables) {
            for (Column<?> c : t.fields()) if (c.isAutoIncrement()) columns.add(c);
        }
        if (columns.isEmpty()) return;
        if (session instanceof Database db) {
            db.runInTransaction(tx -> restartIn(tx, columns));
        } else {
            restartIn(session, columns);
        }
    }

    private static void restartIn(Session session, List<Column<?>> columns) {
        for (Column<?> c : columns) {
            long next = nextAfterLargest(session, c);
            restartIdentityStatement(session.dialect(), c, next).ifPresent(session::execute);
        }
    }

    private static <T> long nextAfterLargest(Session session, Column<T> column) {
        Field<T> max = Dsl.max(column);
        T largest = session.select(max).from(column.table()).fetchValue(max);
        if (largest == null) return 1;
        long value = ((Number) largest).longValue(); // auto-increment columns are SMALLINT, INTEGER or BIGINT
        return value < 1 ? 1 : Math.addExact(value, 1);
    }

    private static void dropIn(Transaction tx, List<Rendered> statements) {
        try {
            tx.deferForeignKeyChecks();
        } catch (UnsupportedDialectFeatureException ignored) {
            // the dialect drops in reverse foreign-key order without deferral
        }
        for (Rendered r : statements) tx.execute(r);
    }

    // ---- names ----

    /**
     * Refuses names over the dialect's limit and tables or indexes that the database would take for one
     * another, before anything is rendered; see {@link #createStatements}.
     */
    private static void checkNames(Dialect dialect, DdlRenderer ddl, List<Table> tables) {
        for (Table t : tables) {
            String table = "Table " + t.name();
            checkLength(dialect, table, t.name());
            for (Column<?> c : t.fields()) checkLength(dialect, table + ": column " + c.name(), c.name());
            for (Index i : t.indexes()) checkLength(dialect, table + ": index " + i.name(), i.name());
            for (Check c : t.checks()) checkLength(dialect, table + ": check " + c.name(), c.name());
            for (ForeignKey fk : t.foreignKeys()) checkLength(dialect, table + ": foreign key " + fk.name(), fk.name());
        }
        Map<String, String> schema = new HashMap<>();
        for (Table t : tables) claim(dialect, ddl, schema, ddl.nameKey(t.name()), "table " + t.name());
        for (Table t : tables) {
            Map<String, String> scope = ddl.indexNamesPerTable() ? new HashMap<>() : schema;
            for (Index i : t.indexes()) claim(dialect, ddl, scope, ddl.nameKey(i.name()), "index " + i.name() + " of table " + t.name());
        }
    }

    private static void checkLength(Dialect dialect, String what, String name) {
        IdentifierLimit limit = dialect.identifierLimit();
        if (!limit.fits(name)) throw limit.tooLong(dialect.name(), what, name);
    }

    private static void claim(Dialect dialect, DdlRenderer ddl, Map<String, String> names, String key, String what) {
        String earlier = names.putIfAbsent(key, what);
        if (earlier != null) {
            throw new IllegalArgumentException(Character.toUpperCase(earlier.charAt(0)) + earlier.substring(1) + " and " + what
                    + " would have the same name on " + dialect.name() + ", where " + ddl.nameRule()
                    + "; CREATE ... IF NOT EXISTS would skip the second: rename one");
        }
    }

    private static DdlRenderer renderer(Dialect dialect) {
        return dialect instanceof DdlDialect d ? d.ddl() : DdlRenderer.STANDARD;
    }

    private static Rendered render(Dialect dialect, Consumer<SqlBuilder> body) {
        SqlBuilder b = new SqlBuilder(dialect);
        b.inlineValues(true);
        b.qualifyColumns(false);
        b.checkScope(false);
        body.accept(b);
        return b.toRendered();
    }

    /**
     * Orders tables so that every table comes after the tables it references, keeping the given order
     * where there is a choice; a cycle is broken at its first table in the given order.
     */
    static List<Table> order(Collection<? extends Table> tables) {
        for (Table t : tables) checkNotAliased(t);
        List<Table> remaining = new ArrayList<>(new LinkedHashSet<>(tables));
        List<Table> ordered = new ArrayList<>(remaining.size());
        while (!remaining.isEmpty()) {
            Table next = null;
            for (Table t : remaining) {
                boolean ready = true;
                for (ForeignKey fk : t.foreignKeys()) {
                    Table target = fk.target().table();
                    if (target != t && remaining.contains(target)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    next = t;
                    break;
                }
            }
            if (next == null) next = firstOnCycle(remaining);
            remaining.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    /** The first table in the given order that lies on a foreign-key cycle among {@code remaining}. */
    private static Table firstOnCycle(List<Table> remaining) {
        for (Table t : remaining) {
            if (reaches(t, t, remaining, new java.util.HashSet<>())) return t;
        }
        return remaining.get(0); // not reached: when no table is ready, the remaining ones contain a cycle
    }

    private static boolean reaches(Table from, Table goal, List<Table> within, Set<Table> seen) {
        for (ForeignKey fk : from.foreignKeys()) {
            Table target = fk.target().table();
            if (target == from || !within.contains(target)) continue;
            if (target == goal) return true;
            if (seen.add(target) && reaches(target, goal, within, seen)) return true;
        }
        return false;
    }

    // ---- table aliases ----

    private static void checkNotAliased(Table table) {
        if (table.alias() != null) {
            throw new IllegalArgumentException("Table " + table.name() + " AS " + table.alias()
                    + " is an aliased table; DDL takes the table itself (" + table.name() + ")");
        }
    }
}
