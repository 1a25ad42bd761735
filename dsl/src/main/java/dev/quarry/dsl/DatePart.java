package dev.quarry.dsl;

/**
 * A field of a date or timestamp, for {@link Field#extract(DatePart)}, {@link Field#truncateTo(DatePart)}
 * and {@link Interval}. A DATE has only {@link #YEAR}, {@link #MONTH} and {@link #DAY}.
 */
public enum DatePart {
    /** The year (SQL {@code YEAR}). */
    YEAR,
    /** The month of the year, 1 to 12 ({@code MONTH}). */
    MONTH,
    /** The day of the month, 1 to 31 ({@code DAY}). */
    DAY,
    /** The hour of the day, 0 to 23 ({@code HOUR}). */
    HOUR,
    /** The minute of the hour, 0 to 59 ({@code MINUTE}). */
    MINUTE,
    /** The second of the minute, 0 to 59, without its fraction ({@code SECOND}). */
    SECOND;

    /** @return whether a DATE has this part (YEAR, MONTH, DAY) */
    public boolean ofDate() {
        return this == YEAR || this == MONTH || this == DAY;
    }
}
