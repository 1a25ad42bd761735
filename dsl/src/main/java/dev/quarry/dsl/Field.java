package dev.quarry.dsl;

import dev.quarry.dsl.spi.TextMatch;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A typed SQL expression: a column, a bind value, an aggregate, a condition. Operators are methods
 * ({@code FILM.length.ge(90)}); every value given to them becomes a bind parameter of this field's
 * {@link DataType}. Fields are immutable and thread-safe; every method returns a new node.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Field<T> extends OrderField {
    /** @return the type of the expression, never null */
    DataType<T> type();

    /**
     * The name a result column of this field carries: the column name for a column, the alias for an
     * aliased field, a fixed name (such as {@code count}) otherwise. {@code fetchInto} matches record
     * components against it.
     *
     * @return the name, never null
     */
    String name();

    /**
     * @param alias the name of the result column, rendered as {@code expr AS "alias"} in the select list
     * @return the aliased field; {@code row.get} accepts it and the unaliased field alike
     * @throws IllegalArgumentException if {@code alias} is blank
     */
    default Field<T> as(String alias) {
        return new AliasedField<>(this, alias);
    }

    /** @return this field ascending */
    default SortField<T> asc() { return new SortField<>(this, false, null); }

    /** @return this field descending */
    default SortField<T> desc() { return new SortField<>(this, true, null); }

    @Override
    default SortField<?> toSortField() { return asc(); }

    /**
     * {@code this = value}.
     *
     * @param value a non-null value; bound with this field's type
     * @return the condition
     * @throws IllegalArgumentException if value is null (SQL's {@code = NULL} is never true; use {@link #isNull()})
     */
    default Condition eq(T value) { return new Comparison(this, "=", Param.of(this, value, "eq")); }

    /**
     * @param other another field
     * @return {@code this = other}
     */
    default Condition eq(Field<T> other) { return new Comparison(this, "=", other); }

    /**
     * @param value a non-null value
     * @return {@code this <> value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition ne(T value) { return new Comparison(this, "<>", Param.of(this, value, "ne")); }

    /**
     * @param other another field
     * @return {@code this <> other}
     */
    default Condition ne(Field<T> other) { return new Comparison(this, "<>", other); }

    /**
     * @param value a non-null value
     * @return {@code this < value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition lt(T value) { return new Comparison(this, "<", Param.of(this, value, "lt")); }

    /**
     * @param other another field
     * @return {@code this < other}
     */
    default Condition lt(Field<T> other) { return new Comparison(this, "<", other); }

    /**
     * @param value a non-null value
     * @return {@code this <= value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition le(T value) { return new Comparison(this, "<=", Param.of(this, value, "le")); }

    /**
     * @param other another field
     * @return {@code this <= other}
     */
    default Condition le(Field<T> other) { return new Comparison(this, "<=", other); }

    /**
     * @param value a non-null value
     * @return {@code this > value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition gt(T value) { return new Comparison(this, ">", Param.of(this, value, "gt")); }

    /**
     * @param other another field
     * @return {@code this > other}
     */
    default Condition gt(Field<T> other) { return new Comparison(this, ">", other); }

    /**
     * @param value a non-null value
     * @return {@code this >= value}
     * @throws IllegalArgumentException if value is null
     */
    default Condition ge(T value) { return new Comparison(this, ">=", Param.of(this, value, "ge")); }

    /**
     * @param other another field
     * @return {@code this >= other}
     */
    default Condition ge(Field<T> other) { return new Comparison(this, ">=", other); }

    /**
     * {@code this BETWEEN low AND high}, both ends inclusive (SQL:2016 section 8.3).
     *
     * @param low the lower bound, non-null
     * @param high the upper bound, non-null
     * @return the condition
     * @throws IllegalArgumentException if a bound is null
     */
    default Condition between(T low, T high) {
        return new BetweenCondition(this, Param.of(this, low, "between"), Param.of(this, high, "between"));
    }

    /**
     * {@code this IN (v1, v2, ...)}. An empty collection renders an always-false predicate ({@code 1 = 0}),
     * since {@code IN ()} is not valid SQL and no value is in an empty set.
     *
     * @param values the values, none of them null
     * @return the condition
     * @throws IllegalArgumentException if a value is null (use {@link #isNull()})
     */
    default Condition in(Collection<? extends T> values) { return InCondition.of(this, values, false); }

    /**
     * @param values the values, none of them null
     * @return {@code this IN (values)}; always false when there are none
     * @throws IllegalArgumentException if a value is null
     */
    @SuppressWarnings("unchecked")
    default Condition in(T... values) { return InCondition.of(this, Arrays.asList(values), false); }

    /**
     * {@code this NOT IN (v1, v2, ...)}. An empty collection renders an always-true predicate ({@code 1 = 1}).
     *
     * @param values the values, none of them null
     * @return the condition
     * @throws IllegalArgumentException if a value is null (a NULL would make NOT IN never true)
     */
    default Condition notIn(Collection<? extends T> values) { return InCondition.of(this, values, true); }

    /**
     * @param values the values, none of them null
     * @return {@code this NOT IN (values)}; always true when there are none
     * @throws IllegalArgumentException if a value is null
     */
    @SuppressWarnings("unchecked")
    default Condition notIn(T... values) { return InCondition.of(this, Arrays.asList(values), true); }

    // ---- subqueries ----

    /**
     * {@code this IN (SELECT x ...)}: whether the value is among the subquery's rows (SQL:2016 section
     * 8.4, in predicate). The subquery may refer to the enclosing query's tables (correlated).
     *
     * @param subquery a SELECT of one field of this field's type, such as {@code select(RENTAL.filmId).from(RENTAL)}
     * @return the condition
     * @throws IllegalArgumentException if subquery is null or selects more than one field
     */
    default Condition in(Select<? extends Record1<T>> subquery) { return new InSubquery(this, subquery, false); }

    /**
     * {@code this NOT IN (SELECT x ...)}. Beware SQL's rule: when the subquery returns a NULL, NOT IN is
     * never true, so no row matches; filter NULLs out in the subquery or use {@link Dsl#notExists}.
     *
     * @param subquery a SELECT of one field of this field's type
     * @return the condition
     * @throws IllegalArgumentException if subquery is null or selects more than one field
     */
    default Condition notIn(Select<? extends Record1<T>> subquery) { return new InSubquery(this, subquery, true); }

    /** @return {@code this IS NULL} */
    default Condition isNull() { return new NullCondition(this, false); }

    /** @return {@code this IS NOT NULL} */
    default Condition isNotNull() { return new NullCondition(this, true); }

    /**
     * {@code this LIKE pattern}: {@code %} and {@code _} in the pattern are wildcards, and no escape
     * character is declared, so a backslash escapes the next character on PostgreSQL and MySQL (their
     * default) and is an ordinary character on SQLite. The pattern goes to the database's own LIKE, whose
     * case rules differ:
     * <ul>
     *   <li>PostgreSQL: case-sensitive, by the column's collation (Quarry's text columns are
     *       {@code COLLATE "C"}, so by code point);</li>
     *   <li>MySQL and MariaDB: by the column's collation, case-sensitive on Quarry's tables (binary
     *       collations), case-insensitive on columns declared with a {@code _ci} collation;</li>
     *   <li>SQLite: ASCII letters match either case ({@code like("a%")} matches {@code "Apple"}),
     *       other letters only themselves, whatever the column's collation; a pattern longer than
     *       50,000 bytes fails ({@code SQLITE_MAX_LIKE_PATTERN_LENGTH}; SQLite manual, "The LIKE, GLOB,
     *       REGEXP, MATCH, and extract operators").</li>
     * </ul>
     * For a literal text test that behaves the same everywhere use {@link #startsWith}, {@link #endsWith}
     * or {@link #contains}.
     *
     * @param pattern the pattern, non-null; bound as a parameter
     * @return the condition
     * @throws IllegalArgumentException if pattern is null
     */
    default Condition like(String pattern) { return LikeCondition.raw(this, pattern, false); }

    /**
     * {@code this NOT LIKE pattern}, with the per-database case rules of {@link #like(String)}.
     *
     * @param pattern the pattern, non-null
     * @return {@code this NOT LIKE pattern}
     * @throws IllegalArgumentException if pattern is null
     */
    default Condition notLike(String pattern) { return LikeCondition.raw(this, pattern, true); }

    /**
     * Whether the value starts with {@code prefix}, taken literally: {@code %}, {@code _} and every
     * other character stand for themselves, so {@code startsWith("50%")} finds only values that begin
     * with the three characters {@code 50%}. The three literal text tests ({@code startsWith},
     * {@code endsWith}, {@code contains}) give what Java's {@link String#startsWith(String)},
     * {@link String#endsWith(String)} and {@link String#contains(CharSequence)} give on the same texts,
     * on every dialect: case-sensitive, by code point, trailing spaces significant, for texts of any
     * length (tested up to 1 MiB); the empty text matches every non-NULL value, and a NULL value
     * matches nothing. MySQL renders {@code this LIKE ? ESCAPE '!'} with the wildcards escaped in the
     * bound pattern ({@code 50!%%}), PostgreSQL {@code this LIKE ?} with its default escape character,
     * the backslash ({@code 50\%%}); SQLite, whose LIKE ignores ASCII case and refuses
     * long patterns, compares without a pattern ({@code SUBSTR(this, 1, LENGTH(?)) = ?}). On a column
     * declared with another collation ({@code Column.collate}), MySQL's LIKE follows that collation (a
     * {@code _ci} one ignores case), and PostgreSQL refuses LIKE on a nondeterministic collation; SQLite's
     * forms ignore the column's collation.
     *
     * @param prefix the literal prefix, non-null; bound as a parameter
     * @return the condition
     * @throws IllegalArgumentException if prefix is null
     */
    default Condition startsWith(String prefix) { return LikeCondition.literal(this, TextMatch.STARTS_WITH, prefix); }

    /**
     * Whether the value ends with {@code suffix}, taken literally, as Java's
     * {@link String#endsWith(String)} (see {@link #startsWith(String)}). PostgreSQL and MySQL:
     * {@code this LIKE ? [ESCAPE '!']} with bind {@code %suffix} (wildcards escaped); SQLite: the trailing
     * bytes of the value against the text's bytes ({@code SUBSTR(CAST(this AS BLOB), ...)}, no pattern).
     *
     * @param suffix the literal suffix, non-null; bound as a parameter
     * @return the condition
     * @throws IllegalArgumentException if suffix is null
     */
    default Condition endsWith(String suffix) { return LikeCondition.literal(this, TextMatch.ENDS_WITH, suffix); }

    /**
     * Whether {@code infix} occurs in the value, taken literally, as Java's
     * {@link String#contains(CharSequence)} (see {@link #startsWith(String)}). PostgreSQL and MySQL:
     * {@code this LIKE ? [ESCAPE '!']} with bind {@code %infix%} (wildcards escaped); SQLite:
     * {@code INSTR(this, ?) > 0}.
     *
     * @param infix the literal text, non-null; bound as a parameter
     * @return the condition
     * @throws IllegalArgumentException if infix is null
     */
    default Condition contains(String infix) { return LikeCondition.literal(this, TextMatch.CONTAINS, infix); }

    // ---- expressions ----

    /**
     * {@code this + value}. Arithmetic works on operands of one Java type and returns that type: integer
     * types keep the left operand's type; a DECIMAL sum or difference has the larger scale of the two, a
     * product the sum of the scales (an unknown scale makes the result's unknown); REAL and DOUBLE stay
     * floating point. On SQLite a DECIMAL is computed in double precision and read back rounded to the
     * result's scale (see the README's type notes). Mixed types need a {@link #cast(DataType)} first.
     *
     * @param value a non-null value, bound with this field's type (a BigDecimal keeps its own scale)
     * @return the sum
     * @throws IllegalArgumentException if value is null or this field is not numeric
     */
    default Field<T> plus(T value) { return Arithmetic.of("+", "plus()", this, Expressions.operand("plus", this, value)); }

    /**
     * @param other a numeric field of the same Java type
     * @return {@code this + other}, typed as {@link #plus(Object)} says
     * @throws IllegalArgumentException if other is null or a field is not numeric
     */
    default Field<T> plus(Field<T> other) { return Arithmetic.of("+", "plus()", this, other); }

    /**
     * @param value a non-null value
     * @return {@code this - value}, typed as {@link #plus(Object)} says
     * @throws IllegalArgumentException if value is null or this field is not numeric
     */
    default Field<T> minus(T value) { return Arithmetic.of("-", "minus()", this, Expressions.operand("minus", this, value)); }

    /**
     * @param other a numeric field of the same Java type
     * @return {@code this - other}
     * @throws IllegalArgumentException if other is null or a field is not numeric
     */
    default Field<T> minus(Field<T> other) { return Arithmetic.of("-", "minus()", this, other); }

    /**
     * @param value a non-null value
     * @return {@code this * value}, typed as {@link #plus(Object)} says
     * @throws IllegalArgumentException if value is null or this field is not numeric
     */
    default Field<T> times(T value) { return Arithmetic.of("*", "times()", this, Expressions.operand("times", this, value)); }

    /**
     * @param other a numeric field of the same Java type
     * @return {@code this * other}
     * @throws IllegalArgumentException if other is null or a field is not numeric
     */
    default Field<T> times(Field<T> other) { return Arithmetic.of("*", "times()", this, other); }

    /**
     * Division with one result on every dialect. Integers (INTEGER, SMALLINT, BIGINT) divide with
     * truncation toward zero and give the left operand's type: {@code 7 / 2 = 3}, {@code -7 / 2 = -3}
     * (PostgreSQL and SQLite {@code /}; MySQL's {@code /} would give the decimal 3.5000, so Quarry writes
     * {@code DIV} there). A DECIMAL of scale s divided by a DECIMAL gives DECIMAL with scale s + 4 (MySQL's
     * {@code div_precision_increment}), rounded half away from zero on every dialect with
     * {@code ROUND(a / b, s + 4)}; SQLite divides in double precision. REAL and DOUBLE divide as floating
     * point. Dividing by zero fails on PostgreSQL (SQLState 22012) but is NULL on MySQL and SQLite; for
     * a portable NULL divide by {@code Dsl.nullif(divisor, 0)}.
     *
     * @param value a non-null divisor
     * @return the quotient
     * @throws IllegalArgumentException if value is null or this field is not numeric
     */
    default Field<T> div(T value) { return Arithmetic.of("/", "div()", this, Expressions.operand("div", this, value)); }

    /**
     * @param other a numeric divisor of the same Java type
     * @return {@code this / other}, as {@link #div(Object)} says
     * @throws IllegalArgumentException if other is null or a field is not numeric
     */
    default Field<T> div(Field<T> other) { return Arithmetic.of("/", "div()", this, other); }

    /**
     * The remainder of integer division, with the sign of the dividend on every dialect
     * ({@code -7 mod 2 = -1}): {@code this % value}.
     *
     * @param value a non-null divisor
     * @return the remainder, of this field's type
     * @throws IllegalArgumentException if value is null or this field is not an integer type (SQLite's
     *         {@code %} would truncate a DECIMAL to an integer first)
     */
    default Field<T> mod(T value) { return Arithmetic.of("%", "mod()", this, Expressions.operand("mod", this, value)); }

    /**
     * @param other an integer divisor of the same Java type
     * @return {@code this % other}
     * @throws IllegalArgumentException if other is null or a field is not an integer type
     */
    default Field<T> mod(Field<T> other) { return Arithmetic.of("%", "mod()", this, other); }

    /**
     * @return {@code (- this)}, of this field's type
     * @throws IllegalArgumentException if this field is not numeric
     */
    default Field<T> neg() {
        Expressions.requireNumeric("neg()", this);
        return new Negated<>(this);
    }

    /**
     * A DATE or TIMESTAMP moved by a calendar interval, of this field's type:
     * {@code RENTAL.rentalDate.plus(Interval.days(3))}. PostgreSQL {@code (x + ? * INTERVAL '1' DAY)},
     * MySQL {@code DATE_ADD(x, INTERVAL ? DAY)}, SQLite {@code datetime(x, ? || ' days')} (keeping the
     * fraction of a second); the amount is a bind parameter on all three. Months and years are clamped to
     * the end of a shorter month (see {@link Interval}). SQLite's date functions keep milliseconds, not
     * microseconds.
     *
     * @param interval the interval; HOUR, MINUTE and SECOND only for a TIMESTAMP
     * @return the moved date or timestamp
     * @throws IllegalArgumentException if interval is null, this field is not a DATE or TIMESTAMP, or a DATE
     *         is moved by hours, minutes or seconds
     */
    default Field<T> plus(Interval interval) {
        if (interval == null) throw new IllegalArgumentException("plus((Interval) null) on " + Param.describe(this));
        Expressions.requireDateOrTimestamp("plus(Interval)", this);
        if (type().sqlType() == SqlType.DATE && !interval.unit().ofDate()) {
            throw new IllegalArgumentException("a DATE has no " + interval.unit() + "; " + Param.describe(this)
                    + " can move by years, months or days (cast it to a timestamp first)");
        }
        return new DateFunction<>(DateFunction.Kind.ADD, this, interval.unit(), interval.amount(), type());
    }

    /**
     * @param interval the interval to subtract
     * @return {@code this} moved back by the interval, as {@link #plus(Interval)} says
     * @throws IllegalArgumentException as {@link #plus(Interval)}
     */
    default Field<T> minus(Interval interval) {
        if (interval == null) throw new IllegalArgumentException("minus((Interval) null) on " + Param.describe(this));
        return plus(interval.negate());
    }

    /**
     * {@code CAST(this AS type)}, read back as the target's Java type. Targets: INTEGER, SMALLINT, BIGINT,
     * DECIMAL(p, s), REAL, DOUBLE, TEXT, VARCHAR(n), DATE, TIMESTAMP, spelled per dialect (MySQL: SIGNED,
     * DECIMAL(p, s), DOUBLE, CHAR, CHAR(n), DATE, DATETIME(6)). The same value comes back on every
     * dialect: a DECIMAL or floating value cast to an integer type is rounded half away from zero (SQLite's
     * own CAST truncates, so Quarry writes {@code CAST(ROUND(x) AS INTEGER)}; a DOUBLE tie may round to
     * even on PostgreSQL), a cast to DECIMAL(p, s) rounds to s places, a cast to VARCHAR(n) cuts to n
     * characters, a DECIMAL cast to text keeps its scale ({@code 5.00}), a TIMESTAMP cast to text is
     * {@code YYYY-MM-DD HH:MM:SS[.f]} without trailing zeros, and a cast to TIMESTAMP on SQLite keeps
     * milliseconds. Text that is not a valid value is an error on PostgreSQL and turns into 0, NULL or
     * a prefix elsewhere.
     *
     * @param type the target type
     * @param <U> its Java type
     * @return the cast expression
     * @throws IllegalArgumentException if type is null or not one of the targets above (CHAR(n) pads only on
     *         PostgreSQL; MySQL has no BOOLEAN cast; a DECIMAL needs precision and scale)
     */
    default <U> Field<U> cast(DataType<U> type) {
        Expressions.requireCastTarget(this, type);
        return new CastField<>(this, type);
    }

    /**
     * @return {@code LOWER(this)}, TEXT. SQLite (without ICU) folds only ASCII letters; PostgreSQL and
     *         MySQL fold all of Unicode.
     * @throws IllegalArgumentException if this field is not a character type
     */
    default Field<String> lower() {
        return new FunctionCall<>("LOWER", List.of(Expressions.requireCharacter("lower()", this)), DataType.text());
    }

    /**
     * @return {@code UPPER(this)}, TEXT; ASCII only on SQLite, as {@link #lower()}
     * @throws IllegalArgumentException if this field is not a character type
     */
    default Field<String> upper() {
        return new FunctionCall<>("UPPER", List.of(Expressions.requireCharacter("upper()", this)), DataType.text());
    }

    /**
     * @return {@code TRIM(this)}: leading and trailing spaces (only U+0020) removed, TEXT
     * @throws IllegalArgumentException if this field is not a character type
     */
    default Field<String> trim() {
        return new FunctionCall<>("TRIM", List.of(Expressions.requireCharacter("trim()", this)), DataType.text());
    }

    /**
     * The length in characters, not bytes: PostgreSQL and MySQL {@code CHAR_LENGTH(x)}, SQLite
     * {@code LENGTH(x)}. {@code "héllo"} is 5 on all three.
     *
     * @return the length, INTEGER ({@link Integer}; NULL for NULL)
     * @throws IllegalArgumentException if this field is not a character type
     */
    default Field<Integer> length() {
        return new StringFunction<>(StringFunction.Kind.LENGTH, List.of(Expressions.requireCharacter("length()", this)),
                DataType.integer());
    }

    /**
     * String concatenation that is NULL when either part is NULL, on every dialect (standard SQL's
     * {@code ||}; MySQL {@code CONCAT(a, b)}). For "NULL as empty" wrap a part in
     * {@code Dsl.coalesce(part, "")}.
     *
     * @param other a character field
     * @return {@code this || other}, TEXT
     * @throws IllegalArgumentException if other is null or a part is not a character type
     */
    default Field<String> concat(Field<String> other) {
        Expressions.requireField("concat()", this, other);
        return new StringFunction<>(StringFunction.Kind.CONCAT, List.of(Expressions.requireCharacter("concat()", this),
                Expressions.requireCharacter("concat()", other)), DataType.text());
    }

    /**
     * @param value non-null text, bound as a parameter
     * @return {@code this || value}, TEXT, as {@link #concat(Field)} says
     * @throws IllegalArgumentException if value is null or this field is not a character type
     */
    default Field<String> concat(String value) {
        return concat(new Param<>(Expressions.requireValue("concat", this, value), DataType.text()));
    }

    /**
     * The characters from a 1-based position to the end. PostgreSQL and MySQL
     * {@code SUBSTRING(x FROM ?)}, SQLite {@code SUBSTR(x, ?)}.
     *
     * @param start the first character, 1 or more (bound as a parameter)
     * @return the substring, TEXT
     * @throws IllegalArgumentException if start is below 1 (MySQL counts a start below 1 from the end or
     *         returns '', the others do not) or this field is not a character type
     */
    default Field<String> substring(int start) {
        if (start < 1) throw new IllegalArgumentException("substring(" + start + ") on " + Param.describe(this) + ": start is 1-based, must be 1 or more");
        return new StringFunction<>(StringFunction.Kind.SUBSTRING, List.of(Expressions.requireCharacter("substring()", this),
                Dsl.value(start)), DataType.text());
    }

    /**
     * {@code length} characters from a 1-based position (fewer at the end of the text). PostgreSQL and MySQL
     * {@code SUBSTRING(x FROM ? FOR ?)}, SQLite {@code SUBSTR(x, ?, ?)}.
     *
     * @param start the first character, 1 or more (bound as a parameter)
     * @param length the number of characters, 0 or more (bound as a parameter)
     * @return the substring, TEXT
     * @throws IllegalArgumentException if start is below 1, length is negative, or this field is not a
     *         character type
     */
    default Field<String> substring(int start, int length) {
        if (start < 1) throw new IllegalArgumentException("substring(" + start + ", " + length + ") on " + Param.describe(this) + ": start is 1-based, must be 1 or more");
        if (length < 0) throw new IllegalArgumentException("substring(" + start + ", " + length + ") on " + Param.describe(this) + ": length must be 0 or more");
        return new StringFunction<>(StringFunction.Kind.SUBSTRING, List.of(Expressions.requireCharacter("substring()", this),
                Dsl.value(start), Dsl.value(length)), DataType.text());
    }

    /**
     * Every occurrence of {@code search} replaced, case-sensitively: {@code REPLACE(this, ?, ?)} on all
     * three. An empty {@code search} leaves the text as it is.
     *
     * @param search the text to replace, not null
     * @param replacement its replacement, not null
     * @return the text, TEXT
     * @throws IllegalArgumentException if an argument is null or this field is not a character type
     */
    default Field<String> replace(String search, String replacement) {
        Expressions.requireValue("replace", this, search);
        Expressions.requireValue("replace", this, replacement);
        return new FunctionCall<>("REPLACE", List.of(Expressions.requireCharacter("replace()", this),
                new Param<>(search, DataType.text()), new Param<>(replacement, DataType.text())), DataType.text());
    }

    /**
     * The 1-based character position of the first occurrence of {@code search}, 0 when there is none
     * (PostgreSQL and MySQL {@code POSITION(? IN x)}, SQLite {@code INSTR(x, ?)}). Case-sensitive on
     * Quarry's MySQL tables (binary collation); where neither side is a column (a bind value searched in a
     * bind value), MariaDB compares by utf8mb4's default collation, which ignores case.
     *
     * @param search the text to find, not null (bound as a parameter)
     * @return the position, INTEGER ({@link Integer})
     * @throws IllegalArgumentException if search is null or this field is not a character type
     */
    default Field<Integer> position(String search) {
        Expressions.requireValue("position", this, search);
        return new StringFunction<>(StringFunction.Kind.POSITION, List.of(Expressions.requireCharacter("position()", this),
                new Param<>(search, DataType.text())), DataType.integer());
    }

    /**
     * A part of a DATE or TIMESTAMP as a number: PostgreSQL {@code CAST(EXTRACT(YEAR FROM x) AS INTEGER)},
     * MySQL {@code EXTRACT(YEAR FROM x)}, SQLite {@code CAST(strftime('%Y', x) AS INTEGER)}. SECOND is the
     * whole seconds; HOUR, MINUTE and SECOND of a DATE are 0.
     *
     * @param part the part
     * @return the part, INTEGER ({@link Integer})
     * @throws IllegalArgumentException if part is null or this field is not a DATE or TIMESTAMP
     */
    default Field<Integer> extract(DatePart part) {
        if (part == null) throw new IllegalArgumentException("extract(null) on " + Param.describe(this));
        Expressions.requireDateOrTimestamp("extract()", this);
        return new DateFunction<>(DateFunction.Kind.EXTRACT, this, part, 0, DataType.integer());
    }

    /**
     * A DATE or TIMESTAMP truncated to a part: the smaller parts set to their start ({@code MONTH} of
     * 2005-05-24 22:53:30 is 2005-05-01 00:00:00), of this field's type. PostgreSQL {@code DATE_TRUNC},
     * MySQL {@code CAST(DATE_FORMAT(x, '%Y-%m-01 00:00:00') AS DATETIME(6))}, SQLite
     * {@code strftime('%Y-%m-01 00:00:00', x)}.
     *
     * @param part the smallest part to keep; a DATE only YEAR, MONTH or DAY
     * @return the truncated value
     * @throws IllegalArgumentException if part is null, this field is not a DATE or TIMESTAMP, or a DATE is
     *         truncated to a time part
     */
    default Field<T> truncateTo(DatePart part) {
        if (part == null) throw new IllegalArgumentException("truncateTo(null) on " + Param.describe(this));
        Expressions.requireDateOrTimestamp("truncateTo()", this);
        if (type().sqlType() == SqlType.DATE && !part.ofDate()) {
            throw new IllegalArgumentException("a DATE has no " + part + "; " + Param.describe(this)
                    + " truncates to YEAR, MONTH or DAY");
        }
        return new DateFunction<>(DateFunction.Kind.TRUNCATE, this, part, 0, type());
    }

    /**
     * Fields listed in a call that expects several (select lists, GROUP BY).
     *
     * @param fields the fields
     * @return an unmodifiable list
     */
    static List<Field<?>> list(Field<?>... fields) {
        return List.of(fields);
    }
}
