package dev.quarry.dsl;

/**
 * The portable SQL type families Quarry knows. Each dialect maps a family (with the length, precision
 * and scale of its {@link DataType}) to a concrete column type and to a JDBC binding; the README's
 * type table lists the mapping per dialect.
 */
public enum SqlType {
    /** 32-bit signed integer; Java {@link Integer}. SQL:2016 INTEGER. */
    INTEGER,
    /** 64-bit signed integer; Java {@link Long}. SQL:2016 BIGINT. */
    BIGINT,
    /** 16-bit signed integer; Java {@link Short} (schema columns) or {@link Integer}. SQL:2016 SMALLINT. */
    SMALLINT,
    /** Variable-length character string of at most {@code length} characters; Java {@link String}. */
    VARCHAR,
    /** Fixed-length character string of {@code length} characters; Java {@link String}. */
    CHAR,
    /** Character string without a declared limit; Java {@link String}. */
    TEXT,
    /** Boolean; Java {@link Boolean}. */
    BOOLEAN,
    /** Exact numeric with {@code precision} digits, {@code scale} of them after the point; Java {@link java.math.BigDecimal}. */
    DECIMAL,
    /** Single-precision floating point; Java {@link Float}. */
    REAL,
    /** Double-precision floating point; Java {@link Double}. */
    DOUBLE,
    /** Calendar date without time of day or zone; Java {@link java.time.LocalDate}. */
    DATE,
    /** Date and time of day without zone, to the microsecond; Java {@link java.time.LocalDateTime}. */
    TIMESTAMP,
    /** An instant with an offset; Java {@link java.time.OffsetDateTime}. */
    TIMESTAMPTZ,
    /** RFC 4122 UUID; Java {@link java.util.UUID}. */
    UUID,
    /** Binary large object; Java {@code byte[]}. */
    BLOB,
    /** A Java enum stored by its name (or {@link DbEnum#dbName()}) in a character column. */
    ENUM,
    /** A JSON document as text; Java {@link String}. PostgreSQL {@code json} keeps the text as given. */
    JSON,
    /** A JSON document in a binary, normalized form (PostgreSQL {@code jsonb}); Java {@link String}. */
    JSONB,
    /** An array of an element type (PostgreSQL arrays); Java {@link java.util.List} of the element's Java type. */
    ARRAY
}
