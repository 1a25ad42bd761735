package dev.quarry.dsl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Static entry points of the DSL, meant for {@code import static dev.quarry.dsl.Dsl.*}: aggregates,
 * values, and the boolean combinators. Statements themselves start from a {@link Session}
 * ({@code db.select(...)}, {@code tx.insertInto(...)}) or, detached from any database, from
 * {@link #select(Field[])}, {@link #insertInto(TableLike, Consumer)}, {@link #update(TableLike)} and
 * {@link #deleteFrom(TableLike)}.
 */
public final class Dsl {
    private Dsl() {}

    /**
     * A SELECT that is not attached to a database: it can be rendered with {@code render(dialect)}
     * and run with {@link Session#fetch(Select)}.
     *
     * @param fields the select list, at least one
     * @return the statement
     * @throws IllegalArgumentException if no field is given
     */
    public static Select<Row> select(Field<?>... fields) {
        return Select.create(null, Arrays.asList(fields), false);
    }

    /**
     * A detached SELECT DISTINCT, as {@link #select(Field[])}.
     *
     * @param fields the select list, at least one
     * @return the statement
     * @throws IllegalArgumentException if no field is given
     */
    public static Select<Row> selectDistinct(Field<?>... fields) {
        return Select.create(null, Arrays.asList(fields), true);
    }

    /**
     * A one-row INSERT that is not attached to a database: it renders with {@code render(dialect)} and
     * {@code renderChunks(dialect)} (dialect golden tests, SQL for another tool); running it fails with
     * {@link IllegalStateException}. Checked as {@link Session#insertInto(TableLike, Consumer)} checks.
     *
     * @param table the table
     * @param row sets the row's columns
     * @return the detached statement
     * @throws IllegalArgumentException as for {@link Session#insertInto(TableLike, Consumer)}
     */
    public static Insert insertInto(TableLike table, Consumer<RowBuilder> row) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        RowBuilder builder = new RowBuilder(table, "INSERT INTO");
        row.accept(builder);
        return Insert.create(null, table, List.of(builder));
    }

    /**
     * A detached many-row INSERT, one row per item, as {@link #insertInto(TableLike, Consumer)}.
     *
     * @param table the table
     * @param items the items, at least one
     * @param row sets the columns of the row for one item; every row must set the same columns
     * @param <E> the item type
     * @return the detached statement
     * @throws IllegalArgumentException as for {@link Session#insertInto(TableLike, Iterable, BiConsumer)}
     */
    public static <E> Insert insertInto(TableLike table, Iterable<? extends E> items, BiConsumer<RowBuilder, ? super E> row) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        List<RowBuilder> rows = new ArrayList<>();
        for (E item : items) {
            RowBuilder builder = new RowBuilder(table, "INSERT INTO");
            row.accept(builder, item);
            rows.add(builder);
        }
        return Insert.create(null, table, rows);
    }

    /**
     * A detached UPDATE: it renders, but running it fails with {@link IllegalStateException}.
     *
     * @param table the table
     * @return the statement; it needs {@code set}, and {@code where} or {@code all}
     * @throws IllegalArgumentException if table is null
     */
    public static Update update(TableLike table) {
        return Update.create(null, table);
    }

    /**
     * A detached DELETE: it renders, but running it fails with {@link IllegalStateException}.
     *
     * @param table the table
     * @return the statement; it needs {@code where} or {@code all}
     * @throws IllegalArgumentException if table is null
     */
    public static Delete deleteFrom(TableLike table) {
        return Delete.create(null, table);
    }

    /**
     * A SELECT of 1 field whose rows are typed {@link Record1}s.
     *
     * @param field1 select-list field 1
     * @param <T1> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1> Select<Record1<T1>> select(Field<T1> field1) {
        return Select.create(null, java.util.Arrays.asList(field1), false, Record1::new);
    }

    /**
     * A SELECT of 2 fields whose rows are typed {@link Record2}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param <T1> its type
     * @param <T2> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2> Select<Record2<T1, T2>> select(Field<T1> field1, Field<T2> field2) {
        return Select.create(null, java.util.Arrays.asList(field1, field2), false, Record2::new);
    }

    /**
     * A SELECT of 3 fields whose rows are typed {@link Record3}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3> Select<Record3<T1, T2, T3>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3), false, Record3::new);
    }

    /**
     * A SELECT of 4 fields whose rows are typed {@link Record4}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4), false, Record4::new);
    }

    /**
     * A SELECT of 5 fields whose rows are typed {@link Record5}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5), false, Record5::new);
    }

    /**
     * A SELECT of 6 fields whose rows are typed {@link Record6}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param field6 select-list field 6
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @param <T6> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6), false, Record6::new);
    }

    /**
     * A SELECT of 7 fields whose rows are typed {@link Record7}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param field6 select-list field 6
     * @param field7 select-list field 7
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @param <T6> its type
     * @param <T7> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7), false, Record7::new);
    }

    /**
     * A SELECT of 8 fields whose rows are typed {@link Record8}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param field6 select-list field 6
     * @param field7 select-list field 7
     * @param field8 select-list field 8
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @param <T6> its type
     * @param <T7> its type
     * @param <T8> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7, field8), false, Record8::new);
    }

    /**
     * A DISTINCT SELECT of 1 field whose rows are typed {@link Record1}s.
     *
     * @param field1 select-list field 1
     * @param <T1> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1> Select<Record1<T1>> selectDistinct(Field<T1> field1) {
        return Select.create(null, java.util.Arrays.asList(field1), true, Record1::new);
    }

    /**
     * A DISTINCT SELECT of 2 fields whose rows are typed {@link Record2}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param <T1> its type
     * @param <T2> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2> Select<Record2<T1, T2>> selectDistinct(Field<T1> field1, Field<T2> field2) {
        return Select.create(null, java.util.Arrays.asList(field1, field2), true, Record2::new);
    }

    /**
     * A DISTINCT SELECT of 3 fields whose rows are typed {@link Record3}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3> Select<Record3<T1, T2, T3>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3), true, Record3::new);
    }

    /**
     * A DISTINCT SELECT of 4 fields whose rows are typed {@link Record4}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4), true, Record4::new);
    }

    /**
     * A DISTINCT SELECT of 5 fields whose rows are typed {@link Record5}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5), true, Record5::new);
    }

    /**
     * A DISTINCT SELECT of 6 fields whose rows are typed {@link Record6}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param field6 select-list field 6
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @param <T6> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6), true, Record6::new);
    }

    /**
     * A DISTINCT SELECT of 7 fields whose rows are typed {@link Record7}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param field6 select-list field 6
     * @param field7 select-list field 7
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @param <T6> its type
     * @param <T7> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7), true, Record7::new);
    }

    /**
     * A DISTINCT SELECT of 8 fields whose rows are typed {@link Record8}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param field3 select-list field 3
     * @param field4 select-list field 4
     * @param field5 select-list field 5
     * @param field6 select-list field 6
     * @param field7 select-list field 7
     * @param field8 select-list field 8
     * @param <T1> its type
     * @param <T2> its type
     * @param <T3> its type
     * @param <T4> its type
     * @param <T5> its type
     * @param <T6> its type
     * @param <T7> its type
     * @param <T8> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public static <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8) {
        return Select.create(null, java.util.Arrays.asList(field1, field2, field3, field4, field5, field6, field7, field8), true, Record8::new);
    }

    /**
     * Adapts a function of 1 value (such as a constructor reference) to the rows of a
     * 1-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, E> java.util.function.Function<Record1<T1>, E> mapping(
            org.jooq.lambda.function.Function1<? super T1, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /**
     * Adapts a function of 2 values (such as a constructor reference) to the rows of a
     * 2-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <T2> the type of field 2
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, T2, E> java.util.function.Function<Record2<T1, T2>, E> mapping(
            org.jooq.lambda.function.Function2<? super T1, ? super T2, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /**
     * Adapts a function of 3 values (such as a constructor reference) to the rows of a
     * 3-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <T2> the type of field 2
     * @param <T3> the type of field 3
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, T2, T3, E> java.util.function.Function<Record3<T1, T2, T3>, E> mapping(
            org.jooq.lambda.function.Function3<? super T1, ? super T2, ? super T3, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /**
     * Adapts a function of 4 values (such as a constructor reference) to the rows of a
     * 4-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <T2> the type of field 2
     * @param <T3> the type of field 3
     * @param <T4> the type of field 4
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, T2, T3, T4, E> java.util.function.Function<Record4<T1, T2, T3, T4>, E> mapping(
            org.jooq.lambda.function.Function4<? super T1, ? super T2, ? super T3, ? super T4, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /**
     * Adapts a function of 5 values (such as a constructor reference) to the rows of a
     * 5-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <T2> the type of field 2
     * @param <T3> the type of field 3
     * @param <T4> the type of field 4
     * @param <T5> the type of field 5
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, T2, T3, T4, T5, E> java.util.function.Function<Record5<T1, T2, T3, T4, T5>, E> mapping(
            org.jooq.lambda.function.Function5<? super T1, ? super T2, ? super T3, ? super T4, ? super T5, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /**
     * Adapts a function of 6 values (such as a constructor reference) to the rows of a
     * 6-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <T2> the type of field 2
     * @param <T3> the type of field 3
     * @param <T4> the type of field 4
     * @param <T5> the type of field 5
     * @param <T6> the type of field 6
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, T2, T3, T4, T5, T6, E> java.util.function.Function<Record6<T1, T2, T3, T4, T5, T6>, E> mapping(
            org.jooq.lambda.function.Function6<? super T1, ? super T2, ? super T3, ? super T4, ? super T5, ? super T6, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /**
     * Adapts a function of 7 values (such as a constructor reference) to the rows of a
     * 7-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <T2> the type of field 2
     * @param <T3> the type of field 3
     * @param <T4> the type of field 4
     * @param <T5> the type of field 5
     * @param <T6> the type of field 6
     * @param <T7> the type of field 7
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, T2, T3, T4, T5, T6, T7, E> java.util.function.Function<Record7<T1, T2, T3, T4, T5, T6, T7>, E> mapping(
            org.jooq.lambda.function.Function7<? super T1, ? super T2, ? super T3, ? super T4, ? super T5, ? super T6, ? super T7, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /**
     * Adapts a function of 8 values (such as a constructor reference) to the rows of a
     * 8-field SELECT: {@code select(FILM.title, LANGUAGE.name)...fetch(mapping(FilmView::new))}.
     *
     * @param mapper the function
     * @param <T1> the type of field 1
     * @param <T2> the type of field 2
     * @param <T3> the type of field 3
     * @param <T4> the type of field 4
     * @param <T5> the type of field 5
     * @param <T6> the type of field 6
     * @param <T7> the type of field 7
     * @param <T8> the type of field 8
     * @param <E> the result type
     * @return a row mapper for {@link Select#fetch(java.util.function.Function)}
     */
    public static <T1, T2, T3, T4, T5, T6, T7, T8, E> java.util.function.Function<Record8<T1, T2, T3, T4, T5, T6, T7, T8>, E> mapping(
            org.jooq.lambda.function.Function8<? super T1, ? super T2, ? super T3, ? super T4, ? super T5, ? super T6, ? super T7, ? super T8, ? extends E> mapper) {
        return record -> record.into(mapper);
    }

    /** @return {@code count(*)}, BIGINT ({@link Long}, never null) */
    public static AggregateField<Long> count() {
        return new Aggregate<>("COUNT", null, false, DataType.bigint());
    }

    /**
     * @param field the counted expression; NULLs are not counted
     * @return {@code count(field)}, BIGINT
     */
    public static AggregateField<Long> count(Field<?> field) {
        return new Aggregate<>("COUNT", field, false, DataType.bigint());
    }

    /**
     * @param field the counted expression
     * @return {@code count(DISTINCT field)}, BIGINT
     */
    public static AggregateField<Long> countDistinct(Field<?> field) {
        return new Aggregate<>("COUNT", field, true, DataType.bigint());
    }

    /**
     * {@code sum(field)}, as an exact {@link BigDecimal} whatever the argument's type (jOOQ makes the
     * same choice: a sum of INTEGERs can exceed INTEGER, and one result type keeps the call
     * unambiguous). The scale is the argument's: 0 for integer columns, the declared scale for
     * DECIMAL (on SQLite the total is rounded to it, see the README's type notes), unknown for REAL
     * and DOUBLE. NULL when there are no rows.
     *
     * @param field a numeric field
     * @return the aggregate, DECIMAL
     * @throws IllegalArgumentException if the field is not numeric
     */
    public static AggregateField<BigDecimal> sum(Field<? extends Number> field) {
        DataType<?> t = field.type();
        DataType<BigDecimal> result = switch (t.sqlType()) {
            case INTEGER, SMALLINT, BIGINT -> DataType.decimal(38, 0);
            case DECIMAL -> t.scale() < 0 ? DataType.decimal() : DataType.decimal(Math.max(38, t.precision()), t.scale());
            case REAL, DOUBLE -> DataType.decimal();
            default -> throw notNumeric("sum", field);
        };
        return new Aggregate<>("SUM", field, false, result);
    }

    /**
     * {@code avg(field)}, as a {@link BigDecimal} of unknown scale (the database's precision: SQLite
     * computes it in double precision). NULL when there are no rows.
     *
     * @param field a numeric field
     * @return the aggregate, DECIMAL
     * @throws IllegalArgumentException if the field is not numeric
     */
    public static AggregateField<BigDecimal> avg(Field<? extends Number> field) {
        switch (field.type().sqlType()) {
            case INTEGER, SMALLINT, BIGINT, DECIMAL, REAL, DOUBLE -> { }
            default -> throw notNumeric("avg", field);
        }
        return new Aggregate<>("AVG", field, false, DataType.decimal());
    }

    /**
     * @param field any comparable field
     * @param <T> its type
     * @return {@code min(field)}, of the field's type
     */
    public static <T> AggregateField<T> min(Field<T> field) {
        return new Aggregate<>("MIN", field, false, field.type());
    }

    /**
     * @param field any comparable field
     * @param <T> its type
     * @return {@code max(field)}, of the field's type
     */
    public static <T> AggregateField<T> max(Field<T> field) {
        return new Aggregate<>("MAX", field, false, field.type());
    }

    private static IllegalArgumentException notNumeric(String function, Field<?> field) {
        return new IllegalArgumentException(function + "() needs a numeric field; " + Param.describe(field)
                + " is " + field.type());
    }

    /**
     * A value as a bind parameter of an explicit type.
     *
     * @param value the value, may be null
     * @param type its type
     * @param <T> the Java type
     * @return the field
     * @throws IllegalArgumentException if the value is not of the type's Java class
     */
    public static <T> Field<T> value(T value, DataType<T> type) {
        return new Param<>(type.cast(value), type);
    }

    /**
     * A value as a bind parameter, its type chosen from its class: Integer, Long, Short, String
     * (TEXT), Boolean, BigDecimal, Double, Float, LocalDate, LocalDateTime, OffsetDateTime, UUID, byte[].
     *
     * @param value a non-null value
     * @param <T> the Java type
     * @return the field
     * @throws IllegalArgumentException if value is null or of another class (use {@link #value(Object, DataType)})
     */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> value(T value) {
        if (value == null) throw new IllegalArgumentException("value(null) has no type; use value(null, DataType)");
        DataType<?> type;
        if (value instanceof Integer) type = DataType.integer();
        else if (value instanceof Long) type = DataType.bigint();
        else if (value instanceof Short) type = DataType.smallint();
        else if (value instanceof String) type = DataType.text();
        else if (value instanceof Boolean) type = DataType.bool();
        else if (value instanceof BigDecimal) type = DataType.decimal();
        else if (value instanceof Double) type = DataType.doublePrecision();
        else if (value instanceof Float) type = DataType.real();
        else if (value instanceof LocalDate) type = DataType.date();
        else if (value instanceof LocalDateTime) type = DataType.timestamp();
        else if (value instanceof OffsetDateTime) type = DataType.timestamptz();
        else if (value instanceof UUID) type = DataType.uuid();
        else if (value instanceof byte[]) type = DataType.blob();
        else throw new IllegalArgumentException("no default type for " + value.getClass().getName()
                    + "; use value(value, DataType)");
        return new Param<>(value, (DataType<T>) type);
    }

    /**
     * In an upsert's {@code doUpdate}, the value the insert proposed for a column (PostgreSQL and
     * SQLite {@code EXCLUDED.column}, MySQL {@code VALUES(column)}).
     *
     * @param column a column of the table being inserted into
     * @param <T> its type
     * @return the proposed value
     * @throws IllegalArgumentException if column is null
     */
    public static <T> Field<T> excluded(TableField<T> column) {
        if (column == null) throw new IllegalArgumentException("excluded(null)");
        return new Excluded<>(column);
    }

    /** @return the current date and time ({@code CURRENT_TIMESTAMP}), TIMESTAMP */
    public static Field<LocalDateTime> currentTimestamp() {
        return new CurrentTimestamp();
    }

    /**
     * @param first a condition
     * @param more further conditions
     * @return all of them joined by AND
     */
    public static Condition and(Condition first, Condition... more) {
        Condition[] all = new Condition[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return Junction.of("AND", Arrays.asList(all));
    }

    /**
     * @param first a condition
     * @param more further conditions
     * @return all of them joined by OR
     */
    public static Condition or(Condition first, Condition... more) {
        Condition[] all = new Condition[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return Junction.of("OR", Arrays.asList(all));
    }

    /**
     * @param condition a condition
     * @return {@code NOT (condition)}
     */
    public static Condition not(Condition condition) {
        return new Negation(condition);
    }

    // ---- DML forms ----

    /**
     * A detached {@code INSERT INTO table (columns) SELECT ...}, as
     * {@link Session#insertInto(TableLike, TableField[])}: it renders, but running it fails with
     * {@link IllegalStateException}.
     *
     * @param table the table
     * @param columns the columns the query's fields fill, in order; none for all columns of the table
     * @return the step that takes the query
     * @throws IllegalArgumentException as {@link Session#insertInto(TableLike, TableField[])}
     */
    public static InsertSelectStep insertInto(TableLike table, TableField<?>... columns) {
        return InsertSelectStep.create(null, table, columns);
    }

    // ---- subqueries and CTEs ----

    /**
     * A scalar subquery, {@code (SELECT x FROM ...)}, as a value of its field's type: usable in the select
     * list, in conditions ({@code FILM.rentalRate.gt(field(select(avg(FILM.rentalRate)).from(FILM)))}) and
     * as an inserted or updated value. It may refer to the enclosing query's tables (correlated). The
     * subquery must return at most one row (else the database fails the statement); none gives NULL.
     *
     * @param subquery a SELECT of one field
     * @param <T> its type
     * @return the subquery as a field; its {@code name()} is the inner field's
     * @throws IllegalArgumentException if subquery is null
     */
    public static <T> Field<T> field(Select<? extends Record1<T>> subquery) {
        return ScalarSubquery.of(subquery);
    }

    /**
     * {@code EXISTS (SELECT ...)}: whether the subquery returns a row (SQL:2016 section 8.10). Usually
     * correlated: {@code exists(select(RENTAL.rentalId).from(RENTAL).where(RENTAL.filmId.eq(FILM.filmId)))}.
     *
     * @param subquery any SELECT
     * @return the condition
     * @throws IllegalArgumentException if subquery is null
     */
    public static Condition exists(Select<?> subquery) {
        return new ExistsCondition(subquery, false);
    }

    /**
     * {@code NOT EXISTS (SELECT ...)}: whether the subquery returns no row.
     *
     * @param subquery any SELECT
     * @return the condition
     * @throws IllegalArgumentException if subquery is null
     */
    public static Condition notExists(Select<?> subquery) {
        return new ExistsCondition(subquery, true);
    }

    /**
     * {@code ANY (SELECT x ...)}, the right operand of a comparison: {@code FILM.length.gt(any(sub))} is
     * true when the comparison holds for at least one row of the subquery (SQL:2016 section 8.9). Use it
     * only there: elsewhere it is not valid SQL. PostgreSQL, MySQL and MariaDB; SQLite has no ANY, and
     * rendering fails there with {@link UnsupportedDialectFeatureException} (write
     * {@code exists(...)} with the comparison inside instead).
     *
     * @param subquery a SELECT of one field
     * @param <T> its type
     * @return the quantified subquery
     * @throws IllegalArgumentException if subquery is null
     */
    public static <T> Field<T> any(Select<? extends Record1<T>> subquery) {
        return QuantifiedSubquery.of("ANY", subquery);
    }

    /**
     * {@code ALL (SELECT x ...)}, the right operand of a comparison: {@code FILM.length.gt(all(sub))} is
     * true when the comparison holds for every row of the subquery (and for an empty one); a NULL among
     * the rows makes it unknown. Dialects as {@link #any}.
     *
     * @param subquery a SELECT of one field
     * @param <T> its type
     * @return the quantified subquery
     * @throws IllegalArgumentException if subquery is null
     */
    public static <T> Field<T> all(Select<? extends Record1<T>> subquery) {
        return QuantifiedSubquery.of("ALL", subquery);
    }

    /**
     * Declares a common table expression by name; its query follows with {@code as(select)} or, for a
     * recursive one, {@code asRecursive(anchor, self -> recursivePart)}. Its columns are those of the
     * query's select list ({@link Cte#field(Field)}).
     *
     * @param name the CTE's name, non-blank
     * @return the declaration
     * @throws IllegalArgumentException if name is blank
     */
    public static Cte.Declaration cte(String name) {
        return new Cte.Declaration(name, List.of());
    }

    /**
     * Declares a common table expression with named, typed columns before its query:
     * {@code cte("chain", id, parent).asRecursive(...)} renders {@code "chain"("id", "parent") AS (...)}.
     *
     * @param name the CTE's name, non-blank
     * @param columns the columns, at least one, distinct names ({@link CteColumn#of})
     * @return the declaration; its query must select as many fields, of the same Java types
     * @throws IllegalArgumentException if name is blank, a column is null or two share a name
     */
    public static Cte.Declaration cte(String name, CteColumn<?>... columns) {
        return new Cte.Declaration(name, Arrays.asList(columns));
    }

    /**
     * A detached statement with a WITH clause: {@code with(cheap).select(...)} renders, and runs through
     * {@link Session#fetch(Select)}. Attached forms: {@link Session#with(Cte[])}.
     *
     * @param ctes the CTEs, in order; each sees those before it
     * @return the start of the statement
     * @throws IllegalArgumentException if none is given, one is null, aliased, recursive or named twice
     */
    public static With with(Cte... ctes) {
        return new With(null, WithClause.of(ctes, false));
    }

    /**
     * A detached statement with a WITH RECURSIVE clause, as {@link Session#withRecursive(Cte[])}.
     *
     * @param ctes the CTEs; all see each other, and a recursive one itself
     * @return the start of the statement
     * @throws IllegalArgumentException if none is given, one is null, aliased or named twice
     */
    public static With withRecursive(Cte... ctes) {
        return new With(null, WithClause.of(ctes, true));
    }

    // ---- window functions and expressions ----

    /**
     * {@code ROW_NUMBER()}: 1, 2, 3, ... in the window's order within each partition.
     *
     * @return the function; {@link WindowFunction#over(Window)} makes it a BIGINT ({@link Long}) field
     */
    public static WindowFunction<Long> rowNumber() {
        return new WindowFunctionCall<>(WindowFunctionCall.Function.ROW_NUMBER, null, 0, null, DataType.bigint(), null);
    }

    /**
     * {@code RANK()}: 1 + the number of rows before the row's peers (gaps after ties: 1, 1, 3). The window
     * needs an ORDER BY.
     *
     * @return the function; {@link WindowFunction#over(Window)} makes it a BIGINT ({@link Long}) field
     */
    public static WindowFunction<Long> rank() {
        return new WindowFunctionCall<>(WindowFunctionCall.Function.RANK, null, 0, null, DataType.bigint(), null);
    }

    /**
     * {@code DENSE_RANK()}: the number of the row's peer group (no gaps: 1, 1, 2). The window needs an
     * ORDER BY.
     *
     * @return the function; {@link WindowFunction#over(Window)} makes it a BIGINT ({@link Long}) field
     */
    public static WindowFunction<Long> denseRank() {
        return new WindowFunctionCall<>(WindowFunctionCall.Function.DENSE_RANK, null, 0, null, DataType.bigint(), null);
    }

    /**
     * {@code NTILE(n)}: the rows of each partition dealt in order into n buckets as equal as possible, the
     * first buckets one larger (7 rows in 3: 1, 1, 1, 2, 2, 3, 3). The count is a bind parameter, except on
     * MySQL before 8.0.22, whose grammar takes only a literal there.
     *
     * @param buckets the number of buckets, 1 or more
     * @return the function; {@link WindowFunction#over(Window)} makes it an INTEGER ({@link Integer}) field
     * @throws IllegalArgumentException if buckets is below 1
     */
    public static WindowFunction<Integer> ntile(int buckets) {
        if (buckets < 1) throw new IllegalArgumentException("ntile(" + buckets + "): the number of buckets must be 1 or more");
        return new WindowFunctionCall<>(WindowFunctionCall.Function.NTILE, null, buckets, null, DataType.integer(), null);
    }

    /**
     * {@code LAG(field)}: the value of the previous row in the window's order, NULL for the first row of a
     * partition. The window needs an ORDER BY.
     *
     * @param field the expression read from the other row
     * @param <T> its type
     * @return the function, of the field's type
     * @throws IllegalArgumentException if field is null
     */
    public static <T> WindowFunction<T> lag(Field<T> field) {
        return lagLead(WindowFunctionCall.Function.LAG, field, 1, null);
    }

    /**
     * @param field the expression read from the other row
     * @param offset how many rows back, 0 or more (bound as a parameter, see {@link #ntile(int)})
     * @param <T> its type
     * @return {@code LAG(field, offset)}, NULL where there is no such row
     * @throws IllegalArgumentException if field is null or offset negative
     */
    public static <T> WindowFunction<T> lag(Field<T> field, int offset) {
        return lagLead(WindowFunctionCall.Function.LAG, field, offset, null);
    }

    /**
     * {@code LAG(field, offset, default)}. MariaDB's LAG takes no default; there Quarry writes
     * {@code CASE WHEN ROW_NUMBER() OVER w > offset THEN LAG(field, offset) OVER w ELSE default END},
     * which keeps a NULL value of an existing row NULL (as COALESCE would not).
     *
     * @param field the expression read from the other row
     * @param offset how many rows back, 0 or more
     * @param defaultValue the value where there is no such row, not null (bound with the field's type)
     * @param <T> its type
     * @return the function, of the field's type
     * @throws IllegalArgumentException if field or defaultValue is null or offset negative
     */
    public static <T> WindowFunction<T> lag(Field<T> field, int offset, T defaultValue) {
        return lagLead(WindowFunctionCall.Function.LAG, field, offset, defaultOf(field, defaultValue));
    }

    /**
     * {@code LEAD(field)}: the value of the next row, NULL for the last row of a partition. The window needs
     * an ORDER BY.
     *
     * @param field the expression read from the other row
     * @param <T> its type
     * @return the function, of the field's type
     * @throws IllegalArgumentException if field is null
     */
    public static <T> WindowFunction<T> lead(Field<T> field) {
        return lagLead(WindowFunctionCall.Function.LEAD, field, 1, null);
    }

    /**
     * @param field the expression read from the other row
     * @param offset how many rows ahead, 0 or more
     * @param <T> its type
     * @return {@code LEAD(field, offset)}
     * @throws IllegalArgumentException if field is null or offset negative
     */
    public static <T> WindowFunction<T> lead(Field<T> field, int offset) {
        return lagLead(WindowFunctionCall.Function.LEAD, field, offset, null);
    }

    /**
     * {@code LEAD(field, offset, default)}; on MariaDB {@code CASE WHEN COUNT(*) OVER (PARTITION BY ...) -
     * ROW_NUMBER() OVER w >= offset THEN LEAD(field, offset) OVER w ELSE default END}, as for
     * {@link #lag(Field, int, Object)}.
     *
     * @param field the expression read from the other row
     * @param offset how many rows ahead, 0 or more
     * @param defaultValue the value where there is no such row, not null
     * @param <T> its type
     * @return the function, of the field's type
     * @throws IllegalArgumentException if field or defaultValue is null or offset negative
     */
    public static <T> WindowFunction<T> lead(Field<T> field, int offset, T defaultValue) {
        return lagLead(WindowFunctionCall.Function.LEAD, field, offset, defaultOf(field, defaultValue));
    }

    private static <T> Field<T> defaultOf(Field<T> field, T defaultValue) {
        if (field == null) throw new IllegalArgumentException("lag/lead of null");
        return Expressions.operand("default", field, defaultValue);
    }

    private static <T> WindowFunction<T> lagLead(WindowFunctionCall.Function function, Field<T> field, int offset, Field<T> defaultValue) {
        String name = function.name().toLowerCase(java.util.Locale.ROOT);
        if (field == null) throw new IllegalArgumentException(name + "(null)");
        if (offset < 0) throw new IllegalArgumentException(name + "(" + Param.describe(field) + ", " + offset + "): the offset must be 0 or more");
        return new WindowFunctionCall<>(function, field, offset, defaultValue, field.type(), null);
    }

    /**
     * {@code FIRST_VALUE(field)}: the value of the first row of the window frame. With an ORDER BY and no
     * frame, the default frame ends at the current row.
     *
     * @param field the expression
     * @param <T> its type
     * @return the function, of the field's type
     * @throws IllegalArgumentException if field is null
     */
    public static <T> WindowFunction<T> firstValue(Field<T> field) {
        if (field == null) throw new IllegalArgumentException("firstValue(null)");
        return new WindowFunctionCall<>(WindowFunctionCall.Function.FIRST_VALUE, field, 0, null, field.type(), null);
    }

    /**
     * {@code LAST_VALUE(field)}: the value of the last row of the window frame. With an ORDER BY and no frame
     * that is the current row's last peer; give the window
     * {@code rowsBetween(unboundedPreceding(), unboundedFollowing())} for the partition's last row.
     *
     * @param field the expression
     * @param <T> its type
     * @return the function, of the field's type
     * @throws IllegalArgumentException if field is null
     */
    public static <T> WindowFunction<T> lastValue(Field<T> field) {
        if (field == null) throw new IllegalArgumentException("lastValue(null)");
        return new WindowFunctionCall<>(WindowFunctionCall.Function.LAST_VALUE, field, 0, null, field.type(), null);
    }

    /**
     * A named window, declared on a SELECT with {@link Select#window(Window...)} and used with
     * {@code over(w)}: {@code Window w = window("w").partitionBy(F.categoryId).orderBy(F.length.desc())}.
     *
     * @param name the window's name (quoted by the dialect)
     * @return the window, still without partition, order or frame
     * @throws IllegalArgumentException if name is null or blank
     */
    public static Window window(String name) {
        return Window.named(name);
    }

    /**
     * An anonymous window partitioned by the given fields: {@code partitionBy(F.categoryId).orderBy(...)}.
     *
     * @param fields the partitioning expressions
     * @return the window
     * @throws IllegalArgumentException if no field is given or one is null
     */
    public static Window partitionBy(Field<?>... fields) {
        return Window.empty().partitionBy(fields);
    }

    /**
     * An anonymous window over the whole result in an order: {@code orderBy(P.paymentDate)}.
     *
     * @param items fields (ascending) or sort fields
     * @return the window
     * @throws IllegalArgumentException if no item is given or one is null
     */
    public static Window orderBy(OrderField... items) {
        return Window.empty().orderBy(items);
    }

    /** @return the frame bound {@code UNBOUNDED PRECEDING} */
    public static FrameBound unboundedPreceding() { return FrameBound.unboundedPreceding(); }

    /**
     * @param offset 0 or more
     * @return the frame bound {@code offset PRECEDING} (an integer literal in the SQL, see {@link FrameBound})
     * @throws IllegalArgumentException if offset is negative
     */
    public static FrameBound preceding(long offset) { return FrameBound.preceding(offset); }

    /** @return the frame bound {@code CURRENT ROW} */
    public static FrameBound currentRow() { return FrameBound.currentRow(); }

    /**
     * @param offset 0 or more
     * @return the frame bound {@code offset FOLLOWING}
     * @throws IllegalArgumentException if offset is negative
     */
    public static FrameBound following(long offset) { return FrameBound.following(offset); }

    /** @return the frame bound {@code UNBOUNDED FOLLOWING} */
    public static FrameBound unboundedFollowing() { return FrameBound.unboundedFollowing(); }

    /**
     * Starts a searched CASE: {@code when(F.length.lt(60), "short").when(...).otherwise("long")}.
     *
     * @param condition the first condition
     * @param result its result, not null; its class gives the expression's type as {@link #value(Object)} does
     * @param <T> the result type
     * @return the CASE expression (NULL where no condition holds until {@code otherwise} is given)
     * @throws IllegalArgumentException if condition or result is null, or the result's class has no default type
     */
    public static <T> CaseWhen<T> when(Condition condition, T result) {
        return SearchedCase.start(condition, result);
    }

    /**
     * @param condition the first condition
     * @param result its result expression, whose type is the expression's type
     * @param <T> the result type
     * @return the searched CASE expression
     * @throws IllegalArgumentException if condition or result is null
     */
    public static <T> CaseWhen<T> when(Condition condition, Field<T> result) {
        return SearchedCase.start(condition, result);
    }

    /**
     * Starts a simple CASE on a value: {@code choose(F.categoryId).when(1, "Action").otherwise("Other")}.
     *
     * @param value the compared expression
     * @param <V> its type
     * @return the first step
     * @throws IllegalArgumentException if value is null
     */
    public static <V> CaseValue<V> choose(Field<V> value) {
        return new SimpleCase.Start<>(value);
    }

    /**
     * {@code COALESCE(field, value)}: the field, or the value where it is NULL.
     *
     * @param field the expression
     * @param value the replacement, not null (bound with the field's type)
     * @param <T> the type
     * @return the expression, of the field's type
     * @throws IllegalArgumentException if an argument is null
     */
    public static <T> Field<T> coalesce(Field<T> field, T value) {
        if (field == null) throw new IllegalArgumentException("coalesce(null, ...)");
        return new FunctionCall<>("COALESCE", List.of(field, Expressions.operand("coalesce", field, value)), field.type());
    }

    /**
     * {@code COALESCE(a, b, ...)}: the first argument that is not NULL, NULL if all are.
     *
     * @param first the first expression
     * @param more the others, at least one
     * @param <T> the type
     * @return the expression, of the first's type
     * @throws IllegalArgumentException if an argument is null or only one is given
     */
    @SafeVarargs
    public static <T> Field<T> coalesce(Field<T> first, Field<T>... more) {
        return new FunctionCall<>("COALESCE", List.copyOf(atLeastTwo("coalesce", first, more)), first.type());
    }

    /**
     * {@code NULLIF(field, value)}: NULL where the field equals the value, else the field. Divide by
     * {@code nullif(x, 0)} for a quotient that is NULL instead of an error on PostgreSQL.
     *
     * @param field the expression
     * @param value the value that becomes NULL, not null
     * @param <T> the type
     * @return the expression, of the field's type
     * @throws IllegalArgumentException if an argument is null
     */
    public static <T> Field<T> nullif(Field<T> field, T value) {
        if (field == null) throw new IllegalArgumentException("nullif(null, ...)");
        return new FunctionCall<>("NULLIF", List.of(field, Expressions.operand("nullif", field, value)), field.type());
    }

    /**
     * @param field the expression
     * @param other the expression compared with it
     * @param <T> the type
     * @return {@code NULLIF(field, other)}, of the field's type
     * @throws IllegalArgumentException if an argument is null
     */
    public static <T> Field<T> nullif(Field<T> field, Field<T> other) {
        if (field == null || other == null) throw new IllegalArgumentException("nullif(" + field + ", " + other + "): an argument is null");
        return new FunctionCall<>("NULLIF", List.of(field, other), field.type());
    }

    /**
     * The greatest of two or more values, ignoring NULLs; NULL only when all are NULL. This is
     * PostgreSQL's semantics, made the same on MySQL (whose GREATEST is NULL as soon as one argument is)
     * and SQLite (multi-argument MAX, the same) by replacing each argument with the first non-NULL of
     * itself and the others: {@code GREATEST(COALESCE(a, b), COALESCE(b, a))}.
     *
     * @param first the first value
     * @param more the others, at least one
     * @param <T> the type
     * @return the expression, of the first's type
     * @throws IllegalArgumentException if an argument is null or only one is given
     */
    @SafeVarargs
    public static <T> Field<T> greatest(Field<T> first, Field<T>... more) {
        return new GreatestLeast<>(true, atLeastTwo("greatest", first, more), first.type());
    }

    /**
     * The least of two or more values, ignoring NULLs, as {@link #greatest} says.
     *
     * @param first the first value
     * @param more the others, at least one
     * @param <T> the type
     * @return the expression, of the first's type
     * @throws IllegalArgumentException if an argument is null or only one is given
     */
    @SafeVarargs
    public static <T> Field<T> least(Field<T> first, Field<T>... more) {
        return new GreatestLeast<>(false, atLeastTwo("least", first, more), first.type());
    }

    @SafeVarargs
    private static <T> List<Field<T>> atLeastTwo(String function, Field<T> first, Field<T>... more) {
        if (more.length == 0) throw new IllegalArgumentException(function + "() needs at least two arguments");
        List<Field<T>> all = new ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(Arrays.asList(more));
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == null) throw new IllegalArgumentException(function + "() argument " + (i + 1) + " is null");
        }
        return List.copyOf(all);
    }

    /**
     * Concatenation of two or more character fields, NULL when any is NULL (see {@link Field#concat(Field)}).
     *
     * @param first the first part
     * @param more the other parts, at least one
     * @return the text, TEXT
     * @throws IllegalArgumentException if a part is null or not a character type, or only one is given
     */
    @SafeVarargs
    public static Field<String> concat(Field<String> first, Field<String>... more) {
        List<Field<String>> parts = atLeastTwo("concat", first, more);
        for (Field<String> p : parts) Expressions.requireCharacter("concat()", p);
        return new StringFunction<>(StringFunction.Kind.CONCAT, List.copyOf(parts), DataType.text());
    }

    /**
     * String aggregation under one name: the non-NULL values of a group joined by a separator, NULL for a
     * group without any. PostgreSQL {@code STRING_AGG(x, ?)}, SQLite {@code GROUP_CONCAT(x, ?)}, MySQL
     * {@code GROUP_CONCAT(x SEPARATOR '...')}: MySQL's grammar takes only a string literal there, so the
     * separator is written into the SQL as an escaped literal on MySQL and bound elsewhere. MySQL cuts the
     * result at {@code group_concat_max_len} bytes (1,024 by default on MySQL, 1 MiB on MariaDB).
     *
     * @param field a character expression
     * @param separator the separator, not null (may be empty)
     * @return the aggregate, TEXT
     * @throws IllegalArgumentException if an argument is null or field is not a character type
     */
    public static Field<String> stringAgg(Field<String> field, String separator) {
        return stringAgg(field, separator, new OrderField[0]);
    }

    /**
     * String aggregation in an order: {@code stringAgg(A.lastName, ", ", A.lastName.asc())}; PostgreSQL
     * {@code STRING_AGG(x, ? ORDER BY ...)}, SQLite (3.44+) {@code GROUP_CONCAT(x, ? ORDER BY ...)}, MySQL
     * {@code GROUP_CONCAT(x ORDER BY ... SEPARATOR '...')}.
     *
     * @param field a character expression
     * @param separator the separator, not null
     * @param orderBy the order of the values
     * @return the aggregate, TEXT
     * @throws IllegalArgumentException if an argument is null or field is not a character type
     */
    public static Field<String> stringAgg(Field<String> field, String separator, OrderField... orderBy) {
        if (field == null) throw new IllegalArgumentException("stringAgg(null, ...)");
        Expressions.requireCharacter("stringAgg()", field);
        if (separator == null) throw new IllegalArgumentException("stringAgg(" + Param.describe(field) + ", null): the separator is null");
        List<SortField<?>> order = new ArrayList<>(orderBy.length);
        for (OrderField o : orderBy) {
            if (o == null) throw new IllegalArgumentException("stringAgg ORDER BY null");
            order.add(o.toSortField());
        }
        return new StringAgg(field, separator, List.copyOf(order));
    }

    /** @return the current date ({@code CURRENT_DATE}), DATE ({@link LocalDate}); UTC on SQLite and on Quarry's MySQL sessions */
    public static Field<LocalDate> currentDate() {
        return new CurrentDate();
    }

    /**
     * A typed expression in raw SQL, for what the DSL lacks: {@code sql(DataType.text(), "lower({0}) || {1}",
     * F.title, value("!"))}. Each {@code {n}} renders part n through the normal renderer, so values given as
     * {@link #value(Object)} stay bind parameters and columns are qualified and scope-checked; the fragment
     * is rendered in parentheses. <code>&#123;&#123;</code> and <code>&#125;&#125;</code> write a literal brace. There is no way to put a
     * Java value into the text itself: pass it as a part. The fragment is dialect-specific SQL: Quarry does
     * not translate it.
     *
     * @param type the expression's type, which decides how its values are read
     * @param template the SQL text with placeholders {0}, {1}, ...
     * @param parts the parts, each used at least once
     * @param <T> the Java type
     * @return the expression
     * @throws IllegalArgumentException naming the template if type is null, the template is blank, contains a
     *         {@code ?} (a parameter without value) or a brace that is not a placeholder, a placeholder is out
     *         of range, a part is unused or null
     */
    public static <T> Field<T> sql(DataType<T> type, String template, dev.quarry.dsl.spi.QueryPart... parts) {
        if (type == null) throw new IllegalArgumentException("raw SQL \"" + template + "\": the type is null");
        return new RawSql.RawField<>(RawSql.parse(template, parts), type);
    }

    /**
     * A condition in raw SQL, as {@link #sql(DataType, String, dev.quarry.dsl.spi.QueryPart...)}:
     * {@code condition("{0} ~ {1}", F.title, value("^A"))} (a PostgreSQL regular expression match).
     *
     * @param template the SQL text with placeholders
     * @param parts the parts, each used at least once
     * @return the condition, rendered in parentheses
     * @throws IllegalArgumentException as {@link #sql(DataType, String, dev.quarry.dsl.spi.QueryPart...)}
     */
    public static Condition condition(String template, dev.quarry.dsl.spi.QueryPart... parts) {
        return new RawSql.RawCondition(RawSql.parse(template, parts));
    }
}
