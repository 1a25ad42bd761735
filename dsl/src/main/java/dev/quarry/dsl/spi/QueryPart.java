package dev.quarry.dsl.spi;

/**
 * A node of Quarry's immutable SQL tree: a field, condition, table or whole statement that can write
 * itself into a {@link SqlBuilder}. Rendering is one traversal that produces SQL text and bind values
 * together; dialect differences are asked of the builder's {@link Renderer}, never decided by
 * {@code switch} on a dialect inside a node.
 *
 * <p>Implementations must be immutable and thread-safe. A dialect module may add its own nodes by
 * implementing this interface.
 */
public interface QueryPart {
    /**
     * Appends this node's SQL and bind values to the builder.
     *
     * @param b the builder of the statement being rendered; never null
     * @throws dev.quarry.dsl.UnsupportedDialectFeatureException if the builder's dialect cannot express this node
     * @throws IllegalStateException if the node refers to a table that is not in scope
     */
    void renderTo(SqlBuilder b);
}
