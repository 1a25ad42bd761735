package dev.quarry.testkit;

import dev.quarry.dsl.Database;
import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Row;
import dev.quarry.dsl.UnsupportedDialectFeatureException;
import dev.quarry.dsl.spi.StatementKind;
import dev.quarry.testkit.KitTables.Author;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Portable upsert and RETURNING, run by every dialect module on its real database: the same
 * statements must leave the same rows everywhere, and RETURNING either returns the right rows or is
 * refused at render time, before anything is sent.
 */
public abstract class UpsertReturningSuite extends KitSuite {
    private static final Author A = Author.AUTHOR;



    /**
     * @return the statements for which this database has RETURNING (the others must be refused with
     *         {@link UnsupportedDialectFeatureException})
     */
    protected abstract Set<StatementKind> returningSupport();



    @Override
    void seed() {
        db.insertInto(A, List.of("Austen", "Borges"), (r, n) -> r.set(A.name, n).set(A.born, n.equals("Austen") ? 1775 : 1899)).execute();
    }


    private List<String> authors() {
        return db.select(A.name, A.born, A.active).from(A).orderBy(A.name.asc())
                .fetch(r -> r.get(A.name) + ":" + r.get(A.born) + ":" + r.get(A.active));
    }

    @Test
    void doNothingKeepsTheExistingRowAndInsertsTheNewOnes() {
        db.insertInto(A, List.of("Austen", "Calvino"), (r, n) -> r.set(A.name, n).set(A.born, 1))
                .onConflict(A.name).doNothing().execute();
        assertThat(authors()).containsExactly("Austen:1775:true", "Borges:1899:true", "Calvino:1:true");
    }

    @Test
    void doUpdateTakesTheProposedValuesWhereThereIsAConflict() {
        db.insertInto(A, List.of("Austen", "Calvino"), (r, n) -> r.set(A.name, n).set(A.born, 2000))
                .onConflict(A.name).doUpdate(set -> set.set(A.born, Dsl.excluded(A.born)).set(A.active, false))
                .execute();
        assertThat(authors()).containsExactly("Austen:2000:false", "Borges:1899:true", "Calvino:2000:true");
    }

    @Test
    void doUpdateCanKeepTheExistingValue() {
        db.insertInto(A, r -> r.set(A.name, "Borges").set(A.born, 1))
                .onConflict(A.name).doUpdate(set -> set.set(A.born, A.born).set(A.active, false))
                .execute();
        assertThat(authors()).containsExactly("Austen:1775:true", "Borges:1899:false");
    }

    @Test
    void upsertWithoutConflictColumnsIsRefused() {
        var insert = db.insertInto(A, r -> r.set(A.name, "X"));
        assertThatThrownBy(insert::onConflict).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ON CONFLICT needs at least one column");
        assertThatThrownBy(() -> insert.onConflict(A.name).doUpdate(set -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sets no column");
    }

    @Test
    void insertReturning() {
        var insert = db.insertInto(A, List.of("Calvino", "Dante"), (r, n) -> r.set(A.name, n)).returning(A.authorId, A.name, A.active);
        if (!returningSupport().contains(StatementKind.INSERT)) {
            assertRefused(() -> insert.fetch(), "INSERT");
            assertThat(authors()).hasSize(2);
            return;
        }
        var rows = insert.fetch();
        assertThat(rows).extracting(r -> r.get(A.name)).containsExactly("Calvino", "Dante");
        assertThat(rows).extracting(r -> r.get(A.active)).containsExactly(true, true);
        Integer calvino = db.select(A.authorId).from(A).where(A.name.eq("Calvino")).fetchValue(A.authorId);
        assertThat(rows.get(0).get(A.authorId)).isEqualTo(calvino);
        assertThat(rows.get(1).get(A.authorId)).isGreaterThan(calvino);
    }

    @Test
    void updateReturning() {
        var update = db.update(A).set(A.born, 1800).where(A.name.eq("Austen")).returning(A.name, A.born);
        if (!returningSupport().contains(StatementKind.UPDATE)) {
            assertRefused(() -> update.fetch(), "UPDATE");
            assertThat(authors()).containsExactly("Austen:1775:true", "Borges:1899:true");
            return;
        }
        var rows = update.fetch();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(A.name)).isEqualTo("Austen");
        assertThat(rows.get(0).get(A.born)).isEqualTo(1800);
        assertThat(authors()).containsExactly("Austen:1800:true", "Borges:1899:true");
    }

    @Test
    void deleteReturning() {
        var delete = db.deleteFrom(A).where(A.born.gt(1800)).returning(A.name, A.born);
        if (!returningSupport().contains(StatementKind.DELETE)) {
            assertRefused(() -> delete.fetch(), "DELETE");
            assertThat(authors()).hasSize(2);
            return;
        }
        var rows = delete.fetch();
        assertThat(rows).extracting(r -> r.get(A.name) + ":" + r.get(A.born)).containsExactly("Borges:1899");
        assertThat(authors()).containsExactly("Austen:1775:true");
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String statement) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UnsupportedDialectFeatureException.class, e -> {
            assertThat(e.dialect()).isEqualTo(db.dialect().name());
            assertThat(e.feature()).contains(statement).contains("RETURNING");
        });
    }
}
