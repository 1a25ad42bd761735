package dev.quarry.mysql;

import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.SqlBuilder;
import dev.quarry.mysql.DdlTables.AutoIncrementOutsideKey;
import dev.quarry.mysql.DdlTables.Defaults;
import dev.quarry.mysql.DdlTables.Film;
import dev.quarry.mysql.DdlTables.Language;
import dev.quarry.schema.Column;
import dev.quarry.schema.Ddl;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden MySQL / MariaDB DDL, rendered without a database; {@link MysqlDdlServerTest} runs it. */
class MysqlDdlTest {
    /** MariaDB's table options: the binary NO PAD collation. */
    static final String OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin";
    /** MySQL 8.0.17 and later: utf8mb4_0900_bin, MySQL's binary NO PAD collation. */
    static final String MYSQL_OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin";
    /** MySQL before 8.0.17 has no binary NO PAD utf8mb4 collation: utf8mb4_bin, which ignores trailing spaces. */
    static final String OLD_MYSQL_OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    static final MysqlDialect MYSQL_8_4 = MysqlDialect.of("MySQL", "8.4.3");
    static final MysqlDialect MYSQL_8_0_15 = MysqlDialect.of("MySQL", "8.0.15");
    static final MysqlDialect MYSQL_8_0_12 = MysqlDialect.of("MySQL", "8.0.12-log");

    private static List<String> sql(List<Rendered> statements) {
        for (Rendered r : statements) assertThat(r.binds()).as("DDL has no bind values: %s", r.sql()).isEmpty();
        return statements.stream().map(Rendered::sql).toList();
    }

