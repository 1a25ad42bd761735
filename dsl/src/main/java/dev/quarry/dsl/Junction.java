package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions joined by AND or OR; nested junctions of the same operator are flattened, so that
 * {@code Dsl.or(c1, c2, ... cn)} or a loop of {@code c = c.or(next)} nests one level however many conditions
 * it joins.
 */
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
        render(b, 0, operands.size(), b.renderer().maxConditionChain());
    }

    /**
     * Renders operands [from, to): as one chain when there are at most {@code chain} of them, else as two
     * parenthesized halves (the renderer's {@code maxConditionChain}: SQLite's parser nests every operator
     * of a chain one level deeper). Recurses log2(n / chain) times at most.
     */
    private void render(SqlBuilder b, int from, int to, int chain) {
        if (to - from > chain) {
            int middle = (from + to) >>> 1;
            b.append('(');
            render(b, from, middle, chain);
            b.append(") ").append(operator).append(" (");
            render(b, middle, to, chain);
            b.append(')');
            return;
        }
        for (int i = from; i < to; i++) {
            if (i > from) b.append(' ').append(operator).append(' ');
            Condition c = operands.get(i);
            if (c instanceof Junction) b.append('(').visit(c).append(')');
            else b.visit(c);
        }
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(Junction.class).add(operator).add(operands.size());
        for (Condition c : operands) key.visit(c);
    }
}
