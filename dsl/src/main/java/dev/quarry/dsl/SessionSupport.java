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
    public final Select<Row> select(Field<?>... fields) { return Select.create(executor, Arrays.asList(fields), false); }

    @Override
    public final Select<Row> selectDistinct(Field<?>... fields) { return Select.create(executor, Arrays.asList(fields), true); }
    @Override
    public final <T1> Select<Record1<T1>> select(Field<T1> field1) {
        return Select.create(executor, java.util.Arrays.asList(field1), false, Record1::new);
    }

    @Override
    public final <T1, T2> Select<Record2<T1, T2>> select(Field<T1> field1, Field<T2> field2) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2), false, Record2::new);
    }

    @Override
    public final <T1, T2, T3> Select<Record3<T1, T2, T3>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3), false, Record3::new);
    }

    @Override
    public final <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4), false, Record4::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5), false, Record5::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6), false, Record6::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7), false, Record7::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7, field8), false, Record8::new);
    }

    @Override
    public final <T1> Select<Record1<T1>> selectDistinct(Field<T1> field1) {
        return Select.create(executor, java.util.Arrays.asList(field1), true, Record1::new);
    }

    @Override
    public final <T1, T2> Select<Record2<T1, T2>> selectDistinct(Field<T1> field1, Field<T2> field2) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2), true, Record2::new);
    }

    @Override
    public final <T1, T2, T3> Select<Record3<T1, T2, T3>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3), true, Record3::new);
    }

    @Override
    public final <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4), true, Record4::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5), true, Record5::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6), true, Record6::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7), true, Record7::new);
    }

    @Override
    public final <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8) {
        return Select.create(executor, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7, field8), true, Record8::new);
    }


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
    public final <R extends Row> List<R> fetch(Select<R> select) { return select.attach(executor).fetch(); }

    @Override
    public final int execute(Rendered statement) { return executor.execute(statement); }

    // ---- DML forms ----

    @Override
    public final InsertSelectStep insertInto(TableLike table, TableField<?>... columns) {
        return InsertSelectStep.create(executor, table, columns);
    }

    // ---- CTEs ----

    @Override
    public final With with(Cte... ctes) { return new With(executor, WithClause.of(ctes, false)); }

    @Override
    public final With withRecursive(Cte... ctes) { return new With(executor, WithClause.of(ctes, true)); }

    // ---- streaming ----

    @Override
    public final <R extends Row> Cursor<R> fetchLazy(Select<R> select, int fetchSize) {
        return select.attach(executor).fetchLazy(fetchSize);
    }
}
