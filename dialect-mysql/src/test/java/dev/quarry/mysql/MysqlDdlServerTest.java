package dev.quarry.mysql;

import dev.quarry.dsl.DataAccessException;
import dev.quarry.dsl.Database;
import dev.quarry.dsl.ForeignKeyViolationException;
import dev.quarry.dsl.Row;
import dev.quarry.mysql.DdlTables.AutoIncrementOutsideKey;
import dev.quarry.mysql.DdlTables.Defaults;
import dev.quarry.mysql.DdlTables.Film;
import dev.quarry.mysql.DdlTables.FilmActor;
import dev.quarry.mysql.DdlTables.Language;
import dev.quarry.mysql.DdlTables.Rating;
import dev.quarry.mysql.DdlTables.Staff;
import dev.quarry.mysql.DdlTables.Store;
import dev.quarry.schema.Ddl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.quarry.dsl.Dsl.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DDL of {@link MysqlDdlTest} on the real server: it runs (twice, where IF NOT EXISTS allows),
 * creates what it says (read back from {@code information_schema}), and its defaults, checks and
 * foreign-key actions take effect; tables in a foreign-key cycle are filled with deferred checks and
 * dropped. The pool has one connection, so that a session setting left behind would show.
 */
class MysqlDdlServerTest {
    private static final List<String> TABLES = List.of("my_film", "my_film_actor", "my_language", "my_staff", "my_store");

    private Database db;

