package dev.quarry.benchmarks;

import dev.quarry.benchmarks.PrimaryKeyLookupBenchmark.FilmRecord;
import dev.quarry.benchmarks.RelationBenchmark.ChildRecord;
import dev.quarry.benchmarks.RelationBenchmark.ParentRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks, outside JMH and before the timed runs, that every library of a scenario does the same work: the
 * same film for a key (scenario 1), the same 10,000 films in the same order (scenario 2), the same 10,000
 * rows in the table after the insert (scenario 4, read back by hand-written JDBC), and the same parents
 * with the same children (scenario 5; children compared as sets per parent, since no library orders
 * them). Decimals are compared by value ({@code 2.99} equals {@code 2.990}). Scenario 6 checks its own row
 * count in every call.
 */
final class SameResults {
    private SameResults() {}

    /**
     * @param db the database kind
     * @return the differences found, empty when every library agrees with hand-written JDBC
     * @throws Exception if a benchmark fails
     */
    static List<String> check(String db) throws Exception {
        List<String> out = new ArrayList<>();
        primaryKey(db, out);
        fetchMany(db, out);
        insert(db, out);
        relation(db, out);
        return out;
    }

    private static FilmRecord film(BenchHibernate.FilmEntity e) {
        return e == null ? null : new FilmRecord(e.getFilmId(), e.getTitle(), e.getRentalRate());
    }

    private static boolean same(FilmRecord a, FilmRecord b) {
        if (a == null || b == null) return a == b;
        return a.filmId() == b.filmId() && Objects.equals(a.title(), b.title())
                && (a.rentalRate() == null ? b.rentalRate() == null
                : b.rentalRate() != null && a.rentalRate().compareTo(b.rentalRate()) == 0);
    }

