package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;

/** Conditions joined by AND or OR; nested junctions of the same operator are flattened. */
record Junction(String operator, List<Condition> operands) implements Condition, CacheKeyed {
    static Condition of(String operator, List<Condition> operands) {
        List<Condition> flat = new ArrayList<>(operands.size());
        for (Condition c : operands) {
            if (c == null) throw new IllegalArgumentException(operator + " needs conditions, got null");
            if (c instanceof Junction j && j.operator.equals(operator)) flat.addAll(j.operands);
            else flat.add(c);
        }
        return flat.size() == 1 ? flat.get(0) : new Junction(operator, List.copyOf(flat));
    }

    /**
     * Renders a field that is the operand of an operator (=, BETWEEN, IN, LIKE, IS NULL): a condition
     * goes in parentheses, since AND, OR and NOT bind less tightly than those operators.
     */
    static void operand(SqlBuilder b, Field<?> field) {
        if (field instanceof Condition) b.append('(').visit(field).append(')');
        else b.visit(field);
    }

    @Override
    public void renderTo(SqlBuilder b) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) b.append(' ').append(operator).append(' ');
            Condition c = operands.get(i);
            if (c instanceof Junction) b.append('(').visit(c).append(')');
            else b.visit(c);
        }
    }

    // ---- compiled-SQL cache (issue 5) ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Junction.class).add(operator).add(operands.size());
        for (Condition c : operands) key.visit(c);
    }
}
