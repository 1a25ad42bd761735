package dev.quarry.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * What {@link RecordMapper} needs to know about a record type, found by reflection once per class
 * (remembered in a {@link ClassValue}): its components in declaration order, the name each one is
 * matched by, and its constructor as an {@link Instantiator}. A component whose type is a record, or an
 * {@code Optional} of a record, carries the shape of that record too (one level: the components of a
 * nested record carry none). Immutable and thread-safe.
 */
final class RecordShape<R> {
    private static final ClassValue<RecordShape<?>> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape<?> computeValue(Class<?> type) {
            return new RecordShape<>(type, true);
        }
    };

    /** One record component. */
    static final class Component {
        final String name;
        /** The name given by {@link ColumnName}, else the component's own name. */
        final String columnName;
        /** {@link #columnName} in the normal form of {@link Conversions#normalize}. */
        final String key;
        final Type genericType;
        /** The component's type for messages, with simple class names: {@code Optional<Integer>}. */
        final String typeLabel;
        /** The shape of a record component (or of the record in an {@code Optional}); null for others and below the top level. */
        final RecordShape<?> nested;
        /** Whether the component is an {@code Optional} of {@link #nested}. */
        final boolean optional;
        /** A relation component ({@link Lazy}): mapped from rows it reads no column and cannot load. */
        final boolean lazy;

        Component(RecordComponent component, boolean nestRecords) {
            this.lazy = component.getType() == Lazy.class;
            this.name = component.getName();
            ColumnName annotation = component.getAnnotation(ColumnName.class);
            this.columnName = annotation == null ? name : annotation.value();
            this.key = Conversions.normalize(columnName);
            this.genericType = component.getGenericType();
            this.typeLabel = label(genericType);
            Class<?> record = recordType(genericType);
            this.optional = record != null && Conversions.raw(genericType) == Optional.class;
            this.nested = record != null && nestRecords ? new RecordShape<>(record, false) : null;
        }

        /** @return the component as {@code Type.name (type)}, as messages name it */
        String describe(RecordShape<?> owner) {
            return owner.type.getSimpleName() + "." + name + " (" + typeLabel + ")";
        }
    }

    final Class<R> type;
    final Component[] components;
    final Instantiator<R> instantiator;

    private RecordShape(Class<R> type, boolean nestRecords) {
        this.instantiator = Instantiator.of(type);
        this.type = type;
        RecordComponent[] declared = type.getRecordComponents();
        this.components = new Component[declared.length];
        for (int i = 0; i < declared.length; i++) components[i] = new Component(declared[i], nestRecords);
    }

    /**
     * @param type a record class
     * @return its shape, with the shapes of record components one level down
     * @throws MappingException if the type is not a record or its canonical constructor (or that of a
     *         record component's type) cannot be used
     */
    @SuppressWarnings("unchecked")
    static <R> RecordShape<R> of(Class<R> type) {
        return (RecordShape<R>) SHAPES.get(type);
    }

    /** @return the record class of a component typed {@code X} or {@code Optional<X>} where X is a record, else null */
    static Class<?> recordType(Type type) {
        Class<?> raw = Conversions.raw(type);
        if (raw == Optional.class) raw = Conversions.raw(Conversions.argument(type) == null ? Object.class : Conversions.argument(type));
        return raw.isRecord() ? raw : null;
    }

    /** @return a type with simple class names: {@code Optional<BigDecimal>}, {@code int} */
    static String label(Type type) {
        if (type instanceof Class<?> c) return c.getSimpleName();
        if (type instanceof ParameterizedType p) {
            StringBuilder sb = new StringBuilder(label(p.getRawType())).append('<');
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) sb.append(i == 0 ? "" : ", ").append(label(arguments[i]));
            return sb.append('>').toString();
        }
        return type.getTypeName();
    }
}