    private static void compare(String what, List<FilmRecord> expected, List<FilmRecord> actual, List<String> out) {
        if (expected.size() != actual.size()) {
            out.add(what + ": " + actual.size() + " rows, JDBC " + expected.size());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!same(expected.get(i), actual.get(i))) {
                out.add(what + ": row " + i + " is " + actual.get(i) + ", JDBC " + expected.get(i));
                return;
            }
        }
    }

    private static void primaryKey(String db, List<String> out) throws SQLException {
        PrimaryKeyLookupBenchmark b = new PrimaryKeyLookupBenchmark();
        b.db = db;
        b.open(true);
        try {
            for (int id : new int[] {1, 4_242, BenchDatabases.FILMS}) {
                b.next = id - 1;
                FilmRecord jdbc = b.jdbc();
                b.next = id - 1;
                FilmRecord quarry = b.quarry();
                b.next = id - 1;
                FilmRecord jooq = b.jooq();
                b.next = id - 1;
                FilmRecord hibernate = film(b.hibernate());
                if (jdbc == null || jdbc.filmId() != id) out.add("scenario 1, JDBC: film " + id + " is " + jdbc);
                if (!same(jdbc, quarry)) out.add("scenario 1, Quarry: " + quarry + ", JDBC " + jdbc);
                if (!same(jdbc, jooq)) out.add("scenario 1, jOOQ: " + jooq + ", JDBC " + jdbc);
                if (!same(jdbc, hibernate)) out.add("scenario 1, Hibernate: " + hibernate + ", JDBC " + jdbc);
            }
        } finally {
            b.tearDown();
        }
    }

    private static void fetchMany(String db, List<String> out) throws SQLException {
        FetchManyBenchmark b = new FetchManyBenchmark();
        b.db = db;
        b.open(true);
        try {
            List<FilmRecord> jdbc = b.jdbc();
            if (jdbc.size() != BenchDatabases.FILMS) out.add("scenario 2, JDBC: " + jdbc.size() + " rows");
            compare("scenario 2, Quarry", jdbc, b.quarry(), out);
            compare("scenario 2, jOOQ", jdbc, b.jooq(), out);
            compare("scenario 2, Hibernate", jdbc, b.hibernate().stream().map(SameResults::film).toList(), out);
        } finally {
            b.tearDown();
        }
    }

    private static void insert(String db, List<String> out) throws SQLException {
        InsertManyBenchmark b = new InsertManyBenchmark();
        b.db = db;
        b.open(true);
        try {
            List<FilmRecord> expected = b.items.stream().map(i -> new FilmRecord(i.id(), i.title(), i.rate())).toList();
            Map<String, Function<InsertManyBenchmark, Integer>> libraries = new LinkedHashMap<>();
            libraries.put("JDBC", x -> {
                try {
                    return x.jdbcBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            libraries.put("Quarry", InsertManyBenchmark::quarry);
            libraries.put("jOOQ", InsertManyBenchmark::jooq);
            libraries.put("Hibernate", InsertManyBenchmark::hibernate);
            for (Map.Entry<String, Function<InsertManyBenchmark, Integer>> e : libraries.entrySet()) {
                b.empty();
                int n = e.getValue().apply(b);
                if (n != expected.size()) out.add("scenario 4, " + e.getKey() + ": reported " + n + " rows");
                compare("scenario 4, " + e.getKey(), expected, readBack(b), out);
            }
        } finally {
            b.tearDown();
        }
    }

    private static List<FilmRecord> readBack(InsertManyBenchmark b) throws SQLException {
        List<FilmRecord> rows = new ArrayList<>();
        String sql = BenchDatabases.sql(b.db, "SELECT \"film_id\", \"title\", \"rental_rate\" FROM \"film_copy\" ORDER BY \"film_id\"");
        try (Connection c = b.database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rows.add(new FilmRecord(rs.getInt(1), rs.getString(2), BenchDatabases.readRate(rs, 3, b.db.equals("sqlite"))));
        }
        return rows;
    }

    private static List<ParentRecord> normalized(List<ParentRecord> parents) {
        List<ParentRecord> out = new ArrayList<>(parents.size());
        for (ParentRecord p : parents) {
            List<ChildRecord> children = new ArrayList<>(p.children());
            children.sort(Comparator.comparingInt(ChildRecord::id));
            out.add(new ParentRecord(p.id(), p.name(), children));
        }
        return out;
    }

    private static void relation(String db, List<String> out) throws SQLException {
        RelationBenchmark b = new RelationBenchmark();
        b.db = db;
        b.open(true, false, null, null);
        try {
            List<ParentRecord> jdbc = normalized(b.jdbc());
            if (jdbc.size() != RelationBenchmark.PARENTS) out.add("scenario 5, JDBC: " + jdbc.size() + " parents");
            List<ParentRecord> hibernate = new ArrayList<>();
            for (BenchHibernate.ParentEntity p : b.hibernate()) {
                List<ChildRecord> children = new ArrayList<>();
                for (BenchHibernate.ChildEntity c : p.getChildren()) children.add(new ChildRecord(c.getId(), p.getId(), c.getName()));
                hibernate.add(new ParentRecord(p.getId(), p.getName(), children));
            }
            Map<String, List<ParentRecord>> others = new LinkedHashMap<>();
            others.put("Quarry DSL", b.quarryDsl());
            List<ParentRecord> mapped = new ArrayList<>();
            for (RelationBenchmark.ParentEntity p : b.quarryMapping()) {
                List<ChildRecord> children = new ArrayList<>();
                for (RelationBenchmark.ChildEntity c : p.children().get()) children.add(new ChildRecord(c.id(), c.parentId(), c.name()));
                mapped.add(new ParentRecord(p.id(), p.name(), children));
            }
            others.put("Quarry mapping", mapped);
            others.put("jOOQ", b.jooq());
            others.put("Hibernate", hibernate);
            for (Map.Entry<String, List<ParentRecord>> e : others.entrySet()) {
                if (!normalized(e.getValue()).equals(jdbc)) out.add("scenario 5, " + e.getKey() + ": other parents or children than JDBC");
            }
        } finally {
            b.tearDown();
        }
    }
}
