package dev.quarry.dsl;

import org.jooq.lambda.function.Function8;
import org.jooq.lambda.tuple.Tuple;
import org.jooq.lambda.tuple.Tuple8;

/**
 * A row of a SELECT of exactly 8 fields, typed by them: {@code value1()} is the first field's
 * Java type, and so on, so the compiler checks what is read. It is still a {@link Row}: values can
 * also be read by field. Every accessor returns null for SQL NULL (a LEFT JOIN's missing side) and
 * never 0 or false; {@link Row#optional(Field)} makes that visible as an {@link java.util.Optional}.
 *
 * @param <T1> the type of field 1
 * @param <T2> the type of field 2
 * @param <T3> the type of field 3
 * @param <T4> the type of field 4
 * @param <T5> the type of field 5
 * @param <T6> the type of field 6
 * @param <T7> the type of field 7
 * @param <T8> the type of field 8
 */
public final class Record8<T1, T2, T3, T4, T5, T6, T7, T8> extends Row {
    Record8(RowType type, Object[] values) {
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
     * @return the value of select-list field 3, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T3 value3() { return (T3) get(2); }

    /**
     * @return the value of select-list field 4, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T4 value4() { return (T4) get(3); }

    /**
     * @return the value of select-list field 5, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T5 value5() { return (T5) get(4); }

    /**
     * @return the value of select-list field 6, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T6 value6() { return (T6) get(5); }

    /**
     * @return the value of select-list field 7, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T7 value7() { return (T7) get(6); }

    /**
     * @return the value of select-list field 8, or null for SQL NULL (never 0 or false)
     */
    @SuppressWarnings("unchecked")
    public T8 value8() { return (T8) get(7); }

    /**
     * Maps this row with a function of its 8 values, such as a record's constructor reference.
     *
     * @param mapper the function (jOOλ's {@code Function8}; {@code FilmView::new} fits it)
     * @param <E> the result type
     * @return the mapper's result
     */
    public <E> E into(Function8<? super T1, ? super T2, ? super T3, ? super T4, ? super T5, ? super T6, ? super T7, ? super T8, ? extends E> mapper) {
        return mapper.apply(value1(), value2(), value3(), value4(), value5(), value6(), value7(), value8());
    }

    /** @return the values as a jOOλ tuple */
    public Tuple8<T1, T2, T3, T4, T5, T6, T7, T8> toTuple() {
        return Tuple.tuple(value1(), value2(), value3(), value4(), value5(), value6(), value7(), value8());
    }
}
