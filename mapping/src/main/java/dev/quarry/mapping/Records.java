package dev.quarry.mapping;

/**
 * Row mappers that fill Java records, for {@code select.fetch(mapper)}. Three forms:
 *
 * <ul>
 *   <li>{@link #byName(Class)}: each component reads the column of the same name;</li>
 *   <li>{@link #byPosition(Class)}: component i reads column i;</li>
 *   <li>an explicit constructor reference, for a typed SELECT of one to eight fields:
 *       {@code select(FILM.filmId, FILM.title).from(FILM).fetch(Dsl.mapping(FilmTitle::new))} (the
 *       compiler checks the parameter types against the fields; {@code Dsl.mapping} is in
 *       {@code dev.quarry.dsl}, nothing of this class is needed).</li>
 * </ul>
 *
 * <pre>{@code
 * record FilmRow(int filmId, String title, Optional<Integer> length) {}
 * List<FilmRow> films = db.select(FILM.filmId, FILM.title, FILM.length).from(FILM)
 *         .fetch(Records.byName(FilmRow.class));
 *
 * record RentalView(int rentalId, Customer customer, Optional<Film> film) {}   // Customer, Film: records
 * List<RentalView> rentals = db.select(RENTAL.rentalId, CUSTOMER.customerId, CUSTOMER.firstName,
 *                 FILM.filmId, FILM.title)
 *         .from(RENTAL).join(CUSTOMER).onForeignKey().leftJoin(FILM).onForeignKey()
 *         .fetch(Records.byName(RentalView.class));
 * }</pre>
 *
 * <h2>Matching by name</h2>
 * <ul>
 *   <li>A component matches the select-list column whose name (its alias when aliased with
 *       {@code field.as("x")}) equals the component's name with underscores removed and case ignored:
 *       {@code customerId} matches {@code customer_id}. {@link ColumnName} on the component gives the
 *       name to look for instead.</li>
 *   <li>A component with no such column fails, listing the select list; one that matches two columns
 *       (the same column name in two joined tables) fails naming both: give them distinct names with
 *       {@code as}.</li>
 * </ul>
 *
 * <h2>Nested records (joined tables)</h2>
 * <ul>
 *   <li>A component whose type is a record, or an {@code Optional} of a record, is filled from the
 *       columns of one table of the select list, unless a column of its name already holds that record
 *       type. The table is the one whose alias (for a table made with {@code Table.as("x")}), or name if
 *       it has no alias, matches the component's name (or its {@link ColumnName}) by the rule above;
 *       else the one matching the record's simple name ({@code Customer} matches {@code customer}).
 *       The match is exact after normalizing: {@code customer} does not match {@code ms_customer}.
 *       No such table fails, naming the tables present; two fail too.</li>
 *   <li>The nested record's components match, by name, the columns of that table only (as they are in
 *       the select list: a column aliased with {@code as} belongs to no table). Every component of the
 *       nested record needs its column.</li>
 *   <li><b>The missing side of a LEFT JOIN:</b> when every column the nested record reads is SQL NULL
 *       the component is {@code null}, or {@code Optional.empty()} for an {@code Optional} component;
 *       never a record full of nulls, and no NULL-for-primitive error. A real row always has its
 *       non-null primary key, so selecting the key makes "all NULL" mean "no row". Otherwise the record
 *       is made and a NULL for a primitive component fails as usual.</li>
 *   <li>A {@link Lazy} component (an entity record used here, on top or nested) reads no column; its
 *       {@code get()} throws {@link LazyLoadingException}, since rows mapped here belong to no repository
 *       that could load the relation.</li>
 *   <li>Records nest one level deep: a record component of a nested record fails (put it on the outer
 *       record instead).</li>
 *   <li>A top-level component that is not a nested record matches among all columns of the select
 *       list. Columns read by nested records count too, but only when no other column matches: next to
 *       {@code Customer customer}, an {@code int customerId} takes {@code rental.customer_id} over
 *       {@code customer.customer_id}, and takes {@code customer.customer_id} when that is the only
 *       column of that name.</li>
 * </ul>
 *
 * <h2>Values</h2>
 * A column's value is converted to the component's type by fixed rules: the same class as it is,
 * numbers between numeric types when they fit exactly ({@code BigDecimal} to {@code double},
 * {@code COUNT}'s {@code long} to {@code int}), an enum from a string column by constant name, an
 * {@code Optional<X>} empty for SQL NULL, SQL NULL as {@code null} for a reference type. Any other pair
 * fails with "cannot be converted".
 *
 * <h2>Errors</h2>
 * A {@link MappingException} whose message names the record type, the component with its type and the
 * column ({@code table.column}, with the table's alias if it has one): raised at the first row of a
 * result for a missing or ambiguous column, a type that cannot be converted and a wrong column count,
 * and at the row where it appears for a SQL NULL in a primitive component or a value that does not fit.
 * An empty result checks nothing.
 */
public final class Records {
    private Records() {}

    /**
     * A mapper that fills each component from the column of the same name, and record components from
     * the columns of a joined table (see the class comment for the rules).
     *
     * @param type a record class, not null
     * @param <R> the record type
     * @return a new mapper (thread-safe; keep it or make one per query, the reflection on the class is
     *         done once per class)
     * @throws NullPointerException if {@code type} is null
     * @throws MappingException if the record's canonical constructor, or that of a record component's
     *         type, cannot be used
     */
    public static <R extends Record> RecordMapper<R> byName(Class<R> type) {
        return new RecordMapper<>(type, false);
    }

    /**
     * A mapper that fills component i from column i of the select list. The select list must have
     * exactly as many columns as the record has components; record components are not nested (they need
     * a column of their type).
     *
     * @param type a record class, not null
     * @param <R> the record type
     * @return a new mapper (thread-safe)
     * @throws NullPointerException if {@code type} is null
     * @throws MappingException if the record's canonical constructor cannot be used; at the first row if
     *         the counts differ (the message names both) or a column's type cannot be converted
     */
    public static <R extends Record> RecordMapper<R> byPosition(Class<R> type) {
        return new RecordMapper<>(type, true);
    }
}
