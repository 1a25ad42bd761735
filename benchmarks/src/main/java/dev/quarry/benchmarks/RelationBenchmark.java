package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.StatementListener;
import dev.quarry.mapping.Entity;
import dev.quarry.mapping.Lazy;
import dev.quarry.mapping.Relation;
import dev.quarry.schema.Ddl;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.Records;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.quarry.benchmarks.BenchTables.Child.CHILD;
import static dev.quarry.benchmarks.BenchTables.Parent.PARENT;

/**
 * Scenario 5: 1,000 parent rows loaded with their children (five each, 5,000 in all) through a relation,
 * and every parent's list of children touched. Every library sends the same two queries: the parents in
 * key order, then their children with {@code parent_id IN (the 1,000 keys)}.
 * <ul>
 *   <li>{@code jdbc}: both queries written by hand on one pooled connection, the children grouped by hand
 *       into the parents' lists through a map by key;</li>
 *   <li>{@code quarryDsl}: the same with Quarry's DSL ({@code fetch(mapper)} for the parents,
 *       {@code fetchInto(ChildRecord.class)} for the children), grouped by hand;</li>
 *   <li>{@code jooq}: the same with jOOQ ({@code fetch(Records.mapping(...))}), grouped by hand (the
 *       two-query shape, not MULTISET, which jOOQ emulates with JSON on SQLite and MariaDB);</li>
 *   <li>{@code hibernate}: the parent entities by an HQL query in a read-only session, whose lazy
 *       {@code @OneToMany(mappedBy)} with {@code @BatchSize(size = 1000)} loads all 1,000 lists in one
 *       query when the first is touched (the N+1-free form with the same two queries);</li>
 *   <li>{@code quarryMapping}: Quarry's mapping layer, a repository query for the parents and a lazy
 *       one-to-many relation, loaded for all parents at the first touch (the same two queries; the
 *       children's query adds ORDER BY their key).</li>
 * </ul>
 * The number of statements each one sends is counted once, outside the timed runs, by
 * {@link #countQueries}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RelationBenchmark {
    static final int PARENTS = 1_000;
    static final int CHILDREN_PER_PARENT = 5;

    /** A child row. */
    public record ChildRecord(int id, int parentId, String name) {}

    /** A parent row with its children. */
    public record ParentRecord(int id, String name, List<ChildRecord> children) {}

    private static final String PARENTS_SQL =
            "SELECT \"bench_parent\".\"id\", \"bench_parent\".\"name\" FROM \"bench_parent\" ORDER BY \"bench_parent\".\"id\" ASC";
    private static final String CHILDREN_SQL =
            "SELECT \"bench_child\".\"id\", \"bench_child\".\"parent_id\", \"bench_child\".\"name\" FROM \"bench_child\" "
                    + "WHERE \"bench_child\".\"parent_id\" IN (";

    @Param({"sqlite", "postgres", "mariadb"})
    public String db;

    Database database;
    private DSLContext jooq;
    private SessionFactory hibernate;
    private String parentsSql;
    private String childrenSql;
    /** Statements sent by {@link #jdbc}, counted by hand. */
    private int jdbcStatements;
    /** The children touched by the last call (5,000 when all went well). */
    private int touched;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params.getBenchmark().endsWith(".hibernate"), false, null, null);
    }

    /**
     * @param withHibernate whether to bootstrap Hibernate (only for its own benchmark: it takes a second or two)
     * @param statistics whether Hibernate collects statistics (to count its statements)
     * @param quarryListener told about Quarry's statements, or null
     * @param jooqListener told about jOOQ's statements, or null
     */
    void open(boolean withHibernate, boolean statistics, StatementListener quarryListener, ExecuteListener jooqListener) {
        database = BenchDatabases.connect(db, quarryListener);
        Ddl.drop(database, CHILD, PARENT);
        Ddl.create(database, PARENT, CHILD);
        database.insertInto(PARENT, IntStream.rangeClosed(1, PARENTS).boxed().toList(),
                (r, i) -> r.set(PARENT.id, i).set(PARENT.name, "PARENT " + i)).execute();
        database.insertInto(CHILD, IntStream.rangeClosed(1, PARENTS * CHILDREN_PER_PARENT).boxed().toList(),
                (r, i) -> r.set(CHILD.id, i).set(CHILD.parentId, (i - 1) / CHILDREN_PER_PARENT + 1).set(CHILD.name, "CHILD " + i)).execute();
        parentsSql = BenchDatabases.sql(db, PARENTS_SQL);
        StringBuilder sb = new StringBuilder(CHILDREN_SQL);
        for (int i = 0; i < PARENTS; i++) sb.append(i == 0 ? "?" : ", ?");
        childrenSql = BenchDatabases.sql(db, sb.append(')').toString());
        jooq = BenchJooq.context(database, db, jooqListener);
        if (withHibernate) hibernate = BenchHibernate.open(database, db, statistics);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (hibernate != null) hibernate.close();
        BenchDatabases.close(database, db);
    }

    private List<ParentRecord> touch(List<ParentRecord> parents) {
        int n = 0;
        for (ParentRecord p : parents) n += p.children().size();
        touched = n;
        return parents;
    }

    @Benchmark
    public List<ParentRecord> jdbc() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            List<ParentRecord> parents = new ArrayList<>(PARENTS);
            Map<Integer, List<ChildRecord>> byParent = new HashMap<>(PARENTS * 2);
            try (PreparedStatement ps = c.prepareStatement(parentsSql); ResultSet rs = ps.executeQuery()) {
                jdbcStatements++;
                while (rs.next()) {
                    int id = rs.getInt(1);
                    List<ChildRecord> children = new ArrayList<>();
                    byParent.put(id, children);
                    parents.add(new ParentRecord(id, rs.getString(2), children));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(childrenSql)) {
                int i = 1;
                for (ParentRecord p : parents) ps.setInt(i++, p.id());
                try (ResultSet rs = ps.executeQuery()) {
                    jdbcStatements++;
                    while (rs.next()) {
                        int parentId = rs.getInt(2);
                        byParent.get(parentId).add(new ChildRecord(rs.getInt(1), parentId, rs.getString(3)));
                    }
                }
            }
            return touch(parents);
        }
    }

    @Benchmark
    public List<ParentRecord> quarryDsl() {
        List<ParentRecord> parents = database.select(PARENT.id, PARENT.name).from(PARENT).orderBy(PARENT.id.asc())
                .fetch(r -> new ParentRecord(r.value1(), r.value2(), new ArrayList<>()));
        Map<Integer, List<ChildRecord>> byParent = new HashMap<>(PARENTS * 2);
        List<Integer> ids = new ArrayList<>(parents.size());
        for (ParentRecord p : parents) {
            byParent.put(p.id(), p.children());
            ids.add(p.id());
        }
        for (ChildRecord child : database.select(CHILD.id, CHILD.parentId, CHILD.name).from(CHILD)
                .where(CHILD.parentId.in(ids)).fetchInto(ChildRecord.class)) {
            byParent.get(child.parentId()).add(child);
        }
        return touch(parents);
    }

    /** A child as an entity of the mapping layer. */
    public record ChildEntity(int id, int parentId, String name) {}

    /** A parent as an entity of the mapping layer, its children a lazy one-to-many relation. */
    public record ParentEntity(int id, String name, Lazy<List<ChildEntity>> children) {}

    static final Entity<ChildEntity> CHILD_ENTITIES = Entity.of(ChildEntity.class, CHILD);
    static final Entity<ParentEntity> PARENT_ENTITIES = Entity.of(ParentEntity.class, PARENT);
    static final Relation<ParentEntity, ChildEntity> PARENT_CHILDREN =
            PARENT_ENTITIES.oneToMany("children", CHILD_ENTITIES, CHILD.parentId);

    /**
     * The mapping layer: the parents through a repository, each one's children touched through its lazy
     * relation; the first touch loads the children of all 1,000 parents in one query (ordered by child key,
     * which the hand-written forms do not ask for).
     */
    @Benchmark
    public List<ParentEntity> quarryMapping() {
        List<ParentEntity> parents = PARENT_ENTITIES.repository(database).query().orderBy(PARENT.id.asc()).fetch();
        int n = 0;
        for (ParentEntity p : parents) n += p.children().get().size();
        touched = n;
        return parents;
    }

    @Benchmark
    public List<ParentRecord> jooq() {
        List<ParentRecord> parents = jooq.select(BenchJooq.PARENT_ID, BenchJooq.PARENT_NAME).from(BenchJooq.PARENT)
                .orderBy(BenchJooq.PARENT_ID.asc())
                .fetch(r -> new ParentRecord(r.value1(), r.value2(), new ArrayList<>()));
        Map<Integer, List<ChildRecord>> byParent = new HashMap<>(PARENTS * 2);
        List<Integer> ids = new ArrayList<>(parents.size());
        for (ParentRecord p : parents) {
            byParent.put(p.id(), p.children());
            ids.add(p.id());
        }
        for (ChildRecord child : jooq.select(BenchJooq.CHILD_ID, BenchJooq.CHILD_PARENT_ID, BenchJooq.CHILD_NAME).from(BenchJooq.CHILD)
                .where(BenchJooq.CHILD_PARENT_ID.in(ids)).fetch(Records.mapping(ChildRecord::new))) {
            byParent.get(child.parentId()).add(child);
        }
        return touch(parents);
    }

    @Benchmark
    public List<BenchHibernate.ParentEntity> hibernate() {
        try (Session session = hibernate.openSession()) {
            session.setDefaultReadOnly(true);
            List<BenchHibernate.ParentEntity> parents = session
                    .createSelectionQuery("from ParentEntity p order by p.id", BenchHibernate.ParentEntity.class)
                    .getResultList();
            int n = 0;
            for (BenchHibernate.ParentEntity p : parents) n += p.getChildren().size();
            touched = n;
            return parents;
        }
    }

    /**
     * Runs every benchmark method of this class once on the database kind, outside JMH, and counts the
     * statements each sends: by hand for JDBC, through Quarry's {@code StatementListener}, jOOQ's
     * {@code ExecuteListener} and Hibernate's {@code Statistics.getPrepareStatementCount()}. Each method runs
     * once before it is counted (Hibernate's first query of a session factory may differ).
     *
     * @param kind "sqlite", "postgres" or "mariadb"
     * @return statements per operation by method name, in the order jdbc, quarry..., jooq, hibernate
     * @throws IllegalStateException if a method touches another number of children than 5,000
     * @throws Exception if a method fails
     */
    static Map<String, Integer> countQueries(String kind) throws Exception {
        int[] quarry = {0};
        int[] jooqCount = {0};
        RelationBenchmark b = new RelationBenchmark();
        b.db = kind;
        b.open(true, true, (sql, binds, rows, nanos) -> quarry[0]++, ExecuteListener.onExecuteStart(ctx -> jooqCount[0]++));
        try {
            List<Method> methods = new ArrayList<>();
            for (Method m : RelationBenchmark.class.getMethods()) if (m.isAnnotationPresent(Benchmark.class)) methods.add(m);
            methods.sort(Comparator.comparingInt((Method m) -> order(m.getName())).thenComparing(Method::getName));
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Method m : methods) {
                invoke(b, m);
                long before = b.jdbcStatements + quarry[0] + jooqCount[0] + b.hibernate.getStatistics().getPrepareStatementCount();
                b.touched = 0;
                invoke(b, m);
                long after = b.jdbcStatements + quarry[0] + jooqCount[0] + b.hibernate.getStatistics().getPrepareStatementCount();
                if (b.touched != PARENTS * CHILDREN_PER_PARENT) {
                    throw new IllegalStateException(m.getName() + " on " + kind + " touched " + b.touched + " children, not "
                            + PARENTS * CHILDREN_PER_PARENT);
                }
                out.put(m.getName(), (int) (after - before));
            }
            return out;
        } finally {
            b.tearDown();
        }
    }

    private static void invoke(RelationBenchmark b, Method m) throws Exception {
        try {
            m.invoke(b);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    private static int order(String method) {
        int i = Arrays.asList("jdbc", "quarryDsl", "quarryMapping", "jooq", "hibernate").indexOf(method);
        return i < 0 ? 99 : i;
    }
}