    private Database open(MysqlDialect pinned) {
        Database.Builder builder = Database.builder(MyDatabases.url()).maximumPoolSize(1);
        db = pinned == null ? builder.build() : builder.dialect(pinned.pinned()).build();
        Ddl.drop(db, DdlTables.ALL);
        Ddl.drop(db, Defaults.DEFAULTS, AutoIncrementOutsideKey.INSTANCE);
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            Ddl.drop(db, DdlTables.ALL);
            Ddl.drop(db, Defaults.DEFAULTS, AutoIncrementOutsideKey.INSTANCE);
            db.close();
        }
    }

    /** Rows of an information_schema query about this database, one string per row, columns joined by '/'. */
    private List<String> catalog(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? "/" : "").append(rs.getString(i));
                out.add(row.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private List<String> tables() {
        return catalog("SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME IN ('my_film', 'my_film_actor', 'my_language', 'my_staff', 'my_store') ORDER BY TABLE_NAME");
    }

    private long session(String variable) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT @@SESSION." + variable);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDdlRunsTwiceCreatesWhatItSaysAndDropsAgain() {
        open(null);
        Ddl.create(db, DdlTables.ALL);
        Ddl.create(db, DdlTables.ALL); // IF NOT EXISTS, and FOREIGN KEY IF NOT EXISTS on MariaDB: nothing changes
        assertThat(tables()).containsExactly(TABLES.stream().map(t -> t + "/InnoDB/utf8mb4_nopad_bin").toArray(String[]::new));
        assertThat(catalog("SELECT DISTINCT TABLE_NAME, INDEX_NAME, NON_UNIQUE FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'my_film' AND INDEX_NAME LIKE '%title%' ORDER BY INDEX_NAME"))
                .containsExactly("my_film/idx_my_film_title/1", "my_film/uq_my_film_title_language_id/0");
        assertThat(catalog("SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND CONSTRAINT_TYPE = 'FOREIGN KEY' AND TABLE_NAME LIKE 'my\\_%' ORDER BY CONSTRAINT_NAME"))
                .containsExactly("my_film_actor/fk_my_film_actor_film_id", "my_film/fk_my_film_language_id",
                        "my_film/fk_my_film_original_language_id", "my_staff/fk_my_staff_store_id", "my_store/fk_my_store_manager_staff_id");
        assertThat(catalog("SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND CONSTRAINT_TYPE = 'CHECK' AND TABLE_NAME = 'my_film' ORDER BY CONSTRAINT_NAME"))
                .contains("my_rate_not_negative").hasSizeGreaterThanOrEqualTo(3);
        Ddl.drop(db, DdlTables.ALL);
        assertThat(tables()).isEmpty();
    }

    @Test
    void theMysql8DdlRunsToo() {
        open(MysqlDialect.MYSQL_8);
        Ddl.create(db, DdlTables.ALL);
        // MySQL's SQL, but the tables get the binary NO PAD collation this MariaDB server has
        assertThat(tables()).containsExactly(TABLES.stream().map(t -> t + "/InnoDB/utf8mb4_nopad_bin").toArray(String[]::new));
        assertThat(catalog("SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND CONSTRAINT_TYPE = 'FOREIGN KEY' AND TABLE_NAME = 'my_store'")).containsExactly("fk_my_store_manager_staff_id");
        // without FOREIGN KEY IF NOT EXISTS (which MySQL lacks) a second run fails on the added foreign key
        assertThatThrownBy(() -> Ddl.create(db, DdlTables.ALL)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fk_my_store_manager_staff_id");
        Ddl.drop(db, DdlTables.ALL);
        assertThat(tables()).isEmpty();
    }

    @Test
    void defaultsChecksAndEnumLabelsTakeEffect() {
        open(null);
        Ddl.create(db, DdlTables.ALL);
        Language l = Language.LANGUAGE;
        Film f = Film.FILM;
        int en = db.insertInto(l, r -> r.set(l.name, "English")).executeAndGetKey(l.id);
        int id = db.insertInto(f, r -> r.set(f.title, "Alien").set(f.languageId, en)).executeAndGetKey(f.id);
        Row row = db.select(f.director, f.rate, f.rating, f.active, f.releasedAt, f.lastUpdate, f.notes, f.length)
                .from(f).where(f.id.eq(id)).fetchOne();
        assertThat(row.get(f.director)).isEqualTo("O'Brien");
        assertThat(row.get(f.rate)).isEqualTo(new BigDecimal("4.99"));
        assertThat(row.get(f.rating)).isEqualTo(Rating.G);
        assertThat(row.get(f.active)).isTrue();
        assertThat(row.get(f.releasedAt)).isEqualTo(LocalDateTime.of(2006, 2, 15, 4, 57, 20));
        assertThat(row.get(f.notes)).isEqualTo("C:\\temp\\new");
        assertThat(row.get(f.length)).isNull();
        // CURRENT_TIMESTAMP(6) in a session whose time zone is UTC
        LocalDateTime nowUtc = LocalDateTime.now(ZoneOffset.UTC);
        assertThat(Duration.between(row.get(f.lastUpdate), nowUtc).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(row.get(f.lastUpdate).getNano() % 1_000).isZero();

        db.update(f).set(f.rating, Rating.PG_13).where(f.id.eq(id)).execute();
        assertThat(db.select(f.rating).from(f).where(f.id.eq(id)).fetchValue(f.rating)).isEqualTo(Rating.PG_13);
        assertThatThrownBy(() -> db.update(f).set(f.rate, new BigDecimal("-1.00")).where(f.id.eq(id)).execute())
                .isInstanceOf(dev.quarry.dsl.CheckViolationException.class).hasMessageContaining("my_rate_not_negative");
        assertThatThrownBy(() -> db.update(f).set(f.length, (short) 0).where(f.id.eq(id)).execute())
                .isInstanceOf(dev.quarry.dsl.CheckViolationException.class);
        assertThat(db.select(f.rate).from(f).fetchValue(f.rate)).isEqualTo(new BigDecimal("4.99"));
    }

    @Test
    void everyDefaultLiteralReadsBackExactly() {
        open(null);
        Defaults d = Defaults.DEFAULTS;
        Ddl.create(db, d);
        int id = db.insertInto(d, r -> { }).executeAndGetKey(d.id);
        Row row = db.select(d.aBigint, d.aSmallint, d.aChar, d.aText, d.aBool, d.aReal, d.aDouble, d.aDate, d.aTimestamp,
                d.aTimestamptz, d.aUuid, d.aBlob, d.aJson).from(d).where(d.id.eq(id)).fetchOne();
        assertThat(row.get(d.aBigint)).isEqualTo(Long.MIN_VALUE);
        assertThat(row.get(d.aSmallint)).isEqualTo((short) -7);
        assertThat(row.get(d.aChar)).isEqualTo("a'b");
        assertThat(row.get(d.aText)).isEqualTo("back\\slash 'quote' ☃");
        assertThat(row.get(d.aBool)).isFalse();
        assertThat(row.get(d.aReal)).isEqualTo(1.1f);
        assertThat(row.get(d.aDouble)).isEqualTo(0.1 + 0.2);
        assertThat(row.get(d.aDate)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(row.get(d.aTimestamp)).isEqualTo(LocalDateTime.of(2005, 5, 24, 22, 53, 30, 123_456_000));
        assertThat(row.get(d.aTimestamptz)).isEqualTo(Defaults.A_TSTZ.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(row.get(d.aUuid)).isEqualTo(Defaults.A_UUID);
        assertThat(row.get(d.aBlob)).containsExactly(0, 1, 0xff);
        assertThat(row.get(d.aJson)).isEqualTo("{\"a\": [1, 2]}");
        // the defaults compare equal to the same values bound as parameters
        assertThat(db.select(count()).from(d).where(d.aReal.eq(1.1f).and(d.aTimestamptz.eq(Defaults.A_TSTZ))
                .and(d.aUuid.eq(Defaults.A_UUID))).fetchValue(count())).isEqualTo(1L);
    }

    @Test
    void foreignKeyActionsTakeEffect() {
        open(null);
        Ddl.create(db, DdlTables.ALL);
        Language l = Language.LANGUAGE;
        Film f = Film.FILM;
        FilmActor fa = FilmActor.FILM_ACTOR;
        int en = db.insertInto(l, r -> r.set(l.name, "English")).executeAndGetKey(l.id);
        int fr = db.insertInto(l, r -> r.set(l.name, "French")).executeAndGetKey(l.id);
        int film = db.insertInto(f, r -> r.set(f.title, "Alien").set(f.languageId, en).set(f.originalLanguageId, fr)).executeAndGetKey(f.id);
        db.insertInto(fa, List.of(1, 2), (r, actor) -> r.set(fa.actorId, actor).set(fa.filmId, film)).execute();

        assertThat(db.deleteFrom(l).where(l.id.eq(fr)).execute()).isEqualTo(1); // ON DELETE SET NULL
        assertThat(db.select(f.originalLanguageId).from(f).fetchValue(f.originalLanguageId)).isNull();
        assertThatThrownBy(() -> db.deleteFrom(l).where(l.id.eq(en)).execute()) // ON DELETE RESTRICT
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23000");
                    assertThat(e.sql()).isEqualTo("DELETE FROM `my_language` WHERE `my_language`.`language_id` = ?");
                });
        db.update(l).set(l.id, 40).where(l.id.eq(en)).execute(); // ON UPDATE CASCADE
        assertThat(db.select(f.languageId).from(f).fetchValue(f.languageId)).isEqualTo(40);
        assertThat(db.select(count()).from(fa).fetchValue(count())).isEqualTo(2L);
        db.deleteFrom(f).all().execute(); // ON DELETE CASCADE
        assertThat(db.select(count()).from(fa).fetchValue(count())).isZero();
    }

    @Test
    void tablesInACycleAreFilledWithDeferredChecksWhichAreOnAgainAfterwards() {
        open(null);
        Ddl.create(db, DdlTables.ALL);
        Store s = Store.STORE;
        Staff st = Staff.STAFF;
        db.runInTransaction(tx -> {
            tx.deferForeignKeyChecks();
            tx.insertInto(s, r -> r.set(s.id, 1).set(s.managerId, 10)).execute();
            tx.insertInto(st, r -> r.set(st.id, 10).set(st.storeId, 1)).execute();
        });
        assertThat(db.select(s.managerId).from(s).fetchValue(s.managerId)).isEqualTo(10);
        assertThat(db.select(st.storeId).from(st).fetchValue(st.storeId)).isEqualTo(1);
        // the pool's one connection checks foreign keys again
        assertThat(session("foreign_key_checks")).isEqualTo(1);
        assertThatThrownBy(() -> db.insertInto(s, r -> r.set(s.id, 2).set(s.managerId, 99)).execute())
                .isInstanceOf(ForeignKeyViolationException.class);

        // also after a transaction that deferred and rolled back
        assertThatThrownBy(() -> db.runInTransaction(tx -> {
            tx.deferForeignKeyChecks();
            tx.insertInto(s, r -> r.set(s.id, 3).set(s.managerId, 77)).execute();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(session("foreign_key_checks")).isEqualTo(1);
        assertThat(db.select(count()).from(s).fetchValue(count())).isEqualTo(1L);

        Ddl.drop(db, DdlTables.ALL);
        assertThat(tables()).isEmpty();
    }

    @Test
    void anAutoIncrementColumnOutsideTheKeyGeneratesValues() {
        open(null);
        AutoIncrementOutsideKey t = AutoIncrementOutsideKey.INSTANCE;
        Ddl.create(db, t);
        List<Long> seqs = db.insertInto(t, List.of(7, 8), (r, id) -> r.set(t.id, id)).executeAndGetKeys(t.seq);
        assertThat(seqs).containsExactly(1L, 2L);
        assertThat(db.select(t.seq).from(t).where(t.id.eq(8)).fetchValue(t.seq)).isEqualTo(2L);
    }
}
