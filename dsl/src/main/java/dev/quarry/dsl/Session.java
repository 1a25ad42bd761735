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
    Select select(Field<?>... fields);

    /**
     * @param fields the select list, at least one field
     * @return a SELECT DISTINCT attached to this session
     */
    Select selectDistinct(Field<?>... fields);

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
     * @return its rows
     */
    List<Row> fetch(Select select);

    /**
     * Runs a rendered statement that returns no rows, such as DDL from {@code dev.quarry.schema.Ddl}.
     *
     * @param statement SQL and bind values, rendered for this session's dialect
     * @return the update count the driver reports (0 for DDL)
     * @throws DataAccessException if the database refuses
     */
    int execute(Rendered statement);
}
