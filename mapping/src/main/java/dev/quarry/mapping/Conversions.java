package dev.quarry.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * How a column value becomes a record component's value, decided once per component and column (the
 * per-row work is the returned {@link Converter}). The rules:
 * <ul>
 *   <li>a value whose class the component's type accepts is passed as it is (a primitive component
 *       accepts its box);</li>
 *   <li>numbers convert between {@code byte, short, int, long, float, double, BigInteger, BigDecimal}
 *       when the value fits exactly ({@link BigDecimal#intValueExact()} and its siblings); a value that
 *       does not fit fails;</li>
 *   <li>an enum component reads a string column by constant name, a string component an enum column's
 *       name;</li>
 *   <li>an {@code Optional<X>} component holds the value converted to {@code X}, or is empty for SQL NULL;</li>
 *   <li>SQL NULL is {@code null} for a reference type and fails for a primitive component.</li>
 * </ul>
 */
final class Conversions {
    private Conversions() {}

    /** Converts one non-checked column value; throws {@link MappingException} naming the component and column. */
    @FunctionalInterface
    interface Converter {
        Object convert(Object value);
    }

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, char.class, Character.class);

    /** @return the box of a primitive type, else the type itself */
    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /** @return the raw class of a type ({@code List} for {@code List<String>}) */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    /** @return the first type argument of a parameterized type, or null */
    static Type argument(Type type) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1 ? p.getActualTypeArguments()[0] : null;
    }

    /**
     * @param where names the component and column for messages, e.g. {@code "Film.length (int) from column film.length"}
     * @param componentType the component's generic type
     * @param source the Java class the column's binding reads
     * @return the converter
     * @throws MappingException if no rule converts the column's class to the component's type
     */
    static Converter of(String where, Type componentType, Class<?> source) {
        Class<?> raw = raw(componentType);
        if (raw == Optional.class) {
            Type inner = argument(componentType);
            if (inner == null) throw new MappingException(where + ": Optional needs a type argument");
            Converter convert = nonNull(where, raw(inner), source);
            return v -> v == null ? Optional.empty() : Optional.of(convert.convert(v));
        }
        Converter convert = nonNull(where, raw, source);
        if (raw.isPrimitive()) {
            return v -> {
                if (v == null) {
                    throw new MappingException(where + ": the value is NULL but the component is the primitive "
                            + raw.getName() + "; declare it as " + boxed(raw).getSimpleName() + " or Optional<"
                            + boxed(raw).getSimpleName() + ">");
                }
                return convert.convert(v);
            };
        }
        return v -> v == null ? null : convert.convert(v);
    }

    private static Converter nonNull(String where, Class<?> componentClass, Class<?> source) {
        Class<?> target = boxed(componentClass);
        if (target.isAssignableFrom(boxed(source))) return v -> v;
        if (Number.class.isAssignableFrom(boxed(source)) && isNumber(target)) return v -> number(where, (Number) v, target);
        if (target.isEnum() && source == String.class) return v -> enumConstant(where, target, (String) v);
        if (target == String.class && source.isEnum()) return v -> ((Enum<?>) v).name();
        throw new MappingException(where + ": a " + source.getName() + " cannot be converted to " + componentClass.getName());
    }

    private static boolean isNumber(Class<?> c) {
        return c == Integer.class || c == Long.class || c == Short.class || c == Byte.class || c == Double.class
                || c == Float.class || c == BigDecimal.class || c == BigInteger.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(String where, Class<?> type, String name) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new MappingException(where + ": '" + name + "' is not a constant of " + type.getName(), e);
        }
    }

    private static Object number(String where, Number n, Class<?> target) {
        if (target.isInstance(n)) return n;
        try {
            if (target == Double.class) return n.doubleValue();
            if (target == Float.class) return n.floatValue();
            BigDecimal d = n instanceof BigDecimal bd ? bd
                    : n instanceof BigInteger bi ? new BigDecimal(bi)
                    : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
                    : BigDecimal.valueOf(n.longValue());
            if (target == BigDecimal.class) return d;
            if (target == Long.class) return d.longValueExact();
            if (target == Integer.class) return d.intValueExact();
            if (target == Short.class) return d.shortValueExact();
            if (target == Byte.class) return d.byteValueExact();
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new MappingException(where + ": the value " + n + " does not fit in " + target.getSimpleName(), e);
        }
    }

    /**
     * Compares names by the default matching rule: underscores removed, case ignored.
     *
     * @return the name in that normal form
     */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch != '_') sb.append(Character.toLowerCase(ch));
        }
        return sb.toString();
    }
}
