package dev.quarry.dsl;

import org.jooq.lambda.Seq;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A lazy result: rows read from the database as they are asked for, a fetch size at a time, so that a
 * result of any size is read in constant memory. Made by {@link Select#fetchLazy()}; holds a statement
 * and, on a {@link Database}, a pooled connection until it is closed. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (Cursor<Record2<Integer, String>> films = db.select(FILM.filmId, FILM.title).from(FILM).fetchLazy()) {
 *     for (Record2<Integer, String> film : films) write(film.value1(), film.value2());
 * }
 * }</pre>
 *
 * <p>How each database streams (see the README, "Streaming"):
 * <ul>
 *   <li>PostgreSQL: a server-side portal read a fetch size at a time, which pgjdbc does only with
 *       auto-commit off. A cursor on a {@code Database} therefore runs in a read-only transaction of its
 *       own on its own pooled connection, ended when the cursor closes (so a locking read,
 *       {@code forUpdate()}, must be iterated in a {@code Transaction}: PostgreSQL refuses it in a
 *       read-only one); in a {@code Transaction} it uses the transaction's connection.</li>
 *   <li>MariaDB / MySQL: Connector/J's streaming result set (fetch size &gt; 0). While it is open, another
 *       statement on the same connection (in the same {@code Transaction}) makes the driver read the rest
 *       of the result into memory first; closing it early reads and discards the rows the server has
 *       still to send.</li>
 *   <li>SQLite: rows are stepped one at a time. A cursor holds its connection and a read lock: an
 *       in-memory database has only one connection, so other statements on the same {@code Database} wait
 *       for it until the pool's timeout; on a file database, a write from another connection waits for
 *       the cursor to close, up to the busy timeout (5 s), then fails with {@link LockTimeoutException}.</li>
 * </ul>
 *
 * <p>The cursor releases its statement and connection (ending its own transaction) when it is closed,
 * when the last row has been read, and when reading or a function given to {@link #map}, {@link #stream}
 * or {@link #forEach} throws. The body of a plain {@code for} loop is outside its reach: close the cursor
 * with try-with-resources. A cursor opened in a {@code Transaction} must be read before the transaction
 * block ends; reading it afterwards throws {@link DataAccessException}. Not thread-safe; iterated once.
 *
 * @param <T> the element type: the select's row type, or what {@link #map} made of it
 */
public interface Cursor<T> extends Iterable<T>, AutoCloseable {
    /**
     * The rows not yet read, as an iterator that reads ahead one row. {@code hasNext()} returns false
     * once the result is exhausted (the cursor is then closed) or the cursor was closed.
     *
     * @return the iterator; a cursor gives out one iterator, stream or sequence only
     * @throws IllegalStateException if an iterator, stream or sequence was already taken from this cursor
     *         (or from the cursor it was {@linkplain #map mapped} from)
     * @throws DataAccessException from {@code hasNext()}/{@code next()} if reading a row fails; the
     *         cursor is closed first
     */
    @Override
    Iterator<T> iterator();

    /**
     * Runs the action for every remaining row, then closes the cursor; if the action throws, closes the
     * cursor and rethrows.
     *
     * @param action what to do with each row
     * @throws IllegalStateException if the cursor was already iterated
     * @throws DataAccessException if reading a row fails
     */
    @Override
    void forEach(Consumer<? super T> action);

    /**
     * The remaining rows as a sequential, ordered {@link Stream}. Closing the stream closes the cursor;
     * so does reading the last row, and an exception thrown anywhere in the stream's pipeline while a row
     * passes through it. Use try-with-resources when the pipeline may stop early ({@code limit},
     * {@code findFirst}).
     *
     * @return the stream
     * @throws IllegalStateException if the cursor was already iterated
     */
    Stream<T> stream();

    /**
     * The remaining rows as a jOOλ {@link Seq} (a sequential {@link Stream} with more operations), which
     * closes the cursor as {@link #stream()} does.
     *
     * @return the sequence
     * @throws IllegalStateException if the cursor was already iterated
     */
    Seq<T> seq();

    /**
     * A cursor over the same rows, each passed through a function as it is read:
     * {@code fetchLazy().map(r -> r.into(FilmView::new))}. Both cursors share one result and one
     * connection: closing either closes both, and only one of them can be iterated.
     *
     * @param mapper the function, called once per row in the iterating thread; if it throws, the cursor
     *               is closed and the exception propagates
     * @param <E> the mapped type
     * @return the mapped cursor
     */
    <E> Cursor<E> map(Function<? super T, ? extends E> mapper);

    /**
     * Reads up to {@code n} rows, for processing a large result in chunks.
     *
     * @param n the most rows to read, at least 1
     * @return the rows read (elements may be null only where a {@link #map} function returned null); fewer
     *         than {@code n}, maybe none, only at the end of the result, after which the cursor is closed
     * @throws IllegalArgumentException if {@code n < 1}
     * @throws DataAccessException if reading fails
     */
    List<T> fetchNext(int n);

    /** @return whether the cursor is closed: by {@link #close()}, at the end of the result, or after a failure */
    boolean isClosed();

    /**
     * Releases the result set, the statement and, on a {@code Database}, the connection (ending the
     * cursor's own transaction first). Idempotent.
     *
     * @throws DataAccessException if the database fails to end the cursor's transaction; the connection
     *         is released all the same
     */
    @Override
    void close();
}
