package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where statements run: a {@link Database} (each statement on a pooled connection, auto-committed)
 * or a {@link Transaction} (all statements on the transaction's connection). Statements created here
 * are attached to it and run with {@code fetch()} / {@code execute()}.
 */
public interface Session {
    /** @return the dialect statements are rendered for */
    Dialect dialect();

    /**
     * @param fields the select list, at least one field
     * @return a SELECT attached to this session
     * @throws IllegalArgumentException if no field or a null field is given
     */
    Select<Row> select(Field<?>... fields);

    /**
     * @param fields the select list, at least one field
     * @return a SELECT DISTINCT attached to this session
     */
    Select<Row> selectDistinct(Field<?>... fields);
    /**
     * A SELECT of 1 field whose rows are typed {@link Record1}s.
     *
     * @param field1 select-list field 1
     * @param <T1> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    <T1> Select<Record1<T1>> select(Field<T1> field1);

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
    <T1, T2> Select<Record2<T1, T2>> select(Field<T1> field1, Field<T2> field2);

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
    <T1, T2, T3> Select<Record3<T1, T2, T3>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3);

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
    <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4);

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
    <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5);

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
    <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6);

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
    <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7);

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
    <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8);

    /**
     * A DISTINCT SELECT of 1 field whose rows are typed {@link Record1}s.
     *
     * @param field1 select-list field 1
     * @param <T1> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    <T1> Select<Record1<T1>> selectDistinct(Field<T1> field1);

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
    <T1, T2> Select<Record2<T1, T2>> selectDistinct(Field<T1> field1, Field<T2> field2);

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
    <T1, T2, T3> Select<Record3<T1, T2, T3>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3);

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
    <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4);

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
    <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5);

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
    <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6);

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
    <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7);

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
    <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8);


    /**
     * A one-row INSERT: {@code insertInto(FILM, row -> row.set(FILM.title, "X"))}.
     *
     * @param table the table
     * @param row sets the row's columns
     * @return the statement, attached to this session
     * @throws IllegalArgumentException if the lambda sets a column of another table, a null into a NOT
     *         NULL column, or leaves out a NOT NULL column without default
     */
    Insert insertInto(TableLike table, Consumer<RowBuilder> row);

    /**
     * A many-row INSERT, one row per item: {@code insertInto(FILM, films, (row, f) -> row.set(FILM.title, f.title()))}.
     *
     * @param table the table
     * @param items the items, at least one
     * @param row sets the columns of the row for one item; every row must set the same columns
     * @param <E> the item type
     * @return the statement, attached to this session
     * @throws IllegalArgumentException as for one row, for the first row that is wrong, or if items is empty
     */
    <E> Insert insertInto(TableLike table, Iterable<? extends E> items, BiConsumer<RowBuilder, ? super E> row);

    /**
     * @param table the table
     * @return an UPDATE attached to this session; it needs {@code set}, and {@code where} or {@code all}
     */
    Update update(TableLike table);

    /**
     * @param table the table
     * @return a DELETE attached to this session; it needs {@code where} or {@code all}
     */
    Delete deleteFrom(TableLike table);

    /**
     * Runs a SELECT made elsewhere (for example with {@link Dsl#select}) in this session.
     *
     * @param select the query
     * @param <R> its row type
     * @return its rows
     */
    <R extends Row> List<R> fetch(Select<R> select);

    /**
     * Runs a rendered statement that returns no rows, such as DDL from {@code dev.quarry.schema.Ddl}.
     *
     * @param statement SQL and bind values, rendered for this session's dialect
     * @return the update count the driver reports (0 for DDL)
     * @throws DataAccessException if the database refuses
     */
    int execute(Rendered statement);

    // ---- DML forms ----

    /**
     * Starts an {@code INSERT INTO table (columns) SELECT ...}:
     * {@code insertInto(FILM_COPY, FILM_COPY.filmId, FILM_COPY.title).select(select(FILM.filmId, FILM.title).from(FILM))}.
     *
     * @param table the table
     * @param columns the columns the query's fields fill, in order; none for all columns of the table in
     *                declaration order
     * @return the step that takes the query
     * @throws IllegalArgumentException if a column is null, of another table, or listed twice, or a NOT
     *         NULL column without default is left out
     */
    InsertSelectStep insertInto(TableLike table, TableField<?>... columns);

    // ---- CTEs ----

    /**
     * Starts a statement with a WITH clause: {@code db.with(cheap).select(cheap.field(FILM.title)).from(cheap)},
     * or {@code .insertInto(...)}, {@code .update(...)}, {@code .deleteFrom(...)} where the dialect has
     * WITH for them (see {@link With}).
     *
     * @param ctes the CTEs ({@link Dsl#cte(String)}), in order; each may use those listed before it
     * @return the start of the statement, attached to this session
     * @throws IllegalArgumentException if none is given, one is null, an aliased reference, refers to
     *         itself (use {@link #withRecursive}) or two share a name
     */
    With with(Cte... ctes);

    /**
     * Starts a statement with a WITH RECURSIVE clause, needed when a CTE refers to itself
     * ({@link Cte.Declaration#asRecursive}); all the CTEs see each other.
     *
     * @param ctes the CTEs
     * @return the start of the statement, attached to this session
     * @throws IllegalArgumentException if none is given, one is null, an aliased reference or two share a name
     */
    With withRecursive(Cte... ctes);

    // ---- streaming ----

    /**
     * Runs a SELECT made elsewhere (for example with {@link Dsl#select}) in this session as a lazy
     * {@link Cursor}, as {@link Select#fetchLazy(int)} does.
     *
     * @param select the query
     * @param fetchSize rows per round trip, at least 1
     * @param <R> its row type
     * @return the open cursor; close it
     * @throws IllegalArgumentException if {@code fetchSize < 1}
     * @throws DataAccessException if the query fails to start
     */
    <R extends Row> Cursor<R> fetchLazy(Select<R> select, int fetchSize);
}
