package dev.quarry.examples.sakila;

import dev.quarry.dsl.Database;
import dev.quarry.schema.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** A Sakila database in an SQLite file, created and loaded by {@link SakilaLoader}. */
final class SakilaFixture implements AutoCloseable {
    final Database db;
    final Map<Table, Integer> loaded;
    final String progress;

    private SakilaFixture(Database db, Map<Table, Integer> loaded, String progress) {
        this.db = db;
        this.loaded = loaded;
        this.progress = progress;
    }

    static SakilaFixture load(Path dir) {
        return load(Database.connect("jdbc:sqlite:" + dir.resolve("sakila.db")));
    }

    /** As {@link #load(Path)}, with a listener told about every statement. */
    static SakilaFixture load(Path dir, dev.quarry.dsl.StatementListener listener) {
        return load(Database.builder("jdbc:sqlite:" + dir.resolve("sakila.db")).statementListener(listener).build());
    }

    private static SakilaFixture load(Database db) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream progress = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Map<Table, Integer> loaded = SakilaLoader.createAndLoad(db, progress);
            return new SakilaFixture(db, loaded, bytes.toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
