package dev.quarry.sqlite;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Row;
import dev.quarry.schema.Ddl;
import dev.quarry.sqlite.GoldenTables.Film;
import dev.quarry.sqlite.GoldenTables.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static dev.quarry.dsl.Dsl.avg;
import static dev.quarry.dsl.Dsl.count;
import static dev.quarry.dsl.Dsl.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** The former smoke test, with assertions: create, insert with keys, join, aggregate, update, map, drop. */
class SqliteEndToEndTest {
    private static final Film F = Film.FILM;
    private static final Language L = Language.LANGUAGE;

    record TitleAndRate(String title, BigDecimal rentalRate) {}

    @Test
    void roundTrip() {
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {
            Ddl.create(db, F, L);
            int en = db.insertInto(L, r -> r.set(L.name, "English")).executeAndGetKey(L.id);
            assertThat(en).isEqualTo(1);
            assertThat(db.insertInto(F, List.of("A", "B", "C"), (r, t) -> r.set(F.title, t).set(F.languageId, en))
                    .executeAndGetKeys(F.id)).containsExactly(1, 2, 3);

            var rows = db.select(F.title, L.name, F.rate, F.lastUpdate).from(F).leftJoin(L).on(F.languageId.eq(L.id))
                    .where(F.title.in("A", "C")).orderBy(F.title.desc()).limit(5).fetch();
            assertThat(rows).extracting(r -> r.get(F.title)).containsExactly("C", "A");
            assertThat(rows).extracting(r -> r.get(L.name)).containsExactly("English", "English");
            assertThat(rows).extracting(r -> r.get(F.rate)).containsExactly(new BigDecimal("4.99"), new BigDecimal("4.99"));
            assertThat(rows).allSatisfy(r -> assertThat(r.get(F.lastUpdate)).isNotNull());

            Row totals = db.select(sum(F.rate), count(), avg(F.rate)).from(F).fetchOne();
            BigDecimal total = totals.get(sum(F.rate));
            BigDecimal average = totals.get(avg(F.rate));
            assertThat(total).isEqualTo(new BigDecimal("14.97"));
            assertThat(totals.get(count())).isEqualTo(3L);
            assertThat(average).isEqualByComparingTo("4.99");

            assertThat(db.update(F).set(F.rate, new BigDecimal("0.99")).where(F.title.startsWith("A")).execute()).isEqualTo(1);
            assertThat(db.select(F.title, F.rate).from(F).orderBy(F.id).fetchInto(TitleAndRate.class)).containsExactly(
                    new TitleAndRate("A", new BigDecimal("0.99")), new TitleAndRate("B", new BigDecimal("4.99")),
                    new TitleAndRate("C", new BigDecimal("4.99")));

            // a LEFT JOIN without a match reads NULL, not 0 or ""
            db.deleteFrom(F).where(F.title.eq("B")).execute();
            db.insertInto(L, r -> r.set(L.name, "French")).execute();
            var byLanguage = db.select(L.name, F.title).from(L).leftJoin(F).on(F.languageId.eq(L.id))
                    .orderBy(L.name, F.title).fetch();
            assertThat(byLanguage).extracting(r -> r.get(L.name) + "/" + r.get(F.title))
                    .isEqualTo(Arrays.asList("English/A", "English/C", "French/null"));

            Ddl.drop(db, F, L);
        }
    }
}
