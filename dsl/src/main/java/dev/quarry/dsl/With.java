package dev.quarry.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The start of a statement with a WITH clause, made by {@code db.with(ctes...)},
 * {@code db.withRecursive(ctes...)} or the detached {@link Dsl#with(Cte[])}: each method starts the same
 * statement as the {@link Session} method of that name, with the clause in front.
 *
 * <pre>{@code
 * Cte cheap = Dsl.cte("cheap").as(select(FILM.filmId, FILM.title).from(FILM).where(FILM.rentalRate.lt(ONE)));
 * db.with(cheap).select(cheap.field(FILM.title)).from(cheap).fetch();
 * db.with(cheap).update(FILM).set(FILM.rentalRate, HALF)
 *   .where(FILM.filmId.in(select(cheap.field(FILM.filmId)).from(cheap))).execute();
 * }</pre>
 *
 * <p>Where WITH may go depends on the dialect: PostgreSQL and SQLite before SELECT, INSERT, UPDATE and
 * DELETE; MySQL 8 before SELECT, UPDATE and DELETE, and in INSERT in front of the SELECT that holds the
 * rows ({@code INSERT INTO t (cols) WITH ... SELECT ...}, which Quarry renders for a VALUES insert);
 * MariaDB only before SELECT and in INSERT as MySQL. A statement the dialect cannot express fails at
 * render time with {@link UnsupportedDialectFeatureException}. Immutable.
 */
public final class With {
    private final Executor executor;
    private final WithClause clause;

    With(Executor executor, WithClause clause) {
        this.executor = executor;
        this.clause = clause;
    }

    /**
     * @param fields the select list, at least one field
     * @return the SELECT with this WITH clause
     * @throws IllegalArgumentException if no field or a null field is given
     */
    public Select<Row> select(Field<?>... fields) {
        return Select.create(executor, Arrays.asList(fields), false).withClause(clause);
    }

    /**
     * @param fields the select list, at least one field
     * @return the SELECT DISTINCT with this WITH clause
     * @throws IllegalArgumentException if no field or a null field is given
     */
    public Select<Row> selectDistinct(Field<?>... fields) {
        return Select.create(executor, Arrays.asList(fields), true).withClause(clause);
    }

    /**
     * A SELECT of 1 field with this WITH clause, whose rows are typed {@link Record1}s.
     *
     * @param field1 select-list field 1
     * @param <T1> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public <T1> Select<Record1<T1>> select(Field<T1> field1) {
        return Select.<Record1<T1>>create(executor, Arrays.asList(field1), false, Record1::new).withClause(clause);
    }

    /**
     * A SELECT of 2 fields with this WITH clause, whose rows are typed {@link Record2}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param <T1> its type
     * @param <T2> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public <T1, T2> Select<Record2<T1, T2>> select(Field<T1> field1, Field<T2> field2) {
        return Select.<Record2<T1, T2>>create(executor, Arrays.asList(field1, field2), false, Record2::new).withClause(clause);
    }

    /**
     * A SELECT of 3 fields with this WITH clause, whose rows are typed {@link Record3}s.
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
    public <T1, T2, T3> Select<Record3<T1, T2, T3>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3) {
        return Select.<Record3<T1, T2, T3>>create(executor, Arrays.asList(field1, field2, field3), false, Record3::new).withClause(clause);
    }

    /**
     * A SELECT of 4 fields with this WITH clause, whose rows are typed {@link Record4}s.
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
    public <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4) {
        return Select.<Record4<T1, T2, T3, T4>>create(executor, Arrays.asList(field1, field2, field3, field4), false, Record4::new).withClause(clause);
    }

    /**
     * A SELECT of 5 fields with this WITH clause, whose rows are typed {@link Record5}s.
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
    public <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5) {
        return Select.<Record5<T1, T2, T3, T4, T5>>create(executor, Arrays.asList(field1, field2, field3, field4, field5), false, Record5::new).withClause(clause);
    }

    /**
     * A SELECT of 6 fields with this WITH clause, whose rows are typed {@link Record6}s.
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
    public <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6) {
        return Select.<Record6<T1, T2, T3, T4, T5, T6>>create(executor, Arrays.asList(field1, field2, field3, field4, field5, field6), false, Record6::new).withClause(clause);
    }

    /**
     * A SELECT of 7 fields with this WITH clause, whose rows are typed {@link Record7}s.
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
    public <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7) {
        return Select.<Record7<T1, T2, T3, T4, T5, T6, T7>>create(executor, Arrays.asList(field1, field2, field3, field4, field5, field6, field7), false, Record7::new).withClause(clause);
    }

    /**
     * A SELECT of 8 fields with this WITH clause, whose rows are typed {@link Record8}s.
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
    public <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> select(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8) {
        return Select.<Record8<T1, T2, T3, T4, T5, T6, T7, T8>>create(executor, Arrays.asList(field1, field2, field3, field4, field5, field6, field7, field8), false, Record8::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 1 field with this WITH clause, whose rows are typed {@link Record1}s.
     *
     * @param field1 select-list field 1
     * @param <T1> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public <T1> Select<Record1<T1>> selectDistinct(Field<T1> field1) {
        return Select.<Record1<T1>>create(executor, Arrays.asList(field1), true, Record1::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 2 fields with this WITH clause, whose rows are typed {@link Record2}s.
     *
     * @param field1 select-list field 1
     * @param field2 select-list field 2
     * @param <T1> its type
     * @param <T2> its type
     * @return the statement
     * @throws IllegalArgumentException if a field is null
     */
    public <T1, T2> Select<Record2<T1, T2>> selectDistinct(Field<T1> field1, Field<T2> field2) {
        return Select.<Record2<T1, T2>>create(executor, Arrays.asList(field1, field2), true, Record2::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 3 fields with this WITH clause, whose rows are typed {@link Record3}s.
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
    public <T1, T2, T3> Select<Record3<T1, T2, T3>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3) {
        return Select.<Record3<T1, T2, T3>>create(executor, Arrays.asList(field1, field2, field3), true, Record3::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 4 fields with this WITH clause, whose rows are typed {@link Record4}s.
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
    public <T1, T2, T3, T4> Select<Record4<T1, T2, T3, T4>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4) {
        return Select.<Record4<T1, T2, T3, T4>>create(executor, Arrays.asList(field1, field2, field3, field4), true, Record4::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 5 fields with this WITH clause, whose rows are typed {@link Record5}s.
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
    public <T1, T2, T3, T4, T5> Select<Record5<T1, T2, T3, T4, T5>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5) {
        return Select.<Record5<T1, T2, T3, T4, T5>>create(executor, Arrays.asList(field1, field2, field3, field4, field5), true, Record5::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 6 fields with this WITH clause, whose rows are typed {@link Record6}s.
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
    public <T1, T2, T3, T4, T5, T6> Select<Record6<T1, T2, T3, T4, T5, T6>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6) {
        return Select.<Record6<T1, T2, T3, T4, T5, T6>>create(executor, Arrays.asList(field1, field2, field3, field4, field5, field6), true, Record6::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 7 fields with this WITH clause, whose rows are typed {@link Record7}s.
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
    public <T1, T2, T3, T4, T5, T6, T7> Select<Record7<T1, T2, T3, T4, T5, T6, T7>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7) {
        return Select.<Record7<T1, T2, T3, T4, T5, T6, T7>>create(executor, Arrays.asList(field1, field2, field3, field4, field5, field6, field7), true, Record7::new).withClause(clause);
    }

    /**
     * A DISTINCT SELECT of 8 fields with this WITH clause, whose rows are typed {@link Record8}s.
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
    public <T1, T2, T3, T4, T5, T6, T7, T8> Select<Record8<T1, T2, T3, T4, T5, T6, T7, T8>> selectDistinct(Field<T1> field1, Field<T2> field2, Field<T3> field3, Field<T4> field4, Field<T5> field5, Field<T6> field6, Field<T7> field7, Field<T8> field8) {
        return Select.<Record8<T1, T2, T3, T4, T5, T6, T7, T8>>create(executor, Arrays.asList(field1, field2, field3, field4, field5, field6, field7, field8), true, Record8::new).withClause(clause);
    }

    /**
     * A one-row INSERT with this WITH clause, as {@link Session#insertInto(TableLike, Consumer)}; its
     * values may use the CTEs through scalar subqueries ({@link Dsl#field(Select)}).
     *
     * @param table the table
     * @param row sets the row's columns; at least one
     * @return the statement
     * @throws IllegalArgumentException as for {@link Session#insertInto(TableLike, Consumer)}
     */
    public Insert insertInto(TableLike table, Consumer<RowBuilder> row) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        RowBuilder builder = new RowBuilder(table, "INSERT INTO");
        row.accept(builder);
        return Insert.create(executor, table, List.of(builder)).withClause(clause);
    }

    /**
     * A many-row INSERT with this WITH clause, as {@link Session#insertInto(TableLike, Iterable, BiConsumer)}.
     *
     * @param table the table
     * @param items the items, at least one
     * @param row sets the columns of the row for one item; every row must set the same columns
     * @param <E> the item type
     * @return the statement
     * @throws IllegalArgumentException as for {@link Session#insertInto(TableLike, Iterable, BiConsumer)}
     */
    public <E> Insert insertInto(TableLike table, Iterable<? extends E> items, BiConsumer<RowBuilder, ? super E> row) {
        if (table == null) throw new IllegalArgumentException("INSERT INTO null");
        List<RowBuilder> rows = new ArrayList<>();
        for (E item : items) {
            RowBuilder builder = new RowBuilder(table, "INSERT INTO");
            row.accept(builder, item);
            rows.add(builder);
        }
        return Insert.create(executor, table, rows).withClause(clause);
    }

    /**
     * @param table the table
     * @return an UPDATE with this WITH clause; it needs {@code set}, and {@code where} or {@code all}
     * @throws IllegalArgumentException if table is null or not a writable table
     */
    public Update update(TableLike table) {
        return Update.create(executor, table).withClause(clause);
    }

    /**
     * @param table the table
     * @return a DELETE with this WITH clause; it needs {@code where} or {@code all}
     * @throws IllegalArgumentException if table is null or not a writable table
     */
    public Delete deleteFrom(TableLike table) {
        return Delete.create(executor, table).withClause(clause);
    }

    @Override
    public String toString() {
        return "With" + clause.ctes().stream().map(Cte::name).toList();
    }
}
