package dev.quarry.dsl;

/**
 * A calendar interval of whole units, to add to a DATE or TIMESTAMP with {@link Field#plus(Interval)}
 * or subtract with {@link Field#minus(Interval)}: {@code RENTAL.rentalDate.plus(Interval.days(3))}.
 * The amount travels as a bind parameter on every dialect; only the unit is a keyword in the SQL text.
 *
 * <p>Adding months or years keeps the day of the month and clamps it to the last day of a shorter
 * month (2005-01-31 plus one month is 2005-02-28) on all three dialects: PostgreSQL and MySQL do so,
 * and SQLite (3.46+) is given its {@code 'floor'} modifier, without which it would overflow into
 * March.
 *
 * @param amount the number of units, may be negative
 * @param unit the unit; {@link DatePart#HOUR}, {@link DatePart#MINUTE} and {@link DatePart#SECOND}
 *             only for a TIMESTAMP
 */
public record Interval(int amount, DatePart unit) {
    /**
     * @param amount the number of units, may be negative
     * @param unit the unit, not null
     * @throws IllegalArgumentException if unit is null
     */
    public Interval {
        if (unit == null) throw new IllegalArgumentException("interval unit is null");
    }

    /**
     * @param n years, may be negative
     * @return the interval
     */
    public static Interval years(int n) { return new Interval(n, DatePart.YEAR); }

    /**
     * @param n months, may be negative
     * @return the interval
     */
    public static Interval months(int n) { return new Interval(n, DatePart.MONTH); }

    /**
     * @param n days, may be negative
     * @return the interval
     */
    public static Interval days(int n) { return new Interval(n, DatePart.DAY); }

    /**
     * @param n hours, may be negative
     * @return the interval (TIMESTAMP only)
     */
    public static Interval hours(int n) { return new Interval(n, DatePart.HOUR); }

    /**
     * @param n minutes, may be negative
     * @return the interval (TIMESTAMP only)
     */
    public static Interval minutes(int n) { return new Interval(n, DatePart.MINUTE); }

    /**
     * @param n seconds, may be negative
     * @return the interval (TIMESTAMP only)
     */
    public static Interval seconds(int n) { return new Interval(n, DatePart.SECOND); }

    /**
     * @return the same interval in the other direction
     * @throws ArithmeticException if the amount is {@link Integer#MIN_VALUE}
     */
    public Interval negate() { return new Interval(Math.negateExact(amount), unit); }
}
