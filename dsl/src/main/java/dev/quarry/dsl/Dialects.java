package dev.quarry.dsl;

import dev.quarry.dsl.spi.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the {@link Dialect}s on the class path through {@link ServiceLoader}.
 */
public final class Dialects {
    private static volatile List<Dialect> cached;

    private Dialects() {}

    /** @return the dialects registered under {@code META-INF/services/dev.quarry.dsl.spi.Dialect}, unmodifiable */
    public static List<Dialect> available() {
        List<Dialect> list = cached;
        if (list == null) {
            List<Dialect> found = new ArrayList<>();
            ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).forEach(found::add);
            list = List.copyOf(found);
            cached = list;
        }
        return list;
    }

    /**
     * @param jdbcUrl a JDBC URL such as {@code jdbc:sqlite:sakila.db}
     * @return the first registered dialect that accepts the URL
     * @throws IllegalArgumentException if none does; the message lists the dialects found
     */
    public static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl == null) throw new IllegalArgumentException("JDBC URL is null");
        for (Dialect d : available()) {
            if (d.acceptsUrl(jdbcUrl)) return d;
        }
        String names = available().stream().map(Dialect::name).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("No Quarry dialect on the class path accepts " + redact(jdbcUrl)
                + " (dialects found: " + (names.isEmpty() ? "none" : names)
                + "); add the module quarry-dialect-<database> or pass a Dialect explicitly");
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}
