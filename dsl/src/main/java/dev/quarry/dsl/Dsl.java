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
    public static Field<Long> count() {
        return new Aggregate<>("COUNT", null, false, DataType.bigint());
    }

    /**
     * @param field the counted expression; NULLs are not counted
     * @return {@code count(field)}, BIGINT
     */
    public static Field<Long> count(Field<?> field) {
        return new Aggregate<>("COUNT", field, false, DataType.bigint());
    }

    /**
     * @param field the counted expression
     * @return {@code count(DISTINCT field)}, BIGINT
     */
    public static Field<Long> countDistinct(Field<?> field) {
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
    public static Field<BigDecimal> sum(Field<? extends Number> field) {
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
    public static Field<BigDecimal> avg(Field<? extends Number> field) {
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
    public static <T> Field<T> min(Field<T> field) {
        return new Aggregate<>("MIN", field, false, field.type());
    }

    /**
     * @param field any comparable field
     * @param <T> its type
     * @return {@code max(field)}, of the field's type
     */
    public static <T> Field<T> max(Field<T> field) {
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

    // ---- DML forms (issue 4) ----

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

    // ---- subqueries and CTEs (issue 4) ----

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
}
