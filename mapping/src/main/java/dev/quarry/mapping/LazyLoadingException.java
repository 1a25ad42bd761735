package dev.quarry.mapping;

/**
 * A relation was touched that cannot be loaded now: the query was strict ({@link EntityQuery#strict()},
 * SQLAlchemy's {@code raiseload}) and did not name the relation in {@link EntityQuery#with}, or the record
 * was built in code with {@link Lazy#notLoaded()}. The message names the record type and the component.
 */
public class LazyLoadingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what was touched and how to load it */
    public LazyLoadingException(String message) {
        super(message);
    }
}
