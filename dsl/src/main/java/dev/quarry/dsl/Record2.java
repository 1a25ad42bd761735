package dev.quarry.dsl;

import org.jooq.lambda.function.Function2;
import org.jooq.lambda.tuple.Tuple;
import org.jooq.lambda.tuple.Tuple2;

/**
 * A row of a SELECT of exactly 2 fields, typed by them: {@code value1()} is the first field's
 * Java type, and so on, so the compiler checks what is read. It is still a {@link Row}: values can
 * also be read by field. Every accessor returns null for SQL NULL (a LEFT JOIN's missing side) and
 * never 0 or false; {@link Row#optional(Field)} makes that visible as an {@link java.util.Optional}.
 *
 * @param <T1> the type of field 1
 * @param <T2> the type of field 2
 */
public final class Record2<T1, T2> extends Row {
    Record2(RowType type, Object[] values) {
        super(type, values);
    }

    /**
     * @return the value of select-list field 1, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T1 value1() { return (T1) get(0); }

    /**
     * @return the value of select-list field 2, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T2 value2() { return (T2) get(1); }

    /**
     * Maps this row with a function of its 2 values, such as a record's constructor reference.
     *
     * @param mapper the function (jOOλ's {@code Function2}; {@code FilmView::new} fits it)
     * @param <E> the result type
     * @return the mapper's result
     */
    public <E> E into(Function2<? super T1, ? super T2, ? extends E> mapper) {
        return mapper.apply(value1(), value2());
    }

    /** @return the values as a jOOλ tuple */
    public Tuple2<T1, T2> toTuple() {
        return Tuple.tuple(value1(), value2());
    }
}
