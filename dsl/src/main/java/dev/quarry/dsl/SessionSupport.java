package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The {@link Session} methods shared by {@link Database} and {@link Transaction}: statements attached to one executor. */
abstract class SessionSupport implements Session {
    final Executor executor;

    SessionSupport(Executor executor) {
        this.executor = executor;
    }

    @Override
    public final Dialect dialect() { return executor.dialect(); }

    @Override
    public final Select select(Field<?>... fields) { return Select.create(executor, Arrays.asList(fields), false); }

    @Override
    public final Select selectDistinct(Field<?>... fields) { return Select.create(executor, Arrays.asList(fields), true); }

    @Override
    public final Insert insertInto(TableLike table, Consumer<RowBuilder> row) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        RowBuilder builder = new RowBuilder(table, "INSERT INTO");
        row.accept(builder);
        return Insert.create(executor, table, List.of(builder));
    }

    @Override
    public final <E> Insert insertInto(TableLike table, Iterable<? extends E> items, BiConsumer<RowBuilder, ? super E> row) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        List<RowBuilder> rows = new java.util.ArrayList<>();
        for (E item : items) {
            RowBuilder builder = new RowBuilder(table, "INSERT INTO");
            row.accept(builder, item);
            rows.add(builder);
        }
        return Insert.create(executor, table, rows);
    }

    @Override
    public final Update update(TableLike table) { return Update.create(executor, table); }

    @Override
    public final Delete deleteFrom(TableLike table) { return Delete.create(executor, table); }

    @Override
    public final List<Row> fetch(Select select) { return select.attach(executor).fetch(); }

    @Override
    public final int execute(Rendered statement) { return executor.execute(statement); }
}
