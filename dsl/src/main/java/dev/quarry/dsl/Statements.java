package dev.quarry.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The statement factories shared by {@link Database} and {@link Transaction}. */
final class Statements {
    private Statements() {}

    static Insert insert(Executor e, TableLike table, Consumer<RowBuilder> lambda) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        RowBuilder row = new RowBuilder(table, "INSERT INTO");
        lambda.accept(row);
        return Insert.create(e, table, List.of(row));
    }

    static <E> Insert insert(Executor e, TableLike table, Iterable<? extends E> items, BiConsumer<RowBuilder, ? super E> lambda) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        List<RowBuilder> rows = new ArrayList<>();
        for (E item : items) {
            RowBuilder row = new RowBuilder(table, "INSERT INTO");
            lambda.accept(row, item);
            rows.add(row);
        }
        return Insert.create(e, table, rows);
    }

    static Select select(Executor e, Field<?>[] fields, boolean distinct) {
        return Select.create(e, Arrays.asList(fields), distinct);
    }
}
