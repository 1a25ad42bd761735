package dev.quarry.benchmarks;

import dev.quarry.dsl.Database;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.BatchSize;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Hibernate ORM 6.6 as the benchmarks use it: annotated entities mapped onto the tables Quarry creates,
 * bootstrapped programmatically (no {@code persistence.xml}, no schema generation) over the benchmark's
 * pool, so that Hibernate uses the same connections and driver settings as the other libraries. The
 * dialect is detected from the connection for PostgreSQL and MariaDB; SQLite uses
 * {@code org.hibernate.community.dialect.SQLiteDialect}. JDBC batching is on (1,000 statements per batch)
 * for the insert scenario; nothing else is tuned.
 */
final class BenchHibernate {
    private BenchHibernate() {}

    /** The JDBC batch size, and the flush interval of the insert scenario. */
    static final int BATCH_SIZE = 1_000;

    /**
     * @param database the benchmark's database, whose pool Hibernate uses
     * @param kind the database kind
     * @param statistics whether to collect statistics (to count statements outside the timed runs)
     * @return the session factory; close it at the end of the trial
     */
    static SessionFactory open(Database database, String kind, boolean statistics) {
        // Hibernate logs through JBoss Logging; send it to SLF4J (slf4j-nop in the benchmarks jar) rather
        // than java.util.logging, which would print its INFO lines on the console
        System.setProperty("org.jboss.logging.provider", "slf4j");
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
                .applySetting(AvailableSettings.GENERATE_STATISTICS, statistics)
                .applySetting(AvailableSettings.SHOW_SQL, false);
        if (kind.equals("sqlite")) settings.applySetting(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        StandardServiceRegistry registry = settings.build();
        try {
            return new MetadataSources(registry)
                    .addAnnotatedClass(FilmEntity.class)
                    .addAnnotatedClass(FilmCopyEntity.class)
                    .addAnnotatedClass(ParentEntity.class)
                    .addAnnotatedClass(ChildEntity.class)
                    .addAnnotatedClass(StreamEntity.class)
                    .buildMetadata()
                    .buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** A film: the three columns the PK lookup and the 10,000-row fetch read (the table's fourth is not mapped). */
    @Entity(name = "FilmEntity")
    @Table(name = "film")
    public static class FilmEntity {
        @Id
        @Column(name = "film_id")
        private Integer filmId;
        @Column(name = "title")
        private String title;
        @Column(name = "rental_rate")
        private BigDecimal rentalRate;

        /** For Hibernate. */
        protected FilmEntity() {}

        /** @return the key */
        public Integer getFilmId() { return filmId; }
        /** @return the title */
        public String getTitle() { return title; }
        /** @return the rental rate */
        public BigDecimal getRentalRate() { return rentalRate; }
    }

    /** A row of the insert scenario's table (keys given by the rows, as in the other libraries' inserts). */
    @Entity(name = "FilmCopyEntity")
    @Table(name = "film_copy")
    public static class FilmCopyEntity {
        @Id
        @Column(name = "film_id")
        private Integer filmId;
        @Column(name = "title")
        private String title;
        @Column(name = "rental_rate")
        private BigDecimal rentalRate;

        /** For Hibernate. */
        protected FilmCopyEntity() {}

        /**
         * @param filmId the key
         * @param title the title
         * @param rentalRate the rate
         */
        public FilmCopyEntity(int filmId, String title, BigDecimal rentalRate) {
            this.filmId = filmId;
            this.title = title;
            this.rentalRate = rentalRate;
        }
    }

    /**
     * A parent of scenario 5, whose children are a lazy one-to-many loaded in batches of up to 1,000
     * owners: touching the first parent's list loads the children of all 1,000 parents in one query.
     */
    @Entity(name = "ParentEntity")
    @Table(name = "bench_parent")
    public static class ParentEntity {
        @Id
        @Column(name = "id")
        private Integer id;
        @Column(name = "name")
        private String name;
        @OneToMany(mappedBy = "parent", fetch = FetchType.LAZY)
        @BatchSize(size = 1_000)
        private List<ChildEntity> children = new ArrayList<>();

        /** For Hibernate. */
        protected ParentEntity() {}

        /** @return the key */
        public Integer getId() { return id; }
        /** @return the name */
        public String getName() { return name; }
        /** @return the children, loaded when first touched */
        public List<ChildEntity> getChildren() { return children; }
    }

    /** A child of scenario 5. */
    @Entity(name = "ChildEntity")
    @Table(name = "bench_child")
    public static class ChildEntity {
        @Id
        @Column(name = "id")
        private Integer id;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "parent_id")
        private ParentEntity parent;
        @Column(name = "name")
        private String name;

        /** For Hibernate. */
        protected ChildEntity() {}

        /** @return the key */
        public Integer getId() { return id; }
        /** @return the name */
        public String getName() { return name; }
    }

    /** A row of scenario 6's 1,000,000. */
    @Entity(name = "StreamEntity")
    @Table(name = "bench_stream")
    public static class StreamEntity {
        @Id
        @Column(name = "id")
        private Integer id;
        @Column(name = "title")
        private String title;
        @Column(name = "rental_rate")
        private BigDecimal rentalRate;

        /** For Hibernate. */
        protected StreamEntity() {}

        /** @return the key */
        public Integer getId() { return id; }
        /** @return the title */
        public String getTitle() { return title; }
        /** @return the rental rate */
        public BigDecimal getRentalRate() { return rentalRate; }
    }
}
