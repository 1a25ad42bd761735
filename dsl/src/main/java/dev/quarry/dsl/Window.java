package dev.quarry.dsl;

import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window for window functions and aggregates: {@code PARTITION BY ... ORDER BY ... frame}
 * (SQL:2016 section 7.15; PostgreSQL manual 4.2.8 and 3.5, "Window Functions"). Immutable: every
 * builder method returns a new window.
 *
 * <p>An <b>anonymous</b> window ({@link Dsl#partitionBy}, {@link Dsl#orderBy}) is written inline:
 * {@code rank().over(partitionBy(F.categoryId).orderBy(F.length.desc()))} renders
 * {@code RANK() OVER (PARTITION BY ... ORDER BY ... DESC)}. A <b>named</b> window
 * ({@link Dsl#window(String)}) is declared once on the SELECT with {@link Select#window(Window...)}
 * ({@code WINDOW "w" AS (...)}) and referenced by name ({@code OVER "w"}); a reference to a window
 * the SELECT does not declare fails at render time with {@link IllegalStateException}.
 *
 * <pre>{@code
 * Window byCategory = window("by_category").partitionBy(F.categoryId).orderBy(F.length.desc());
 * db.select(F.title, rank().over(byCategory), sum(F.length).over(byCategory))
 *   .from(F).window(byCategory).fetch();
 * }</pre>
 */
public final class Window implements QueryPart {
    private static final Window EMPTY = new Window(null, List.of(), List.of(), null);

    private final String name;
    private final List<Field<?>> partitionBy;
    private final List<SortField<?>> orderBy;
    private final WindowFrame frame;

    private Window(String name, List<Field<?>> partitionBy, List<SortField<?>> orderBy, WindowFrame frame) {
        this.name = name;
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    /** @return the empty anonymous window, {@code OVER ()}: the whole result is one partition */
    static Window empty() { return EMPTY; }

    /**
     * @param name the window's name, an identifier the dialect quotes
     * @return a named window with no partition, order or frame yet
     * @throws IllegalArgumentException if name is null or blank
     */
    static Window named(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a window name must not be blank");
        return new Window(name, List.of(), List.of(), null);
    }

    /**
     * @param fields the partitioning expressions; rows with equal values form one partition
     * @return the window with PARTITION BY set (replacing any earlier one)
     * @throws IllegalArgumentException if a field is null or none is given
     */
    public Window partitionBy(Field<?>... fields) {
        if (fields.length == 0) throw new IllegalArgumentException("PARTITION BY needs at least one field");
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) throw new IllegalArgumentException("PARTITION BY field " + (i + 1) + " is null");
        }
        return new Window(name, List.of(fields), orderBy, frame);
    }

    /**
     * @param items fields (ascending) or sort fields such as {@code F.length.desc().nullsLast()}
     * @return the window with ORDER BY set (replacing any earlier one)
     * @throws IllegalArgumentException if an item is null or none is given
     */
    public Window orderBy(OrderField... items) {
        if (items.length == 0) throw new IllegalArgumentException("a window's ORDER BY needs at least one item");
        List<SortField<?>> list = new ArrayList<>(items.length);
        for (OrderField item : items) {
            if (item == null) throw new IllegalArgumentException("window ORDER BY null");
            list.add(item.toSortField());
        }
        return new Window(name, partitionBy, List.copyOf(list), frame);
    }

    /**
     * {@code ROWS BETWEEN start AND CURRENT ROW}.
     *
     * @param start the first row of the frame
     * @return the window with this frame
     * @throws IllegalArgumentException if the frame is invalid (see {@link WindowFrame})
     */
    public Window rows(FrameBound start) { return frame(new WindowFrame(WindowFrame.Unit.ROWS, start, FrameBound.currentRow())); }

    /**
     * {@code ROWS BETWEEN start AND end}: a frame counted in physical rows.
     *
     * @param start the first row of the frame
     * @param end the last row of the frame
     * @return the window with this frame
     * @throws IllegalArgumentException if the frame is invalid (see {@link WindowFrame})
     */
    public Window rowsBetween(FrameBound start, FrameBound end) { return frame(new WindowFrame(WindowFrame.Unit.ROWS, start, end)); }

    /**
     * {@code RANGE BETWEEN start AND CURRENT ROW}.
     *
     * @param start the start of the frame
     * @return the window with this frame
     * @throws IllegalArgumentException if the frame is invalid (see {@link WindowFrame})
     */
    public Window range(FrameBound start) { return frame(new WindowFrame(WindowFrame.Unit.RANGE, start, FrameBound.currentRow())); }

    /**
     * {@code RANGE BETWEEN start AND end}: a frame of the rows whose ORDER BY key lies within the
     * offsets of the current row's key (peers always together). With an offset the window needs exactly
     * one numeric ORDER BY key (checked at render time).
     *
     * @param start the start of the frame
     * @param end the end of the frame
     * @return the window with this frame
     * @throws IllegalArgumentException if the frame is invalid (see {@link WindowFrame})
     */
    public Window rangeBetween(FrameBound start, FrameBound end) { return frame(new WindowFrame(WindowFrame.Unit.RANGE, start, end)); }

    /**
     * {@code GROUPS BETWEEN start AND end}: a frame counted in peer groups. SQLite and PostgreSQL only;
     * MySQL and MariaDB fail at render time with {@link UnsupportedDialectFeatureException}.
     *
     * @param start the start of the frame
     * @param end the end of the frame
     * @return the window with this frame
     * @throws IllegalArgumentException if the frame is invalid (see {@link WindowFrame})
     */
    public Window groupsBetween(FrameBound start, FrameBound end) { return frame(new WindowFrame(WindowFrame.Unit.GROUPS, start, end)); }

    /**
     * @param frame a frame, or null for the default (with ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND
     *              CURRENT ROW; without: the whole partition)
     * @return the window with this frame
     */
    public Window frame(WindowFrame frame) {
        return new Window(name, partitionBy, orderBy, frame);
    }

    /** @return the name of a named window, or null for an anonymous one */
    public String name() { return name; }

    /** @return the PARTITION BY expressions, unmodifiable, possibly empty */
    public List<Field<?>> partitionFields() { return partitionBy; }

    /** @return the ORDER BY items, unmodifiable, possibly empty */
    public List<SortField<?>> orderFields() { return orderBy; }

    /** @return the frame, or null for the default frame */
    public WindowFrame frame() { return frame; }

    /**
     * Checks what holds on every dialect: a RANGE frame with an offset needs exactly one ORDER BY key,
     * of a numeric type (PostgreSQL: "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER
     * BY column"; MariaDB: "Numeric datatype is required for RANGE-type frame"); a GROUPS frame needs an
     * ORDER BY.
     *
     * @throws IllegalStateException if the window breaks one of these rules
     */
    void check() {
        if (frame == null) return;
        boolean offset = frame.start().hasOffset() || frame.end().hasOffset();
        if (frame.unit() == WindowFrame.Unit.RANGE && offset) {
            if (orderBy.size() != 1) {
                throw new IllegalStateException(describe() + ": a RANGE frame with an offset (" + frame.sql()
                        + ") needs exactly one ORDER BY key, has " + orderBy.size());
            }
            Field<?> key = orderBy.get(0).field();
            if (!Expressions.isNumeric(key.type())) {
                throw new IllegalStateException(describe() + ": a RANGE frame with an offset (" + frame.sql()
                        + ") needs a numeric ORDER BY key; " + Param.describe(key) + " is " + key.type());
            }
        }
        if (frame.unit() == WindowFrame.Unit.GROUPS && orderBy.isEmpty()) {
            throw new IllegalStateException(describe() + ": a GROUPS frame needs an ORDER BY");
        }
    }

    private String describe() {
        return name == null ? "window (" + this + ")" : "window " + name;
    }

    /**
     * Renders {@code (specification)}, after checking the rules of {@link #check()}: the definition in a
     * WINDOW clause and an anonymous window after OVER.
     */
    void renderDefinition(SqlBuilder b) {
        check();
        b.append('(');
        b.renderer().windowSpecification(b, this);
        b.append(')');
    }

    /**
     * Renders what follows {@code OVER}: the name of a named window (which must be declared on the
     * SELECT being rendered, with an equal definition), or {@code (specification)}.
     *
     * @throws IllegalStateException if a named window is not declared on the SELECT, or a different window
     *         of that name is; or if the window breaks a rule of {@link #check()}
     */
    @Override
    public void renderTo(SqlBuilder b) {
        if (name == null) {
            renderDefinition(b);
            return;
        }
        Window declared = b.declaredWindow(name);
        if (declared == null) {
            throw new IllegalStateException("window " + name + " is not declared on this SELECT; add it with "
                    + "select.window(...)");
        }
        if (!declared.equals(this)) {
            throw new IllegalStateException("window " + name + " is declared on this SELECT as (" + declared
                    + ") but used as (" + this + "); use one Window object for both");
        }
        b.identifier(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Window w && Objects.equals(w.name, name) && w.partitionBy.equals(partitionBy)
                && w.orderBy.equals(orderBy) && Objects.equals(w.frame, frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, partitionBy, orderBy, frame);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (!partitionBy.isEmpty()) {
            s.append("PARTITION BY ");
            for (int i = 0; i < partitionBy.size(); i++) s.append(i > 0 ? ", " : "").append(label(partitionBy.get(i)));
        }
        if (!orderBy.isEmpty()) {
            s.append(s.length() > 0 ? " " : "").append("ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                SortField<?> item = orderBy.get(i);
                s.append(i > 0 ? ", " : "").append(label(item.field())).append(item.descending() ? " DESC" : " ASC");
                if (item.nullsAtStart() != null) s.append(item.nullsAtStart() ? " NULLS FIRST" : " NULLS LAST");
            }
        }
        if (frame != null) s.append(s.length() > 0 ? " " : "").append(frame.sql());
        return s.toString();
    }

    private static String label(Field<?> field) {
        return field instanceof TableField<?> c ? c.qualifiedName() : field.name();
    }
}
