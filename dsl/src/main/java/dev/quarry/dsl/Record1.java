package dev.quarry.dsl;

import org.jooq.lambda.function.Function1;
import org.jooq.lambda.tuple.Tuple;
import org.jooq.lambda.tuple.Tuple1;

/**
 * A row of a SELECT of exactly 1 field, typed by them: {@code value1()} is the first field's
 * Java type, and so on, so the compiler checks what is read. It is still a {@link Row}: values can
 * also be read by field. Every accessor returns null for SQL NULL (a LEFT JOIN's missing side) and
 * never 0 or false; {@link Row#optional(Field)} makes that visible as an {@link java.util.Optional}.
 *
 * @param <T1> the type of field 1
 */
public final class Record1<T1> extends Row {
    Record1(RowType type, Object[] values) {
        super(type, values);
    }

    /**
     * @return the value of select-list field 1, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T1 value1() { return (T1) get(0); }

    /**
     * Maps this row with a function of its 1 value, such as a record's constructor reference.
     *
     * @param mapper the function (jOOλ's {@code Function1}; {@code FilmView::new} fits it)
     * @param <E> the result type
     * @return the mapper's result
     */
    public <E> E into(Function1<? super T1, ? extends E> mapper) {
        return mapper.apply(value1());
    }

    /** @return the values as a jOOλ tuple */
    public Tuple1<T1> toTuple() {
        return Tuple.tuple(value1());
    }
}
