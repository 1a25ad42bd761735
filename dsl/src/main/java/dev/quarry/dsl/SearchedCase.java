package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;

/** {@code CASE WHEN c1 THEN r1 ... [ELSE e] END}; the same on every dialect. */
record SearchedCase<T>(List<Condition> conditions, List<Field<T>> results, Field<T> otherwiseResult, DataType<T> type)
        implements CaseWhen<T> {
    @SuppressWarnings("unchecked")
    static <T> SearchedCase<T> start(Condition condition, T result) {
        if (result == null) {
            throw new IllegalArgumentException("when(condition, null): a NULL result needs a type; "
                    + "use when(condition, Dsl.value(null, type)) or leave the case out");
        }
        return start(condition, (Field<T>) Dsl.value(result));
    }

    static <T> SearchedCase<T> start(Condition condition, Field<T> result) {
        if (condition == null) throw new IllegalArgumentException("when(null, ...): the condition is null");
        if (result == null) throw new IllegalArgumentException("when(condition, null): the result field is null");
        return new SearchedCase<>(List.of(condition), List.of(result), null, result.type());
    }

    @Override
    public String name() { return "case"; }

    @Override
    public CaseWhen<T> when(Condition condition, T result) {
        if (result == null) throw new IllegalArgumentException("when(condition, null): leave the case out for NULL");
        return when(condition, new Param<>(type.cast(result), type));
    }

    @Override
    public CaseWhen<T> when(Condition condition, Field<T> result) {
        if (condition == null) throw new IllegalArgumentException("when(null, ...): the condition is null");
        if (result == null) throw new IllegalArgumentException("when(condition, null): the result field is null");
        List<Condition> c = new ArrayList<>(conditions);
        c.add(condition);
        List<Field<T>> r = new ArrayList<>(results);
        r.add(result);
        return new SearchedCase<>(List.copyOf(c), List.copyOf(r), null, type);
    }

    @Override
    public Field<T> otherwise(T result) {
        if (result == null) throw new IllegalArgumentException("otherwise(null): leave ELSE out for NULL");
        return otherwise(new Param<>(type.cast(result), type));
    }

    @Override
    public Field<T> otherwise(Field<T> result) {
        if (result == null) throw new IllegalArgumentException("otherwise(null): the result field is null");
        return new SearchedCase<>(conditions, results, result, type);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.append("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            b.append(" WHEN ").visit(conditions.get(i)).append(" THEN ");
            Junction.operand(b, results.get(i));
        }
        if (otherwiseResult != null) {
            b.append(" ELSE ");
            Junction.operand(b, otherwiseResult);
        }
        b.append(" END");
    }
}
