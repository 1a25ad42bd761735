package dev.quarry.examples.sakila;

import dev.quarry.schema.Column;
import dev.quarry.schema.ForeignKey;
import dev.quarry.schema.Index;
import dev.quarry.schema.ReferenceAction;
import dev.quarry.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Sakila table declarations, without a database. */
class SakilaSchemaTest {
    @Test
    void fifteenTablesInForeignKeyOrderExceptTheStoreStaffCycle() {
        assertThat(Sakila.TABLES).hasSize(15).doesNotContainNull();
        assertThat(Sakila.TABLES.stream().map(Table::name)).doesNotHaveDuplicates();
        List<Table> seen = new ArrayList<>();
        List<String> backwards = new ArrayList<>();
        for (Table t : Sakila.TABLES) {
            for (ForeignKey fk : t.foreignKeys()) {
                Table target = fk.target().table();
                if (target != t && !seen.contains(target)) backwards.add(fk.name());
            }
            seen.add(t);
        }
        assertThat(backwards).containsExactly("fk_store_manager_staff_id");
    }

    @Test
    void storeAndStaffReferenceEachOtherThroughLazyTargets() {
        assertThat(Store.STORE.managerStaffId.foreignKey()).get().extracting(ForeignKey::target).isSameAs(Staff.STAFF.staffId);
        ForeignKey staffStore = Staff.STAFF.storeId.foreignKey().orElseThrow();
        assertThat(staffStore.target()).isSameAs(Store.STORE.storeId);
        assertThat(staffStore.onUpdate()).isEqualTo(ReferenceAction.CASCADE);
    }

    @Test
    void everyForeignKeyOfTheSqliteSchemaIsDeclaredWithItsActions() {
        Set<String> fks = Sakila.TABLES.stream().flatMap(t -> t.foreignKeys().stream())
                .map(fk -> fk.column().qualifiedName() + "->" + fk.target().qualifiedName()
                        + (fk.onDelete() == ReferenceAction.NO_ACTION ? "" : " del " + fk.onDelete().sql())
                        + (fk.onUpdate() == ReferenceAction.NO_ACTION ? "" : " upd " + fk.onUpdate().sql()))
                .collect(Collectors.toSet());
        assertThat(fks).containsExactlyInAnyOrder(
                "city.country_id->country.country_id upd CASCADE",
                "address.city_id->city.city_id upd CASCADE",
                "customer.store_id->store.store_id upd CASCADE",
                "customer.address_id->address.address_id upd CASCADE",
                "film.language_id->language.language_id",
                "film.original_language_id->language.language_id",
                "film_actor.actor_id->actor.actor_id upd CASCADE",
                "film_actor.film_id->film.film_id upd CASCADE",
                "film_category.film_id->film.film_id upd CASCADE",
                "film_category.category_id->category.category_id upd CASCADE",
                "inventory.store_id->store.store_id upd CASCADE",
                "inventory.film_id->film.film_id upd CASCADE",
                "staff.store_id->store.store_id upd CASCADE",
                "staff.address_id->address.address_id upd CASCADE",
                "store.manager_staff_id->staff.staff_id",
                "store.address_id->address.address_id",
                "payment.rental_id->rental.rental_id del SET NULL upd CASCADE",
                "payment.customer_id->customer.customer_id",
                "payment.staff_id->staff.staff_id",
                "rental.staff_id->staff.staff_id",
                "rental.inventory_id->inventory.inventory_id",
                "rental.customer_id->customer.customer_id");
    }

    @Test
    void primaryKeysAreSingleAutoIncrementIdsOrTheTwoCompositeKeys() {
        for (Table t : Sakila.TABLES) {
            List<Column<?>> key = t.primaryKeyColumns();
            if (t == FilmActor.FILM_ACTOR) {
                assertThat(key).containsExactly(FilmActor.FILM_ACTOR.actorId, FilmActor.FILM_ACTOR.filmId);
            } else if (t == FilmCategory.FILM_CATEGORY) {
                assertThat(key).containsExactly(FilmCategory.FILM_CATEGORY.filmId, FilmCategory.FILM_CATEGORY.categoryId);
            } else {
                assertThat(key).as(t.name()).hasSize(1);
                assertThat(key.get(0).name()).isEqualTo(t.name() + "_id");
                assertThat(key.get(0).isAutoIncrement()).isTrue();
            }
        }
    }

    @Test
    void nullableColumnsFollowTheSchemaAndTheData() {
        Set<String> nullable = Sakila.TABLES.stream().flatMap(t -> t.columns().stream())
                .filter(Column::isNullable).map(Column::qualifiedName).collect(Collectors.toSet());
        assertThat(nullable).containsExactlyInAnyOrder(
                "address.address2", "address.postal_code", "customer.email", "film.description", "film.release_year",
                "film.original_language_id", "film.length", "film.rating", "film.special_features", "staff.picture",
                "staff.email", "staff.password", "payment.rental_id", "rental.return_date");
    }

    @Test
    void indexesOfTheSqliteSchema() {
        List<String> indexes = Sakila.TABLES.stream().flatMap(t -> t.indexes().stream()).map(Index::name).toList();
        assertThat(indexes).hasSize(24).doesNotHaveDuplicates()
                .contains("idx_actor_last_name", "idx_fk_film_id_store_id", "idx_rental_uq");
        assertThat(Rental.RENTAL.indexes()).filteredOn(Index::unique).singleElement()
                .extracting(Index::columns).asList()
                .containsExactly(Rental.RENTAL.rentalDate, Rental.RENTAL.inventoryId, Rental.RENTAL.customerId);
    }

    @Test
    void tableLookupByName() {
        assertThat(Sakila.table("film_actor")).isSameAs(FilmActor.FILM_ACTOR);
        assertThatThrownBy(() -> Sakila.table("film_text")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no Sakila table is named 'film_text'");
    }

    @Test
    void ratingLabelsAreTheMpaaSpellings() {
        assertThat(List.of(MpaaRating.values())).extracting(MpaaRating::dbName).containsExactly("G", "PG", "PG-13", "R", "NC-17");
    }
}
