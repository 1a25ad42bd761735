package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * A subquery in FROM or JOIN with an alias, made by {@link Select#asTable(String)}: renders
 * {@code (SELECT ...) AS "t"}, with the subquery's bind values in place (SQL:2016 section 7.6, derived
 * table). Its columns stay typed: {@link #field(Field)} turns a field of the subquery's select list into
 * the derived table's column, {@code "t"."title"}.
 *
 * <pre>{@code
 * Field<BigDecimal> total = sum(PAYMENT.amount).as("total");
 * DerivedTable totals = select(PAYMENT.customerId, total).from(PAYMENT).groupBy(PAYMENT.customerId).asTable("totals");
 * db.select(CUSTOMER.firstName, totals.field(total))
 *   .from(CUSTOMER).join(totals).on(totals.field(PAYMENT.customerId).eq(CUSTOMER.customerId))
 *   .fetch();
 * }</pre>
 *
 * <p>Every select-list field needs a column name: a column keeps its own, any other expression needs an
 * alias ({@code count().as("n")}), and no two may share one. Joined with
 * {@link Select#joinLateral(DerivedTable)} the subquery may refer to the columns of the tables before it
 * (LATERAL). Immutable; compared by identity, so the same derived table can be joined once per query.
 */
public final class DerivedTable implements TableLike {
    private final Select<?> select;
    private final String alias;
    private final List<DerivedField<?>> fields;

    DerivedTable(Select<?> select, String alias) {
        if (alias == null || alias.isBlank()) throw new IllegalArgumentException("a derived table needs a non-blank alias");
        this.select = select;
        this.alias = alias;
        List<String> names = SelectList.names(select.fields(), "derived table " + alias);
        List<DerivedField<?>> list = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) list.add(column(names.get(i), select.fields().get(i)));
        this.fields = List.copyOf(list);
    }

    private <T> DerivedField<T> column(String name, Field<T> source) {
        return new DerivedField<>(this, name, source.type());
    }

    /** @return the alias, which is the derived table's only name */
    @Override
    public String name() { return alias; }

    /** @return the alias */
    @Override
    public String alias() { return alias; }

    /** @return the derived table's columns, one per select-list field of the subquery, in order */
    @Override
    public List<? extends TableField<?>> fields() { return fields; }

    /** @return the subquery */
    public Select<?> select() { return select; }

    /**
     * The derived table's column for a field of the subquery's select list, found by the field itself:
     * {@code t.field(FILM.title)} renders {@code "t"."title"}, {@code t.field(total)} for
     * {@code total = sum(x).as("total")} renders {@code "t"."total"}. A field that is in the list only
     * under an alias ({@code FILM.title.as("name")}) may be asked for by the unaliased field.
     *
     * @param selected a field of the subquery's select list, or a column of this derived table
     * @param <T> its type
     * @return the column, of the same type; its values may be null
     * @throws IllegalArgumentException if the field is not in the select list (the message lists it)
     */
    @SuppressWarnings("unchecked")
    public <T> TableField<T> field(Field<T> selected) {
        if (selected instanceof DerivedField<T> d && d.table() == this) return d;
        return (TableField<T>) fields.get(SelectList.indexOf(select.fields(), selected, "derived table " + alias));
    }

    /** Renders {@code (SELECT ...) AS "alias"}. */
    @Override
    public void renderTo(SqlBuilder b) {
        b.append('(').visit(select).append(')');
        b.renderer().tableAlias(b, alias);
    }

    @Override
    public String toString() {
        return "DerivedTable " + alias;
    }
}