    private static final String LANGUAGE = "CREATE TABLE `my_language` (`language_id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            + "`name` VARCHAR(20) NOT NULL UNIQUE)" + OPTIONS;
    private static final String FILM = "CREATE TABLE `my_film` (`film_id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            + "`title` VARCHAR(255) NOT NULL, "
            + "`director` VARCHAR(50) NOT NULL DEFAULT ('O''Brien'), "
            + "`rental_rate` DECIMAL(4, 2) NOT NULL DEFAULT (4.99), "
            + "`length` SMALLINT CHECK (`length` > 0), "
            + "`rating` VARCHAR(5) NOT NULL DEFAULT ('G') CHECK (`rating` IN ('G', 'PG-13', 'NC-17')), "
            + "`active` BOOLEAN NOT NULL DEFAULT (TRUE), "
            + "`language_id` INT NOT NULL, "
            + "`original_language_id` INT, "
            + "`released_at` DATETIME(6) NOT NULL DEFAULT ('2006-02-15 04:57:20.000000'), "
            + "`last_update` DATETIME(6) NOT NULL DEFAULT (CURRENT_TIMESTAMP(6)), "
            // a backslash is an escape character in MySQL string literals, so it is doubled
            + "`notes` LONGTEXT DEFAULT ('C:\\\\temp\\\\new'), "
            + "CONSTRAINT `my_rate_not_negative` CHECK (`rental_rate` >= 0), "
            + "INDEX `idx_my_film_title` (`title`), "
            + "UNIQUE INDEX `uq_my_film_title_language_id` (`title`, `language_id`), "
            + "CONSTRAINT `fk_my_film_language_id` FOREIGN KEY (`language_id`) REFERENCES `my_language` (`language_id`) "
            + "ON DELETE RESTRICT ON UPDATE CASCADE, "
            + "CONSTRAINT `fk_my_film_original_language_id` FOREIGN KEY (`original_language_id`) "
            + "REFERENCES `my_language` (`language_id`) ON DELETE SET NULL)" + OPTIONS;
    private static final String FILM_ACTOR = "CREATE TABLE `my_film_actor` (`actor_id` INT NOT NULL, `film_id` INT NOT NULL, "
            + "PRIMARY KEY (`actor_id`, `film_id`), "
            + "CONSTRAINT `fk_my_film_actor_film_id` FOREIGN KEY (`film_id`) REFERENCES `my_film` (`film_id`) ON DELETE CASCADE)" + OPTIONS;
    // the cycle store <-> staff: store first without its foreign key, which is added once staff exists
    private static final String STORE = "CREATE TABLE `my_store` (`store_id` INT NOT NULL, `manager_staff_id` INT NOT NULL, "
            + "PRIMARY KEY (`store_id`))" + OPTIONS;
    private static final String STAFF = "CREATE TABLE `my_staff` (`staff_id` INT NOT NULL, `store_id` INT NOT NULL, "
            + "PRIMARY KEY (`staff_id`), "
            + "CONSTRAINT `fk_my_staff_store_id` FOREIGN KEY (`store_id`) REFERENCES `my_store` (`store_id`))" + OPTIONS;

    @Test
    void goldenCreateStatementsForMariaDb() {
        assertThat(sql(Ddl.createStatements(MysqlDialect.MARIADB, List.of(DdlTables.ALL), false))).containsExactly(
                LANGUAGE, FILM, FILM_ACTOR, STORE, STAFF,
                "ALTER TABLE `my_store` ADD CONSTRAINT `fk_my_store_manager_staff_id` FOREIGN KEY IF NOT EXISTS (`manager_staff_id`) "
                        + "REFERENCES `my_staff` (`staff_id`)");
    }

    @Test
    void goldenCreateStatementsForMysql8DifferInTheCollationAndTheAddedForeignKey() {
        String alter = "ALTER TABLE `my_store` ADD CONSTRAINT `fk_my_store_manager_staff_id` FOREIGN KEY (`manager_staff_id`) "
                + "REFERENCES `my_staff` (`staff_id`)";
        assertThat(sql(Ddl.createStatements(MYSQL_8_4, List.of(DdlTables.ALL), false))).containsExactly(
                mysql(LANGUAGE, MYSQL_OPTIONS), mysql(FILM, MYSQL_OPTIONS), mysql(FILM_ACTOR, MYSQL_OPTIONS), mysql(STORE, MYSQL_OPTIONS),
                mysql(STAFF, MYSQL_OPTIONS), alter);
        assertThat(sql(Ddl.createStatements(MysqlDialect.of("MySQL", "8.0.17"), List.of(Language.LANGUAGE), false)))
                .containsExactly(mysql(LANGUAGE, MYSQL_OPTIONS));
        // MysqlDialect.MYSQL_8 is MySQL 8.0.16, which lacks utf8mb4_0900_bin
        assertThat(sql(Ddl.createStatements(MysqlDialect.MYSQL_8, List.of(DdlTables.ALL), false))).containsExactly(
                mysql(LANGUAGE, OLD_MYSQL_OPTIONS), mysql(FILM, OLD_MYSQL_OPTIONS), mysql(FILM_ACTOR, OLD_MYSQL_OPTIONS),
                mysql(STORE, OLD_MYSQL_OPTIONS), mysql(STAFF, OLD_MYSQL_OPTIONS), alter);
    }

    /** A MariaDB statement with MySQL's table options instead. */
    private static String mysql(String mariaDbStatement, String options) {
        assertThat(mariaDbStatement).endsWith(OPTIONS);
        return mariaDbStatement.substring(0, mariaDbStatement.length() - OPTIONS.length()) + options;
    }

    /** The pinned dialect renders MySQL 8's SQL but gives tables the collation of the server it is connected to. */
    @Test
    void aPinnedDialectTakesTheTableCollationOfItsServer() throws Exception {
        java.sql.DatabaseMetaData mariaDb = (java.sql.DatabaseMetaData) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {java.sql.DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> "MariaDB";
                    case "getDatabaseProductVersion" -> "10.11.19-MariaDB-0+deb12u1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        MysqlDialect pinned = (MysqlDialect) MYSQL_8_4.pinned().forServer(mariaDb);
        assertThat(pinned.isMariaDb()).isFalse();
        assertThat(pinned.serverVersion()).isEqualTo("8.4.3");
        assertThat(sql(Ddl.createStatements(pinned, List.of(DdlTables.ALL), false))).containsExactly(
                LANGUAGE, FILM, FILM_ACTOR, STORE, STAFF,
                "ALTER TABLE `my_store` ADD CONSTRAINT `fk_my_store_manager_staff_id` FOREIGN KEY (`manager_staff_id`) "
                        + "REFERENCES `my_staff` (`staff_id`)");
    }

    static final class Collated extends Table {
        static final Collated INSTANCE = new Collated();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 40).collate("utf8mb4_unicode_ci");
        final Column<String> code = character("code", 2).nullable().collate("utf8mb4_general_ci");
        final Column<String> plain = text("plain").nullable();
        private Collated() { super("my_collated"); }
    }

    static final class BadCollation extends Table {
        static final BadCollation INSTANCE = new BadCollation();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 40).collate("utf8mb4_bin; DROP TABLE x");
        private BadCollation() { super("my_bad_collation"); }
    }

    @Test
    void aDeclaredCollationFollowsTheTypeAndMustBeAPlainName() {
        assertThat(sql(Ddl.createStatements(MysqlDialect.MARIADB, List.of(Collated.INSTANCE), false))).containsExactly(
                "CREATE TABLE `my_collated` (`id` INT NOT NULL, `name` VARCHAR(40) COLLATE utf8mb4_unicode_ci NOT NULL, "
                        + "`code` CHAR(2) COLLATE utf8mb4_general_ci, `plain` LONGTEXT, PRIMARY KEY (`id`))" + OPTIONS);
        assertThatThrownBy(() -> Ddl.createStatements(MYSQL_8_4, List.of(BadCollation.INSTANCE), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column my_bad_collation.name: collation name 'utf8mb4_bin; DROP TABLE x' is not a plain name for mysql "
                        + "(ASCII letters, digits and underscores)");
    }

    @Test
    void ifNotExistsCoversTheIndexesSinceTheyAreInsideCreateTable() {
        List<String> statements = sql(Ddl.createStatements(MysqlDialect.MYSQL_8, List.of(Language.LANGUAGE, Film.FILM), true));
        assertThat(statements).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("CREATE TABLE IF NOT EXISTS `"));
        assertThat(statements.get(1)).contains("INDEX `idx_my_film_title` (`title`)");
    }

    @Test
    void goldenDropInReverseOrder() {
        assertThat(sql(Ddl.dropStatements(MysqlDialect.MARIADB, List.of(DdlTables.ALL), true))).containsExactly(
                "DROP TABLE IF EXISTS `my_staff`", "DROP TABLE IF EXISTS `my_store`", "DROP TABLE IF EXISTS `my_film_actor`",
                "DROP TABLE IF EXISTS `my_film`", "DROP TABLE IF EXISTS `my_language`");
    }

    @Test
    void goldenDefaultsOfEveryType() {
        assertThat(sql(Ddl.createStatements(MysqlDialect.MARIADB, List.of(Defaults.DEFAULTS), false))).containsExactly(
                "CREATE TABLE `my_defaults` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                        + "`a_bigint` BIGINT NOT NULL DEFAULT (-9223372036854775808), "
                        + "`a_smallint` SMALLINT NOT NULL DEFAULT (-7), "
                        + "`a_char` CHAR(3) NOT NULL DEFAULT ('a''b'), "
                        + "`a_text` LONGTEXT NOT NULL DEFAULT ('back\\\\slash ''quote'' ☃'), "
                        + "`a_bool` BOOLEAN NOT NULL DEFAULT (FALSE), "
                        // REAL is stored as DOUBLE: the literal is the double the float 1.1f is
                        + "`a_real` DOUBLE NOT NULL DEFAULT (1.100000023841858), "
                        + "`a_double` DOUBLE NOT NULL DEFAULT (0.30000000000000004), "
                        + "`a_date` DATE NOT NULL DEFAULT ('1999-12-31'), "
                        + "`a_timestamp` DATETIME(6) NOT NULL DEFAULT ('2005-05-24 22:53:30.123456'), "
                        // the instant in UTC: 04:34:33.123456+02:00
                        + "`a_timestamptz` DATETIME(6) NOT NULL DEFAULT ('2006-02-15 02:34:33.123456'), "
                        + "`a_uuid` CHAR(36) NOT NULL DEFAULT ('2f1c7c9e-8a8b-4f4e-9a55-0d1b7f3a9c10'), "
                        + "`a_blob` LONGBLOB NOT NULL DEFAULT (X'0001ff'), "
                        + "`a_json` JSON NOT NULL DEFAULT ('{\"a\": [1, 2]}'))" + OPTIONS);
    }

    @Test
    void anAutoIncrementColumnOutsideTheKeyIsMadeUnique() {
        assertThat(sql(Ddl.createStatements(MysqlDialect.MARIADB, List.of(AutoIncrementOutsideKey.INSTANCE), false))).containsExactly(
                "CREATE TABLE `my_auto_outside` (`id` INT NOT NULL, `seq` BIGINT NOT NULL AUTO_INCREMENT UNIQUE, "
                        + "PRIMARY KEY (`id`))" + OPTIONS);
    }

    static final class LeadingAutoIncrement extends Table {
        static final LeadingAutoIncrement INSTANCE = new LeadingAutoIncrement();
        final Column<Integer> seq = integer("seq").autoIncrement();
        final Column<Integer> part = integer("part");
        { primaryKey(seq, part); }
        private LeadingAutoIncrement() { super("my_leading_auto"); }
    }

    @Test
    void anAutoIncrementColumnThatLeadsACompositeKeyNeedsNoUnique() {
        assertThat(sql(Ddl.createStatements(MysqlDialect.MARIADB, List.of(LeadingAutoIncrement.INSTANCE), false))).containsExactly(
                "CREATE TABLE `my_leading_auto` (`seq` INT NOT NULL AUTO_INCREMENT, `part` INT NOT NULL, PRIMARY KEY (`seq`, `part`))" + OPTIONS);
    }

    @Test
    void columnTypes() {
        MysqlDdlRenderer ddl = (MysqlDdlRenderer) MysqlDialect.MARIADB.ddl();
        assertThat(ddl.columnType(dev.quarry.dsl.DataType.text())).isEqualTo("LONGTEXT");
        assertThat(ddl.columnType(dev.quarry.dsl.DataType.jsonb())).isEqualTo("JSON");
        assertThat(ddl.columnType(dev.quarry.dsl.DataType.real())).isEqualTo("DOUBLE");
        assertThat(ddl.columnType(dev.quarry.dsl.DataType.timestamptz())).isEqualTo("DATETIME(6)");
        assertThat(ddl.columnType(dev.quarry.dsl.DataType.varchar(16_383))).isEqualTo("VARCHAR(16383)");
        assertThat(ddl.columnType(dev.quarry.dsl.DataType.decimal(65, 30))).isEqualTo("DECIMAL(65, 30)");
    }

    // ---- what MySQL cannot express fails at render time --------------------------------------------------

    static final class WithArray extends Table {
        static final WithArray INSTANCE = new WithArray();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<List<Integer>> tags = array("tags", dev.quarry.dsl.DataType.integer()).nullable();
        private WithArray() { super("my_with_array"); }
    }

    static final class SetDefault extends Table {
        static final SetDefault INSTANCE = new SetDefault();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> languageId = integer("language_id").defaultValue(1)
                .references(Language.LANGUAGE.id, ReferenceAction.SET_DEFAULT, ReferenceAction.NO_ACTION);
        private SetDefault() { super("my_set_default"); }
    }

    static final class IndexedText extends Table {
        static final IndexedText INSTANCE = new IndexedText();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> body = text("body");
        { index(body); }
        private IndexedText() { super("my_indexed_text"); }
    }

    static final class TwoAutoIncrements extends Table {
        static final TwoAutoIncrements INSTANCE = new TwoAutoIncrements();
        final Column<Integer> a = integer("a").primaryKey().autoIncrement();
        final Column<Integer> b = integer("b").autoIncrement();
        private TwoAutoIncrements() { super("my_two_auto"); }
    }

    static final class TooLong extends Table {
        static final TooLong INSTANCE = new TooLong();
        final Column<String> s = varchar("s", 20_000);
        private TooLong() { super("my_too_long"); }
    }

    private static void assertUnsupported(MysqlDialect dialect, Table table, String message) {
        assertThatThrownBy(() -> Ddl.createStatements(dialect, List.of(table), true))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage(message);
    }

    @Test
    void unsupportedDeclarationsNameTableAndColumn() {
        assertUnsupported(MysqlDialect.MARIADB, WithArray.INSTANCE,
                "The mariadb dialect does not support ARRAY columns (INTEGER ARRAY) (column my_with_array.tags)");
        assertUnsupported(MysqlDialect.MYSQL_8, SetDefault.INSTANCE,
                "The mysql dialect does not support ON DELETE/UPDATE SET DEFAULT on column my_set_default.language_id (InnoDB rejects it)");
        assertUnsupported(MysqlDialect.MARIADB, IndexedText.INSTANCE,
                "The mariadb dialect does not support TEXT column my_indexed_text.body in index idx_my_indexed_text_body "
                        + "(MySQL indexes LONGTEXT and LONGBLOB only by a prefix, and JSON not at all; use varchar)");
        assertUnsupported(MysqlDialect.MARIADB, TwoAutoIncrements.INSTANCE,
                "The mariadb dialect does not support more than one AUTO_INCREMENT column in table my_two_auto [a, b]");
        assertUnsupported(MysqlDialect.MARIADB, TooLong.INSTANCE,
                "The mariadb dialect does not support VARCHAR(20000): a utf8mb4 VARCHAR holds at most 16383 characters "
                        + "(MySQL 8.0 manual, 13.3.2); use text() (column my_too_long.s)");
    }

    @Test
    void checksAndExpressionDefaultsNeedAServerThatHasThem() {
        assertUnsupported(MYSQL_8_0_15, Film.FILM,
                "The mysql dialect does not support CHECK constraints on MySQL 8.0.15 (table my_film): the server ignores them; "
                        + "they are enforced from MySQL 8.0.16 and MariaDB 10.2.1");
        assertUnsupported(MYSQL_8_0_12, Defaults.DEFAULTS,
                "The mysql dialect does not support DEFAULT on column my_defaults.a_bigint on MySQL 8.0.12 "
                        + "(expression defaults need MySQL 8.0.13 or MariaDB 10.2.1)");
        assertThat(sql(Ddl.createStatements(MYSQL_8_0_12, List.of(Language.LANGUAGE), false))).containsExactly(mysql(LANGUAGE, OLD_MYSQL_OPTIONS));
    }

    @Test
    void standAloneCreateIndexIfNotExistsOnlyOnMariaDb() {
        var index = Film.FILM.indexes().get(0);
        SqlBuilder b = new SqlBuilder(MysqlDialect.MARIADB);
        MysqlDialect.MARIADB.ddl().createIndex(b, index, true);
        assertThat(b.sql()).isEqualTo("CREATE INDEX IF NOT EXISTS `idx_my_film_title` ON `my_film` (`title`)");
        assertThatThrownBy(() -> MysqlDialect.MYSQL_8.ddl().createIndex(new SqlBuilder(MysqlDialect.MYSQL_8), index, true))
                .isInstanceOf(UnsupportedDialectFeatureException.class)
                .hasMessage("The mysql dialect does not support CREATE INDEX IF NOT EXISTS (index idx_my_film_title)");
        SqlBuilder plain = new SqlBuilder(MysqlDialect.MYSQL_8);
        MysqlDialect.MYSQL_8.ddl().createIndex(plain, index, false);
        assertThat(plain.sql()).isEqualTo("CREATE INDEX `idx_my_film_title` ON `my_film` (`title`)");
    }

    @Test
    void dropForeignKeyIsSpelledTheWayBothProductsAccept() {
        var fk = DdlTables.Store.STORE.foreignKeys().get(0);
        SqlBuilder b = new SqlBuilder(MysqlDialect.MYSQL_8);
        MysqlDialect.MYSQL_8.ddl().dropForeignKey(b, fk);
        assertThat(b.sql()).isEqualTo("ALTER TABLE `my_store` DROP FOREIGN KEY `fk_my_store_manager_staff_id`");
    }
}
