package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;

/** {@code CASE value WHEN v1 THEN r1 ... [ELSE e] END}; the same on every dialect. */
record SimpleCase<V, R>(Field<V> value, List<Field<V>> matches, List<Field<R>> results, Field<R> otherwiseResult,
                        DataType<R> type) implements CaseValueWhen<V, R> {

    /** The step after {@code choose(value)}. */
    record Start<V>(Field<V> value) implements CaseValue<V> {
        Start {
            if (value == null) throw new IllegalArgumentException("choose(null): the compared field is null");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> CaseValueWhen<V, R> when(V match, R result) {
            if (result == null) {
                throw new IllegalArgumentException("when(value, null): a NULL result needs a type; "
                        + "use when(value, Dsl.value(null, type)) or leave the case out");
            }
            return when(match, (Field<R>) Dsl.value(result));
        }

        @Override
        public <R> CaseValueWhen<V, R> when(V match, Field<R> result) {
            if (result == null) throw new IllegalArgumentException("when(value, null): the result field is null");
            return new SimpleCase<>(value, List.of(Param.of(value, match, "when")), List.of(result), null, result.type());
        }
    }

    @Override
    public String name() { return "case"; }

    @Override
    public CaseValueWhen<V, R> when(V match, R result) {
        if (result == null) throw new IllegalArgumentException("when(value, null): leave the case out for NULL");
        return when(match, new Param<>(type.cast(result), type));
    }

    @Override
    public CaseValueWhen<V, R> when(V match, Field<R> result) {
        if (result == null) throw new IllegalArgumentException("when(value, null): the result field is null");
        List<Field<V>> m = new ArrayList<>(matches);
        m.add(Param.of(value, match, "when"));
        List<Field<R>> r = new ArrayList<>(results);
        r.add(result);
        return new SimpleCase<>(value, List.copyOf(m), List.copyOf(r), null, type);
    }

    @Override
    public Field<R> otherwise(R result) {
        if (result == null) throw new IllegalArgumentException("otherwise(null): leave ELSE out for NULL");
        return otherwise(new Param<>(type.cast(result), type));
    }

    @Override
    public Field<R> otherwise(Field<R> result) {
        if (result == null) throw new IllegalArgumentException("otherwise(null): the result field is null");
        return new SimpleCase<>(value, matches, results, result, type);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append("CASE ");
        Junction.operand(b, value);
        for (int i = 0; i < matches.size(); i++) {
            b.append(" WHEN ").visit(matches.get(i)).append(" THEN ");
            Junction.operand(b, results.get(i));
        }
        if (otherwiseResult != null) {
            b.append(" ELSE ");
            Junction.operand(b, otherwiseResult);
        }
        b.append(" END");
    }
}
