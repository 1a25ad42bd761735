package dev.quarry.dsl;

import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A common table expression: a named query that a statement declares in its WITH clause and then uses
 * like a table (SQL:2016 section 7.17, query expression; PostgreSQL manual, "WITH Queries"; SQLite
 * manual, "The WITH Clause"; MySQL 8.0 manual, 15.2.20 "WITH"). Made with {@link Dsl#cte(String)} and
 * used through {@code db.with(...)} or {@code db.withRecursive(...)}:
 *
 * <pre>{@code
 * Cte cheap = Dsl.cte("cheap").as(select(FILM.filmId, FILM.title).from(FILM).where(FILM.rentalRate.lt(ONE)));
 * db.with(cheap).select(cheap.field(FILM.title)).from(cheap).fetch();
 * }</pre>
 *
 * <p>Its columns are typed like those of a {@link DerivedTable}: {@link #field(Field)} finds a field of
 * the query's select list ({@code "cheap"."title"}). Columns may also be declared with a name and a type
 * before the query ({@link Dsl#cte(String, CteColumn[])}, then {@link #field(CteColumn)}), which renders
 * the CTE's column list. A recursive CTE ({@link Declaration#asRecursive}) is a non-recursive anchor
 * query, {@code UNION ALL}, and a query that refers to the CTE itself; the statement must start with
 * {@code withRecursive}.
 *
 * <p>A CTE renders as its name in FROM and JOIN; using it in a statement whose WITH clause (or an
 * enclosing statement's) does not declare it fails at render time. {@link #as(String)} gives a second
 * reference under an alias, for joining a CTE to itself. Immutable; compared by identity.
 */
public final class Cte implements TableLike {
    private final Cte definition;
    private final String name;
    private final String alias;
    private final List<CteColumn<?>> declared;
    private final Select<?> query;
    private final Select<?> recursivePart;
    private final boolean unionAll;
    private final List<DerivedField<?>> fields;

    /** A definition; {@code recursive} is called with the new CTE once its columns are known. */
    private Cte(String name, List<CteColumn<?>> declared, Select<?> query, Function<? super Cte, ? extends Select<?>> recursive,
                boolean unionAll) {
        this.definition = this;
        this.name = name;
        this.alias = null;
        this.declared = declared;
        this.query = query;
        this.unionAll = unionAll;
        this.fields = columns(this, name, declared, query);
        checkPart(name, "query", query);
        if (recursive == null) {
            this.recursivePart = null;
        } else {
            Select<?> part = recursive.apply(this);
            if (part == null) throw new IllegalArgumentException("CTE " + name + ": the recursive part is null");
            checkPart(name, "recursive part", part);
            if (part.fields().size() != query.fields().size()) {
                throw new IllegalArgumentException("CTE " + name + ": the anchor selects " + query.fields().size()
                        + " fields but the recursive part " + part.fields().size());
            }
            checkTypes(name, "recursive part", declaredOrQueryTypes(), part.fields());
            this.recursivePart = part;
        }
    }

    /** A reference to {@code definition} under an alias. */
    private Cte(Cte definition, String alias) {
        this.definition = definition;
        this.name = definition.name;
        this.alias = alias;
        this.declared = definition.declared;
        this.query = definition.query;
        this.recursivePart = definition.recursivePart;
        this.unionAll = definition.unionAll;
        this.fields = columns(this, alias, declared, query);
    }

    private static List<DerivedField<?>> columns(Cte owner, String label, List<CteColumn<?>> declared, Select<?> query) {
        List<DerivedField<?>> list = new ArrayList<>();
        if (!declared.isEmpty()) {
            for (CteColumn<?> c : declared) list.add(column(owner, c.name(), c.type()));
        } else {
            List<String> names = SelectList.names(query.fields(), "CTE " + label);
            for (int i = 0; i < names.size(); i++) list.add(column(owner, names.get(i), query.fields().get(i).type()));
        }
        return List.copyOf(list);
    }

    private static <T> DerivedField<T> column(Cte owner, String name, DataType<T> type) {
        return new DerivedField<>(owner, name, type);
    }

    private List<DataType<?>> declaredOrQueryTypes() {
        List<DataType<?>> types = new ArrayList<>();
        for (DerivedField<?> f : fields) types.add(f.type());
        return types;
    }

    private static void checkPart(String name, String what, Select<?> part) {
        if (part == null) throw new IllegalArgumentException("CTE " + name + ": the " + what + " is null");
    }

    private static void checkTypes(String name, String what, List<DataType<?>> expected, List<Field<?>> fields) {
        for (int i = 0; i < fields.size(); i++) {
            Class<?> want = expected.get(i).javaType();
            Class<?> got = fields.get(i).type().javaType();
            if (!want.equals(got)) {
                throw new IllegalArgumentException("CTE " + name + ": column " + (i + 1) + " is " + want.getSimpleName()
                        + " but field " + (i + 1) + " of the " + what + " (" + Param.describe(fields.get(i)) + ") is "
                        + got.getSimpleName());
            }
        }
    }

    /** @return the CTE's name */
    @Override
    public String name() { return name; }

    /** @return the alias of a reference made with {@link #as(String)}, else null */
    @Override
    public String alias() { return alias; }

    /** @return the CTE's columns: the declared ones, else one per select-list field of its query */
    @Override
    public List<? extends TableField<?>> fields() { return fields; }

    /** @return whether the CTE refers to itself (made with {@code asRecursive}) */
    public boolean isRecursive() { return recursivePart != null; }

    /** @return the CTE this one refers to under an alias, or this one */
    Cte definition() { return definition; }

    /**
     * A second reference to this CTE under an alias, with its own typed columns ({@code "c2"."title"}),
     * for joining the CTE to itself. The WITH clause declares the CTE itself, not the alias.
     *
     * @param alias the alias, non-blank
     * @return the aliased reference
     * @throws IllegalArgumentException if alias is blank
     */
    public Cte as(String alias) {
        if (alias == null || alias.isBlank()) throw new IllegalArgumentException("CTE " + name + ": alias must not be blank");
        return new Cte(definition, alias);
    }

    /**
     * The CTE's column for a field of its query's select list (the anchor's, for a recursive CTE), found
     * by the field itself, as {@link DerivedTable#field(Field)} does; with declared columns, the declared
     * column at the field's position.
     *
     * @param selected a field of the query's select list, or a column of this CTE
     * @param <T> its type
     * @return the column, rendered {@code "name"."column"}; its values may be null
     * @throws IllegalArgumentException if the field is not in the select list (the message lists it)
     */
    @SuppressWarnings("unchecked")
    public <T> TableField<T> field(Field<T> selected) {
        if (selected instanceof DerivedField<T> d && d.table() == this) return d;
        return (TableField<T>) fields.get(SelectList.indexOf(query.fields(), selected, "CTE " + SqlBuilder.qualifier(this)));
    }

    /**
     * The CTE's column for a declared column.
     *
     * @param column a column declared with {@link Dsl#cte(String, CteColumn[])}
     * @param <T> its type
     * @return the column, rendered {@code "name"."column"}; its values may be null
     * @throws IllegalArgumentException if the column was not declared for this CTE
     */
    @SuppressWarnings("unchecked")
    public <T> TableField<T> field(CteColumn<T> column) {
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i) == column) return (TableField<T>) fields.get(i);
        }
        throw new IllegalArgumentException("CTE " + name + " declares no column " + column + " (its columns: "
                + declared.stream().map(CteColumn::name).toList() + ")");
    }

    /** Renders the reference in FROM or JOIN: {@code "name"} or {@code "name" AS "alias"}. */
    @Override
    public void renderTo(SqlBuilder b) {
        if (b.checksScope() && !b.isCteVisible(definition)) {
            throw new IllegalStateException("CTE " + name + " is used but not declared by a WITH clause of this statement: "
                    + "start it with with(" + name + ") (in one WITH clause a CTE sees only those listed before it; "
                    + "a CTE that refers to itself needs asRecursive and withRecursive)");
        }
        b.identifier(name);
        if (alias != null) b.renderer().tableAlias(b, alias);
    }

    /** Renders the definition in a WITH clause: {@code "name"["(c1, c2)"] AS (query [UNION ALL recursive part])}. */
    void renderDefinition(SqlBuilder b) {
        b.identifier(name);
        if (!declared.isEmpty()) {
            b.append('(');
            for (int i = 0; i < declared.size(); i++) {
                if (i > 0) b.append(", ");
                b.identifier(declared.get(i).name());
            }
            b.append(')');
        }
        b.append(" AS (").visit(query);
        if (recursivePart != null) b.append(unionAll ? " UNION ALL " : " UNION ").visit(recursivePart);
        b.append(')');
    }

    @Override
    public String toString() {
        return "Cte " + name + (alias == null ? "" : " AS " + alias);
    }

    /**
     * A CTE whose name (and maybe columns) is known and whose query is not yet given: made by
     * {@link Dsl#cte(String)} and {@link Dsl#cte(String, CteColumn[])}. Immutable.
     */
    public static final class Declaration {
        private final String name;
        private final List<CteColumn<?>> columns;

        Declaration(String name, List<CteColumn<?>> columns) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a CTE needs a non-blank name");
            Set<String> seen = new HashSet<>();
            for (CteColumn<?> c : columns) {
                if (c == null) throw new IllegalArgumentException("CTE " + name + ": a declared column is null");
                if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("CTE " + name + " declares column " + c.name() + " twice");
                }
            }
            this.name = name;
            this.columns = List.copyOf(columns);
        }

        /**
         * The CTE's query.
         *
         * @param query the query; without declared columns every select-list field needs a column name
         *              (a column's, or an alias); with them, as many fields as columns, of the same Java types
         * @return the CTE
         * @throws IllegalArgumentException if the query is null or does not fit the declared columns, or a
         *         field has no name or two share one
         */
        public Cte as(Select<?> query) {
            check(query, "query");
            return new Cte(name, columns, query, null, true);
        }

        /**
         * A recursive CTE: {@code anchor UNION ALL recursive(self)}, where the recursive part selects
         * from the CTE itself (given to the function) and stops when it adds no row. The statement that
         * uses it must start with {@code withRecursive}. Neither part may have ORDER BY, LIMIT or OFFSET.
         *
         * <pre>{@code
         * Cte chain = Dsl.cte("chain").asRecursive(
         *         select(CUSTOMER.customerId, CUSTOMER.referredBy).from(CUSTOMER).where(CUSTOMER.customerId.eq(3)),
         *         self -> select(CUSTOMER.customerId, CUSTOMER.referredBy).from(CUSTOMER)
         *                 .join(self).on(CUSTOMER.customerId.eq(self.field(CUSTOMER.referredBy))));
         * }</pre>
         *
         * @param anchor the non-recursive query; its select list gives the columns unless they are declared
         * @param recursive makes the recursive part from the CTE; called once, here
         * @return the CTE
         * @throws IllegalArgumentException if a part is null, has ORDER BY/LIMIT/OFFSET, or the parts differ
         *         in the number or Java types of their fields (or from the declared columns)
         */
        public Cte asRecursive(Select<?> anchor, Function<? super Cte, ? extends Select<?>> recursive) {
            return recursive(anchor, recursive, true);
        }

        /**
         * As {@link #asRecursive}, with {@code UNION} instead of {@code UNION ALL}: rows the recursion
         * finds again are dropped, which also ends a walk around a cycle.
         *
         * @param anchor the non-recursive query
         * @param recursive makes the recursive part from the CTE
         * @return the CTE
         * @throws IllegalArgumentException as for {@link #asRecursive}
         */
        public Cte asRecursiveDistinct(Select<?> anchor, Function<? super Cte, ? extends Select<?>> recursive) {
            return recursive(anchor, recursive, false);
        }

        private Cte recursive(Select<?> anchor, Function<? super Cte, ? extends Select<?>> recursive, boolean unionAll) {
            check(anchor, "anchor");
            if (recursive == null) throw new IllegalArgumentException("CTE " + name + ": the recursive part is null");
            Cte cte = new Cte(name, columns, anchor, self -> {
                Select<?> part = recursive.apply(self);
                if (part != null && part.hasOrderByOrLimit()) {
                    throw new IllegalArgumentException("CTE " + name + ": the recursive part of a UNION cannot have ORDER BY, LIMIT or OFFSET");
                }
                return part;
            }, unionAll);
            return cte;
        }

        private void check(Select<?> query, String what) {
            if (query == null) throw new IllegalArgumentException("CTE " + name + ": the " + what + " is null");
            if (!"query".equals(what) && query.hasOrderByOrLimit()) {
                throw new IllegalArgumentException("CTE " + name + ": the " + what + " of a UNION cannot have ORDER BY, LIMIT or OFFSET");
            }
            if (columns.isEmpty()) return;
            if (query.fields().size() != columns.size()) {
                throw new IllegalArgumentException("CTE " + name + " declares " + columns.size() + " columns but its " + what
                        + " selects " + query.fields().size() + " fields");
            }
            List<DataType<?>> types = new ArrayList<>();
            for (CteColumn<?> c : columns) types.add(c.type());
            checkTypes(name, what, types, query.fields());
        }
    }
}
