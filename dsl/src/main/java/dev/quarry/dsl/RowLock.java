package dev.quarry.dsl;

import dev.quarry.dsl.spi.CacheKey;
import dev.quarry.dsl.spi.CacheKeyed;
import dev.quarry.dsl.spi.LockStrength;
import dev.quarry.dsl.spi.LockWait;
import dev.quarry.dsl.spi.QueryPart;
import dev.quarry.dsl.spi.SqlBuilder;

import java.util.List;

/**
 * The locking clause of a SELECT: {@code FOR UPDATE | FOR SHARE [OF t, ...] [NOWAIT | SKIP LOCKED]},
 * rendered by the dialect's {@link dev.quarry.dsl.spi.Renderer#rowLock} hook. Immutable.
 *
 * @param strength exclusive or shared
 * @param waitPolicy what to do with rows locked by others
 * @param of the tables whose rows are locked; empty for all tables of the query
 */
record RowLock(LockStrength strength, LockWait waitPolicy, List<TableLike> of) implements QueryPart, CacheKeyed {
    RowLock {
        of = List.copyOf(of);
    }

    RowLock withWait(LockWait w) {
        return new RowLock(strength, w, of);
    }

    RowLock withOf(List<TableLike> tables) {
        return new RowLock(strength, waitPolicy, tables);
    }

    /** @return {@code FOR UPDATE} or {@code FOR SHARE}, for messages */
    String label() {
        return strength == LockStrength.UPDATE ? "FOR UPDATE" : "FOR SHARE";
    }

    @Override
    public void renderTo(SqlBuilder b) {
        b.renderer().rowLock(b, strength, waitPolicy, of);
    }

    // ---- compiled-SQL cache ----

    @Override
    public void appendCacheKey(CacheKey key) {
        key.add(RowLock.class).add(strength).add(waitPolicy).add(of.size());
        for (TableLike t : of) key.add(t.name()).add(t.alias());
    }
}
