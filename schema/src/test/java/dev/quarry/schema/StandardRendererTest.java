package dev.quarry.schema;

import dev.quarry.dsl.Dsl;
import dev.quarry.dsl.Rendered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SQL of the SPI's default {@link dev.quarry.dsl.spi.Renderer}, where SQLite overrides it
 * (OFFSET without LIMIT) or where the defaults are the point (NULLS FIRST, the LIKE escape).
 */
class StandardRendererTest {
    static final class Item extends Table {
        static final Item ITEM = new Item();
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = varchar("name", 40).nullable();
        private Item() { super("item"); }
    }

    private static final Item I = Item.ITEM;

    private static Rendered render(dev.quarry.dsl.Select s) {
        return s.render(StandardTestDialect.INSTANCE);
    }

    @Test
    void offsetWithoutLimit() {
        Rendered r = render(Dsl.select(I.id).from(I).offset(5));
        assertThat(r.sql()).isEqualTo("SELECT \"item\".\"id\" FROM \"item\" OFFSET ?");
        assertThat(r.binds()).containsExactly(5L);
    }

    @Test
    void limitAndOffset() {
        Rendered r = render(Dsl.select(I.id).from(I).limit(10).offset(20));
        assertThat(r.sql()).isEqualTo("SELECT \"item\".\"id\" FROM \"item\" LIMIT ? OFFSET ?");
        assertThat(r.binds()).containsExactly(10L, 20L);
    }

    @Test
    void nullOrdering() {
        Rendered r = render(Dsl.select(I.id).from(I).orderBy(I.name.desc().nullsFirst(), I.id.asc().nullsLast()));
        assertThat(r.sql()).isEqualTo(
                "SELECT \"item\".\"id\" FROM \"item\" ORDER BY \"item\".\"name\" DESC NULLS FIRST, \"item\".\"id\" ASC NULLS LAST");
        assertThat(r.binds()).isEmpty();
    }

    @Test
    void likeEscape() {
        Rendered r = render(Dsl.select(I.id).from(I).where(I.name.contains("5%_!")));
        assertThat(r.sql()).isEqualTo("SELECT \"item\".\"id\" FROM \"item\" WHERE \"item\".\"name\" LIKE ? ESCAPE '!'");
        assertThat(r.binds()).containsExactly("%5!%!_!!%");
    }
}
