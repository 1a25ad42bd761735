package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

/** {@code field [NOT] IN (SELECT ...)}. */
record InSubquery(Field<?> field, Select<?> select, boolean negated) implements Condition {
    InSubquery {
        if (select == null) {
            throw new IllegalArgumentException((negated ? "notIn" : "in") + "((Select) null) on " + Param.describe(field));
        }
        if (select.fields().size() != 1) {
            throw new IllegalArgumentException((negated ? "notIn" : "in") + " on " + Param.describe(field)
                    + ": the subquery selects " + select.fields().size() + " fields, not one");
        }
    }

    @Override
    public void renderTo(SqlBuilder b) {
        Junction.operand(b, field);
        b.append(negated ? " NOT IN (" : " IN (").visit(select).append(')');
    }
}
