package dev.quarry.dsl;

/**
 * The dialect cannot express a feature the statement uses. Thrown at render time, before anything is
 * sent to the database, with a message that names the dialect and the feature.
 */
public class UnsupportedDialectFeatureException extends DataAccessException {
    private static final long serialVersionUID = 1L;
    private final String dialect;
    private final String feature;

    /**
     * @param dialect the dialect's name, such as {@code sqlite}
     * @param feature the feature, such as {@code FOR UPDATE}
     */
    public UnsupportedDialectFeatureException(String dialect, String feature) {
        super("The " + dialect + " dialect does not support " + feature, null, null, null);
        this.dialect = dialect;
        this.feature = feature;
    }

    /** @return the dialect's name */
    public String dialect() { return dialect; }

    /** @return the feature that is not supported */
    public String feature() { return feature; }
}
