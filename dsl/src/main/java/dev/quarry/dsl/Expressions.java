package dev.quarry.dsl;

/** Type rules of the expression functions: which types an operator takes and what it returns. */
final class Expressions {
    private Expressions() {}

    static boolean isNumeric(DataType<?> t) {
        return switch (t.sqlType()) {
            case INTEGER, SMALLINT, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            default -> false;
        };
    }

    static boolean isInteger(DataType<?> t) {
        return switch (t.sqlType()) {
            case INTEGER, SMALLINT, BIGINT -> true;
            default -> false;
        };
    }

    static boolean isCharacter(DataType<?> t) {
        return switch (t.sqlType()) {
            case VARCHAR, CHAR, TEXT -> true;
            default -> false;
        };
    }

    static boolean isDateOrTimestamp(DataType<?> t) {
        return t.sqlType() == SqlType.DATE || t.sqlType() == SqlType.TIMESTAMP;
    }

    static void requireNumeric(String function, Field<?> field) {
        if (!isNumeric(field.type())) {
            throw new IllegalArgumentException(function + " needs a numeric field; " + Param.describe(field) + " is " + field.type());
        }
    }

    static void requireInteger(String function, Field<?> field) {
        if (!isInteger(field.type())) {
            throw new IllegalArgumentException(function + " needs an integer field (INTEGER, SMALLINT, BIGINT); "
                    + Param.describe(field) + " is " + field.type());
        }
    }

    @SuppressWarnings("unchecked")
    static Field<String> requireCharacter(String function, Field<?> field) {
        if (!isCharacter(field.type())) {
            throw new IllegalArgumentException(function + " needs a character field (VARCHAR, CHAR, TEXT); "
                    + Param.describe(field) + " is " + field.type() + "; cast it with cast(DataType.text())");
        }
        return (Field<String>) field;
    }

    static void requireDateOrTimestamp(String function, Field<?> field) {
        if (!isDateOrTimestamp(field.type())) {
            throw new IllegalArgumentException(function + " needs a DATE or TIMESTAMP field; " + Param.describe(field)
                    + " is " + field.type());
        }
    }

    static <T> T requireValue(String function, Field<?> field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(function + "(null) on " + Param.describe(field) + ": the value must not be null");
        }
        return value;
    }

    static <T> Field<T> requireField(String function, Field<?> on, Field<T> other) {
        if (other == null) {
            throw new IllegalArgumentException(function + " on " + Param.describe(on) + ": the other field is null");
        }
        return other;
    }

    /**
     * The result type of {@code left op right} for +, -, * and / on operands of one Java type: the left
     * operand's type, except for DECIMALs of known scale: + and - keep the larger scale, * adds the
     * scales, / gives the dividend's scale plus 4 (MySQL's div_precision_increment, to which every
     * dialect rounds); any unknown scale makes the result's unknown.
     */
    @SuppressWarnings("unchecked")
    static <T> DataType<T> arithmeticType(String operator, DataType<T> left, DataType<T> right) {
        if (left.sqlType() != SqlType.DECIMAL || right.sqlType() != SqlType.DECIMAL) return left;
        int s1 = left.scale();
        int s2 = right.scale();
        if (s1 < 0 || (s2 < 0 && !operator.equals("/"))) return (DataType<T>) DataType.decimal();
        int scale;
        int integerDigits;
        switch (operator) {
            case "+", "-" -> {
                scale = Math.max(s1, s2);
                integerDigits = Math.max(left.precision() - s1, right.precision() - s2) + 1;
            }
            case "*" -> {
                scale = s1 + s2;
                integerDigits = (left.precision() - s1) + (right.precision() - s2);
            }
            case "/" -> {
                scale = s1 + 4;
                integerDigits = 38;
            }
            default -> throw new IllegalArgumentException(operator);
        }
        int precision = Math.min(1000, Math.max(1, integerDigits) + scale);
        return (DataType<T>) DataType.decimal(Math.max(precision, scale), Math.min(scale, 1000));
    }

    /**
     * The types {@link Field#cast(DataType)} accepts: those every dialect can cast to with the same
     * result. CHAR(n) pads on PostgreSQL but not on MySQL, MySQL has no CAST to BOOLEAN, and a DECIMAL
     * without precision is DECIMAL(10, 0) on MySQL, so they are refused.
     */
    static void requireCastTarget(Field<?> field, DataType<?> target) {
        if (target == null) throw new IllegalArgumentException("cast(null) on " + Param.describe(field));
        String why = switch (target.sqlType()) {
            case INTEGER, SMALLINT, BIGINT, REAL, DOUBLE, TEXT, VARCHAR, DATE, TIMESTAMP -> null;
            case DECIMAL -> target.scale() < 0 ? "a DECIMAL needs a precision and scale, such as DataType.decimal(10, 2) "
                    + "(MySQL's DECIMAL without them is DECIMAL(10, 0))" : null;
            case CHAR -> "CHAR(n) pads with spaces on PostgreSQL but not on MySQL; cast to varchar(n)";
            case BOOLEAN -> "MySQL has no CAST to BOOLEAN; compare instead, such as field.ne(0)";
            default -> "casts to " + target.sqlType() + " are not portable";
        };
        if (why != null) {
            throw new IllegalArgumentException("cannot cast " + Param.describe(field) + " to " + target + ": " + why);
        }
    }

    /**
     * A value as the right operand of an operator on {@code field}: bound with the field's type, except
     * that a BigDecimal keeps its own scale (so that {@code rate.plus(new BigDecimal("0.005"))} is not
     * rounded to the column's scale).
     */
    @SuppressWarnings("unchecked")
    static <T> Field<T> operand(String function, Field<T> field, T value) {
        requireValue(function, field, value);
        if (field.type().sqlType() == SqlType.DECIMAL && value instanceof java.math.BigDecimal d && d.scale() >= 0
                && d.scale() <= 1000 && d.precision() <= 1000) {
            return new Param<>(value, (DataType<T>) DataType.decimal(Math.max(d.precision(), Math.max(d.scale(), 1)), d.scale()));
        }
        return new Param<>(field.type().cast(value), field.type());
    }
}
