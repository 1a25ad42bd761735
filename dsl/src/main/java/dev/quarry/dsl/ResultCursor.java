package dev.quarry.dsl;

import org.jooq.lambda.Seq;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link Cursor} over a {@link LazyResult}, its rows passed through a mapping function.
 *
 * <p>Every cursor over one result (the first and those {@link #map} makes) holds the same {@link Lease},
 * which a {@link Cleaner} watches: when all of them have become unreachable without the result being
 * closed, the cleaner reclaims the result ({@link LazyResult#reclaim}), so that a forgotten cursor cannot
 * keep a pooled connection (and, on SQLite, a lock on the file) for ever.
 */
final class ResultCursor<T> implements Cursor<T> {
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "quarry-cursor-cleaner");
        t.setDaemon(true);
        return t;
    });

    /** What all cursors over one result hold; unreachable once all of them are. */
    private static final class Lease {
    }

    private final LazyResult<?> result;
    private final Lease lease;
    private final Function<Object, ? extends T> mapper;
    /** This cursor's identity for {@link LazyResult#claim}; the result holds it, never the cursor itself. */
    private final Object token = new Object();
    private boolean iterated;
    /** The row read ahead by {@link #hasNextRow()}, mapped; valid while {@code ready}. */
    private T ahead;
    private boolean ready;

    private ResultCursor(LazyResult<?> result, Lease lease, Function<Object, ? extends T> mapper) {
        this.result = result;
        this.lease = lease;
        this.mapper = mapper;
    }

    /**
     * @param result the open result
     * @param inTransaction whether it runs on a transaction's connection (then its end closes it)
     * @return the first cursor over it, watched by the cleaner
     */
    @SuppressWarnings("unchecked")
    static <R extends Row> ResultCursor<R> of(LazyResult<R> result, boolean inTransaction) {
        Lease lease = new Lease();
        CLEANER.register(lease, () -> result.reclaim(inTransaction));
        return new ResultCursor<>(result, lease, row -> (R) row);
    }

    private boolean hasNextRow() {
        if (ready) return true;
        result.claim(token);
        Object row = result.next();
        if (row == null) return false;
        try {
            ahead = mapper.apply(row);
        } catch (RuntimeException | Error e) {
            result.fail(e);
            throw e;
        }
        ready = true;
        return true;
    }

    private T nextRow() {
        if (!hasNextRow()) throw new NoSuchElementException("the cursor has no more rows");
        T value = ahead;
        ahead = null;
        ready = false;
        return value;
    }

    private void startIteration() {
        result.claim(token);
        if (iterated) {
            throw new IllegalStateException("this cursor was already iterated; a cursor reads its rows once "
                    + "(fetch() reads them into a list)");
        }
        iterated = true;
    }

    @Override
    public Iterator<T> iterator() {
        startIteration();
        return new Iterator<>() {
            @Override
            public boolean hasNext() { return hasNextRow(); }

            @Override
            public T next() { return nextRow(); }
        };
    }

    @Override
    public void forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        startIteration();
        while (hasNextRow()) {
            T value = nextRow();
            try {
                action.accept(value);
            } catch (RuntimeException | Error e) {
                result.fail(e);
                throw e;
            }
        }
    }

    @Override
    public Stream<T> stream() {
        startIteration();
        Spliterator<T> rows = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (!hasNextRow()) return false;
                T value = nextRow();
                try {
                    action.accept(value);
                } catch (RuntimeException | Error e) {
                    result.fail(e);
                    throw e;
                }
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(this::close);
    }

    @Override
    public Seq<T> seq() {
        return Seq.seq(stream());
    }

    @Override
    public <E> Cursor<E> map(Function<? super T, ? extends E> f) {
        Objects.requireNonNull(f, "mapper");
        return new ResultCursor<E>(result, lease, mapper.andThen(f));
    }

    @Override
    public List<T> fetchNext(int n) {
        if (n < 1) throw new IllegalArgumentException("fetchNext(" + n + "): the number of rows must be at least 1");
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        while (out.size() < n && hasNextRow()) out.add(nextRow());
        return out;
    }

    @Override
    public boolean isClosed() { return result.isClosed(); }

    @Override
    public void close() {
        ready = false;
        ahead = null;
        result.close();
    }

    @Override
    public String toString() {
        return "Cursor" + (isClosed() ? " (closed)" : "");
    }
}
