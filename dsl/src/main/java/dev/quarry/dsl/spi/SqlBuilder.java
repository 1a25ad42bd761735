package dev.quarry.dsl.spi;

import dev.quarry.dsl.DataType;
import dev.quarry.dsl.Rendered;
import dev.quarry.dsl.StatementTooLargeException;
import dev.quarry.dsl.TableField;
import dev.quarry.dsl.TableLike;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects the SQL text and the bind values of one statement in one traversal of the tree. Not
 * thread-safe: one builder per rendering, discarded afterwards.
 *
 * <p>The builder also tracks which tables are in scope (the FROM and JOIN tables of the query being
 * rendered, and those of enclosing queries), so that a column of a table that is not part of the query
 * fails with a message naming table and column instead of an error from the server.
 */
public final class SqlBuilder {
    private final Dialect dialect;
    private final Renderer renderer;
    private final IdentifierLimit identifierLimit;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Object> binds = new ArrayList<>();
    private final List<DataType<?>> bindTypes = new ArrayList<>();
    private final Deque<Collection<? extends TableLike>> scopes = new ArrayDeque<>();
    private boolean inlineValues;
    private boolean qualifyColumns = true;
    private boolean checkScope = true;
    private boolean checkBindLimit = true;

    /**
     * @param dialect the dialect to render for; never null
     */
    public SqlBuilder(Dialect dialect) {
        this.dialect = dialect;
        this.renderer = dialect.renderer();
        this.identifierLimit = dialect.identifierLimit();
    }

    /** @return the dialect being rendered for */
    public Dialect dialect() { return dialect; }

    /** @return the dialect's renderer */
    public Renderer renderer() { return renderer; }

    /**
     * Appends SQL text as is. Never pass user values here: use {@link #bind}.
     *
     * @param text keywords, operators or punctuation
     * @return this builder
     */
    public SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    /**
     * @param c a single character of SQL text
     * @return this builder
     */
    public SqlBuilder append(char c) {
        sql.append(c);
        return this;
    }

    /**
     * Appends an identifier quoted by the dialect.
     *
     * @param name the unquoted identifier
     * @return this builder
     * @throws IllegalArgumentException if the name is longer than the dialect allows
     *         ({@link Dialect#identifierLimit()}), which the database would truncate or refuse
     */
    public SqlBuilder identifier(String name) {
        if (!identifierLimit.fits(name)) throw identifierLimit.tooLong(dialect.name(), "Name \"" + name + "\"", name);
        renderer.quoteIdentifier(sql, name);
        return this;
    }

    /**
     * Appends the name of a table (or of a CTE or a table alias) quoted by the dialect.
     *
     * @param name the unquoted name
     * @return this builder
     * @throws IllegalArgumentException if the name is longer than the dialect allows
     *         ({@link Dialect#identifierLimit()}); the message names the table
     */
    public SqlBuilder tableIdentifier(String name) {
        if (!identifierLimit.fits(name)) throw identifierLimit.tooLong(dialect.name(), "Table " + name, name);
        renderer.quoteIdentifier(sql, name);
        return this;
    }

    /**
     * Appends a bind parameter placeholder and records its value, or, while values are inlined (DDL),
     * a literal rendered by the dialect.
     *
     * @param value the Java value, may be null
     * @param type its type
     * @return this builder
     */
    public SqlBuilder bind(Object value, DataType<?> type) {
        if (inlineValues) {
            renderer.literal(this, value, type);
        } else {
            sql.append('?');
            binds.add(value);
            bindTypes.add(type);
        }
        return this;
    }

    /**
     * The deepest nesting of nodes a statement may have: the statement is level 0, each node rendered
     * through {@link #visit} or {@link #visitAll} one level below the node that visits it. Rendering is
     * recursive, so the limit keeps it within a thread's stack; a deeper statement fails with a
     * {@link StatementTooLargeException} ({@link StatementTooLargeException.Limit#NESTING_DEPTH}) when
     * its first node past the limit is reached, before anything is sent.
     *
     * <p>The value is 100, chosen by measurement on OpenJDK 17 (x86-64, interpreted code, the costliest
     * case): a thread needs about 0.6 KiB of stack per level of {@code +} to render, 0.8 KiB per level of
     * a UNION chain, 0.25 KiB per level of {@code NOT} or {@code AND}/{@code OR}, and about 1 KiB per level
     * for a select-list expression's {@code hashCode} (which the {@code fetchInto} mapper cache uses), on
     * top of about 100 KiB the JVM keeps free (guard and shadow pages). At 100 levels every one of these
     * stays under 210 KiB, so that a statement past the limit fails with this exception rather than a
     * {@link StackOverflowError} even on a thread created with a 256 KiB stack, and a statement at the limit
     * runs there. The databases allow more: SQLite refuses expressions over 1,000 levels
     * ({@code SQLITE_MAX_EXPR_DEPTH}), MariaDB 10.11 about 590 levels of {@code +} with its default
     * {@code thread_stack} of 299,008 bytes, PostgreSQL 15 about 4,000 with {@code max_stack_depth} 2 MB.
     */
    public static final int MAX_DEPTH = 100;

