package dev.quarry.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Calls a record's canonical constructor with an array of component values through a method handle made
 * once (no reflection per row). Thread-safe.
 */
final class Instantiator<R> {
    private final Class<R> type;
    private final MethodHandle constructor;

    private Instantiator(Class<R> type, MethodHandle constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /**
     * @throws MappingException if the type is not a record or its canonical constructor cannot be reached
     */
    static <R> Instantiator<R> of(Class<R> type) {
        if (!type.isRecord()) throw new MappingException(type.getName() + " is not a record; the mapping layer fills records");
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) parameterTypes[i] = components[i].getType();
        try {
            Constructor<R> c = type.getDeclaredConstructor(parameterTypes);
            c.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(c)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Instantiator<>(type, handle);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException("record " + type.getName() + ": its canonical constructor cannot be used: " + e, e);
        }
    }

    /**
     * @param args one value per component, in declaration order, already converted
     * @return the new record
     * @throws RuntimeException what the constructor threw (a compact constructor's validation)
     */
    R create(Object[] args) {
        try {
            return type.cast((Object) constructor.invokeExact(args));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("record " + type.getSimpleName() + ": its constructor failed: " + e, e);
        }
    }

    Class<R> type() { return type; }
}
