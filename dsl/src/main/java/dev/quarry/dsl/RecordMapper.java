package dev.quarry.dsl;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Fills a record from a row by component name. The plan (which position feeds which component and
 * how the value is converted) is built once per query; the per-row work is an array fill and one
 * constructor call.
 */
final class RecordMapper<R> {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, char.class, Character.class);

    private final Class<R> type;
    /** The canonical constructor as {@code (Object[]) -> Object}, spread once (no reflection per row). */
    private final java.lang.invoke.MethodHandle constructor;
    private final RecordComponent[] components;
    private final int[] positions;
    private final List<Function<Object, Object>> converters;
    private final List<Field<?>> fields;

    private RecordMapper(Class<R> type, java.lang.invoke.MethodHandle constructor, RecordComponent[] components, int[] positions,
                         List<Function<Object, Object>> converters, List<Field<?>> fields) {
        this.type = type;
        this.constructor = constructor;
        this.components = components;
        this.positions = positions;
        this.converters = converters;
        this.fields = fields;
    }

    static <R> RecordMapper<R> of(Class<R> type, List<Field<?>> fields) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; fetchInto fills records by component name");
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        int[] positions = new int[components.length];
        List<Function<Object, Object>> converters = new ArrayList<>(components.length);
        for (int c = 0; c < components.length; c++) {
            RecordComponent component = components[c];
            parameterTypes[c] = component.getType();
            String key = normalize(component.getName());
            int found = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (normalize(fields.get(i).name()).equals(key)) {
                    if (found >= 0) {
                        throw new IllegalArgumentException("Record " + type.getSimpleName() + " component '" + component.getName()
                                + "' matches two columns, " + label(fields.get(found)) + " and " + label(fields.get(i))
                                + "; give one of them an alias with as()");
                    }
                    found = i;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + " component '" + component.getName()
                        + "' has no matching column in the select list " + new RowType(fields).names());
            }
            positions[c] = found;
            converters.add(converter(type, component, fields.get(found)));
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            java.lang.invoke.MethodHandle handle = java.lang.invoke.MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, components.length)
                    .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
            return new RecordMapper<>(type, handle, components, positions, converters, fields);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Record " + type.getName() + ": cannot use its canonical constructor: " + e, e);
        }
    }

    private static String label(Field<?> f) {
        return f instanceof TableField<?> c ? c.qualifiedName() : f.name();
    }

    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch != '_') sb.append(Character.toLowerCase(ch));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static Function<Object, Object> converter(Class<?> recordType, RecordComponent component, Field<?> field) {
        Class<?> target = component.getType().isPrimitive() ? BOXES.get(component.getType()) : component.getType();
        Class<?> source = field.type().javaType();
        String where = "Record " + recordType.getSimpleName() + " component '" + component.getName() + "' ("
                + component.getType().getSimpleName() + ") from column " + label(field) + " (" + field.type() + ")";
        boolean primitive = component.getType().isPrimitive();
        Function<Object, Object> convert;
        if (target.isAssignableFrom(source)) {
            convert = v -> v;
        } else if (Number.class.isAssignableFrom(source) && (Number.class.isAssignableFrom(target))) {
            convert = v -> convertNumber((Number) v, target, where);
        } else if (target == String.class && source.isEnum()) {
            convert = v -> field.type().enumLabel(v);
        } else {
            throw new IllegalArgumentException(where + ": a " + source.getName() + " cannot be converted to "
                    + component.getType().getName());
        }
        return v -> {
            if (v == null) {
                if (primitive) throw new IllegalArgumentException(where + ": the value is NULL but the component is primitive;"
                        + " use " + target.getSimpleName());
                return null;
            }
            return convert.apply(v);
        };
    }

    private static Object convertNumber(Number n, Class<?> target, String where) {
        try {
            BigDecimal d = n instanceof BigDecimal bd ? bd
                    : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
                    : BigDecimal.valueOf(n.longValue());
            if (target == BigDecimal.class) return d;
            if (target == Double.class) return n.doubleValue();
            if (target == Float.class) return n.floatValue();
            if (target == Long.class) return d.longValueExact();
            if (target == Integer.class) return d.intValueExact();
            if (target == Short.class) return d.shortValueExact();
            if (target == Byte.class) return d.byteValueExact();
            if (target == BigInteger.class) return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where + ": the value " + n + " does not fit", e);
        }
        throw new IllegalArgumentException(where + ": cannot convert a number to " + target.getName());
    }

    R map(Row row) {
        Object[] args = new Object[components.length];
        for (int c = 0; c < args.length; c++) {
            args[c] = converters.get(c).apply(row.get(positions[c]));
        }
        return construct(args);
    }

    List<Field<?>> fields() { return fields; }

    @SuppressWarnings("unchecked")
    private R construct(Object[] args) {
        try {
            return (R) (Object) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Record " + type.getSimpleName() + " constructor failed: " + e, e);
        }
    }

    // ---- prebuilt mappers ----

    private static final int MAPPERS_PER_RECORD = 64;

    /** Per component: whether a non-null column value is passed as it is (no conversion); computed once. */
    private volatile boolean[] direct;

    private boolean[] directComponents() {
        boolean[] d = new boolean[components.length];
        for (int c = 0; c < d.length; c++) {
            Class<?> t = components[c].getType();
            Class<?> target = t.isPrimitive() ? BOXES.get(t) : t;
            d[c] = target.isAssignableFrom(fields.get(positions[c]).type().javaType());
        }
        return d;
    }
    private static final ClassValue<java.util.concurrent.ConcurrentHashMap<List<Field<?>>, RecordMapper<?>>> MAPPERS =
            new ClassValue<>() {
                @Override
                protected java.util.concurrent.ConcurrentHashMap<List<Field<?>>, RecordMapper<?>> computeValue(Class<?> type) {
                    return new java.util.concurrent.ConcurrentHashMap<>();
                }
            };

    /**
     * {@link #of} remembered per record class and select list (up to 64 select lists per record class),
     * so that reflection runs once, not per query.
     */
    @SuppressWarnings("unchecked")
    static <R> RecordMapper<R> cached(Class<R> type, List<Field<?>> fields) {
        java.util.concurrent.ConcurrentHashMap<List<Field<?>>, RecordMapper<?>> mappers = MAPPERS.get(type);
        RecordMapper<?> mapper = mappers.get(fields);
        if (mapper == null) {
            mapper = of(type, fields);
            if (mappers.size() < MAPPERS_PER_RECORD) mappers.putIfAbsent(fields, mapper);
        }
        return (RecordMapper<R>) mapper;
    }

    /**
     * Builds a record from the values of one result row, by select-list position (the array may be
     * reused for the next row).
     */
    R create(Object[] values) {
        boolean[] direct = this.direct;
        if (direct == null) this.direct = direct = directComponents();
        Object[] args = new Object[positions.length];
        for (int c = 0; c < args.length; c++) {
            Object v = values[positions[c]];
            args[c] = direct[c] && v != null ? v : converters.get(c).apply(v);
        }
        return construct(args);
    }
}