    private int depth;

    /**
     * Renders a child node, one nesting level below the node rendering it.
     *
     * @param part the node
     * @return this builder
     * @throws StatementTooLargeException if the node would be nested deeper than {@link #MAX_DEPTH}
     */
    public SqlBuilder visit(QueryPart part) {
        if (++depth > MAX_DEPTH) throw tooDeep(part);
        try {
            part.renderTo(this);
        } finally {
            depth--;
        }
        return this;
    }

    /**
     * Renders nodes separated by {@code separator}, each as {@link #visit(QueryPart)}.
     *
     * @param parts the nodes
     * @param separator text between two nodes, such as {@code ", "}
     * @return this builder
     * @throws StatementTooLargeException if a node would be nested deeper than {@link #MAX_DEPTH}
     */
    public SqlBuilder visitAll(List<? extends QueryPart> parts, String separator) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) sql.append(separator);
            visit(parts.get(i));
        }
        return this;
    }

    private StatementTooLargeException tooDeep(QueryPart part) {
        depth--;
        int from = Math.max(0, sql.length() - 60);
        return new StatementTooLargeException(StatementTooLargeException.Limit.NESTING_DEPTH, MAX_DEPTH, MAX_DEPTH + 1,
                "The statement nests expressions more than " + MAX_DEPTH + " levels deep (Quarry's limit, SqlBuilder.MAX_DEPTH); "
                + "level " + (MAX_DEPTH + 1) + " is a node of type " + part.getClass().getSimpleName() + ", after the SQL \""
                + (from > 0 ? "..." : "") + sql.substring(from) + "\". Nothing was sent. Build it flatter: join many conditions "
                + "in one Dsl.and(...) or Dsl.or(...) call (one level however many), match a column against many values "
                + "with in(...), choose among many cases with one CASE (Dsl.when(...).when(...)), and sum many terms "
                + "in Java or in an aggregate rather than in a chain of plus() calls");
    }

    /**
     * Renders a reference to a table column: qualified with the table name unless qualification is off.
     *
     * @param field the column
     * @return this builder
     * @throws IllegalStateException if the column's table is not in scope
     */
    public SqlBuilder column(TableField<?> field) {
        if (checkScope && !inScope(field.table())) {
            throw new IllegalStateException("Column " + qualifier(field.table()) + "." + field.name()
                    + " belongs to table " + describe(field.table()) + ", which is not in this query (tables in scope: "
                    + scopeNames() + ")");
        }
        String name = field.name();
        if (!identifierLimit.fits(name)) {
            throw identifierLimit.tooLong(dialect.name(), "Column " + qualifier(field.table()) + "." + name, name);
        }
        if (qualifyColumns) {
            tableIdentifier(qualifier(field.table())).append('.');
        }
        renderer.quoteIdentifier(sql, name);
        return this;
    }

    private boolean inScope(TableLike table) {
        for (Collection<? extends TableLike> scope : scopes) {
            for (TableLike t : scope) {
                if (t == table) return true;
            }
        }
        return false;
    }

    private String scopeNames() {
        String names = scopes.stream().flatMap(Collection::stream).map(SqlBuilder::describe).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    /**
     * Opens a scope of tables whose columns may be referenced until {@link #popScope()}.
     *
     * @param tables the tables of the query (FROM and JOIN)
     */
    public void pushScope(Collection<? extends TableLike> tables) {
        scopes.push(tables);
    }

    /** Closes the scope opened last. */
    public void popScope() {
        scopes.pop();
    }

    /**
     * Switches column qualification (as in {@code "film"."title"}); SET lists, INSERT column lists and
     * DDL use unqualified names.
     *
     * @param qualify whether to qualify
     * @return the previous setting
     */
    public boolean qualifyColumns(boolean qualify) {
        boolean previous = qualifyColumns;
        qualifyColumns = qualify;
        return previous;
    }

    /**
     * Turns scope checking off or on; DDL renders column references outside any query.
     *
     * @param check whether to check
     * @return the previous setting
     */
    public boolean checkScope(boolean check) {
        boolean previous = checkScope;
        checkScope = check;
        return previous;
    }

    /**
     * Renders values as literals instead of bind parameters. Only for DDL (defaults and CHECK
     * constraints), where servers accept no bind parameters.
     *
     * @param inline whether to inline
     * @return the previous setting
     */
    public boolean inlineValues(boolean inline) {
        boolean previous = inlineValues;
        inlineValues = inline;
        return previous;
    }

    /** @return the number of bind values so far */
    public int bindCount() { return binds.size(); }

    /** @return the SQL text so far */
    public String sql() { return sql.toString(); }

    /**
     * Turns the check of {@link #toRendered()} against the dialect's bind limit off or on: off for a
     * rendering that is shown but never sent as it is (an INSERT of all its rows, which execution splits).
     *
     * @param check whether to check
     * @return the previous setting
     */
    public boolean checkBindLimit(boolean check) {
        boolean previous = checkBindLimit;
        checkBindLimit = check;
        return previous;
    }

    /**
     * @return the finished statement
     * @throws StatementTooLargeException if it has more bind parameters than the dialect allows in one
     *         statement ({@link Dialect#maxBindParameters()}; the JDBC driver or the server would refuse it),
     *         unless {@link #checkBindLimit(boolean)} turned the check off
     */
    public Rendered toRendered() {
        int max = dialect.maxBindParameters();
        if (binds.size() > max && checkBindLimit) {
            String text = sql.length() > 80 ? sql.substring(0, 80) + "..." : sql.toString();
            throw new StatementTooLargeException(StatementTooLargeException.Limit.BIND_PARAMETERS, max, binds.size(),
                    String.format(java.util.Locale.ROOT, "The statement has %,d bind parameters, more than the %,d "
                            + "one %s statement can carry (Dialect.maxBindParameters()); nothing was sent. Split the work "
                            + "into several statements, or put the values into a table and select them from there. "
                            + "The statement begins: %s", binds.size(), max, dialect.name(), text));
        }
        return new Rendered(sql.toString(), Collections.unmodifiableList(new ArrayList<>(binds)),
                List.copyOf(bindTypes));
    }

    // ---- joins, subqueries, CTEs ----

    private final List<TableLike> visibleCtes = new ArrayList<>();

    /** @return whether table references are checked ({@link #checkScope(boolean)}); CTE references too */
    public boolean checksScope() {
        return checkScope;
    }

    /**
     * @param table a table of a query
     * @return the name columns are qualified with: the table's alias, or its name when it has none
     */
    public static String qualifier(TableLike table) {
        String alias = table.alias();
        return alias != null ? alias : table.name();
    }

    /**
     * @param table a table of a query
     * @return {@code name}, or {@code name AS alias} for an aliased table, as used in messages
     */
    public static String describe(TableLike table) {
        String alias = table.alias();
        return alias == null || alias.equals(table.name()) ? table.name() : table.name() + " AS " + alias;
    }

    /**
     * Marks the common table expressions declared so far, so that {@link #releaseCtes(int)} can end the
     * visibility of those a statement declares.
     *
     * @return the mark
     */
    public int cteMark() {
        return visibleCtes.size();
    }

    /**
     * Makes a common table expression visible to the rest of the statement (its WITH clause declared it).
     *
     * @param cte the CTE's definition
     */
    public void declareCte(TableLike cte) {
        visibleCtes.add(cte);
    }

    /**
     * Ends the visibility of the CTEs declared since a mark, at the end of the statement that declared them.
     *
     * @param mark a value of {@link #cteMark()}
     */
    public void releaseCtes(int mark) {
        while (visibleCtes.size() > mark) visibleCtes.remove(visibleCtes.size() - 1);
    }

    /**
     * @param cte a CTE's definition
     * @return whether a WITH clause of the statement being rendered (or of an enclosing one) declared it
     */
    public boolean isCteVisible(TableLike cte) {
        for (TableLike t : visibleCtes) {
            if (t == cte) return true;
        }
        return false;
    }

    // ---- windows ----

    private final Deque<List<dev.quarry.dsl.Window>> windows = new ArrayDeque<>();

    /**
     * Opens the named windows a SELECT declares ({@code WINDOW w AS (...)}); a window function may refer
     * to them by name until {@link #popWindows()}. Every SELECT opens its own, possibly empty, list: a
     * subquery cannot use the windows of the query around it.
     *
     * @param declared the SELECT's named windows
     */
    public void pushWindows(List<dev.quarry.dsl.Window> declared) {
        windows.push(declared);
    }

    /** Closes the named windows opened last. */
    public void popWindows() {
        windows.pop();
    }

    /**
     * @param name a window name
     * @return the window of that name that the SELECT being rendered declares, or null
     */
    public dev.quarry.dsl.Window declaredWindow(String name) {
        List<dev.quarry.dsl.Window> declared = windows.peek();
        if (declared == null) return null;
        for (dev.quarry.dsl.Window w : declared) {
            if (name.equals(w.name())) return w;
        }
        return null;
    }

    // ---- compiled-SQL cache ----

    /**
     * The longest IN list that is padded and cached; a longer one is rendered as it is, in full, every
     * time (better written as a join or, on PostgreSQL, {@code = ANY(array)}).
     */
    public static final int MAX_PADDED_IN_LIST = 1024;

    private boolean padInLists;
    private Object[] bindOwners;
    private int[] bindOwnerIndexes;

    /**
     * The size bucket of an IN list of {@code n} values: the next power of two (1, 2, 4, 8, ... 1024).
     *
     * @param n the number of values, 1 or more
     * @return the bucket size
     */
    public static int paddedInListSize(int n) {
        return n <= 1 ? n : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * Turns IN-list padding on or off. With padding, {@code x IN (?, ?, ?)} of three values is rendered
     * with four placeholders, the last value repeated ({@code IN (1, 2, 3, 3)} means the same), so that
     * lists of varying length share a few SQL shapes (jOOQ calls this "in-list padding"). Statements run
     * through a {@code Database} are padded; {@code statement.render(dialect)} is not.
     *
     * @param pad whether to pad
     * @return this builder
     */
    public SqlBuilder padInLists(boolean pad) {
        padInLists = pad;
        return this;
    }

    /**
     * @param n the number of values of an IN list, 1 or more
     * @return the number of placeholders to render: {@link #paddedInListSize(int)} when padding is on
     *         and {@code n <= } {@link #MAX_PADDED_IN_LIST}, else n
     */
    public int inListSize(int n) {
        return padInLists && n <= MAX_PADDED_IN_LIST ? paddedInListSize(n) : n;
    }

    /**
     * Binds a value that a node binds itself, telling the compiled-SQL cache which slot of
     * {@link CacheKey} it is ({@link CacheKey#slot} with the same owner and index). Otherwise the same as
     * {@link #bind(Object, DataType)}.
     *
     * @param value the Java value, may be null
     * @param type its type
     * @param owner the node that binds it
     * @param index the value's index within the node
     * @return this builder
     */
    public SqlBuilder bind(Object value, DataType<?> type, Object owner, int index) {
        int position = binds.size();
        bind(value, type);
        if (bindOwners != null && binds.size() > position) {
            if (position >= bindOwners.length) {
                int n = Math.max(position + 1, bindOwners.length * 2);
                bindOwners = java.util.Arrays.copyOf(bindOwners, n);
                bindOwnerIndexes = java.util.Arrays.copyOf(bindOwnerIndexes, n);
            }
            bindOwners[position] = owner;
            bindOwnerIndexes[position] = index;
        }
        return this;
    }

    /** Starts recording which node bound each value, for the compiled-SQL cache. */
    public void recordBindOwners() {
        bindOwners = new Object[16];
        bindOwnerIndexes = new int[16];
    }

    /**
     * @param position a bind position, 0-based
     * @return the node that bound it through {@link #bind(Object, DataType, Object, int)}, or null for a
     *         value bound with {@link #bind(Object, DataType)} (or when not recording)
     */
    public Object bindOwner(int position) {
        return bindOwners == null || position >= bindOwners.length ? null : bindOwners[position];
    }

    /**
     * @param position a bind position, 0-based
     * @return the index given with the owner of {@link #bindOwner(int)}
     */
    public int bindOwnerIndex(int position) {
        return bindOwnerIndexes == null || position >= bindOwnerIndexes.length ? -1 : bindOwnerIndexes[position];
    }
}
