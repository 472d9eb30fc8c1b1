package dev.seqmind.data.collect;

import dev.seqmind.data.error.InvalidParameterException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;

/**
 * The timestamps an ingest accepts, in epoch milliseconds, both ends inclusive. A time outside it is almost always a
 * fault (a {@code -5}, a zero, milliseconds read as seconds) rather than a real event, so such rows are dropped and
 * counted. {@link #ANY} accepts everything.
 *
 * @param fromMillis earliest accepted time
 * @param toMillis   latest accepted time
 */
public record TimeRange(long fromMillis, long toMillis) {
    /** Accepts every timestamp. */
    public static final TimeRange ANY = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    /** The default lower end: no behaviour log of interest is older. */
    public static final LocalDate PLAUSIBLE_START = LocalDate.of(1990, 1, 1);

    public TimeRange {
        if (fromMillis > toMillis) {
            throw new InvalidParameterException("--time-range", Instant.ofEpochMilli(fromMillis) + ".."
                    + Instant.ofEpochMilli(toMillis), "FROM..TO with FROM not after TO");
        }
    }

    /** 1990-01-01 to one day after {@code now}: the default of {@code ingest --time-range}. */
    public static TimeRange plausible(Instant now) {
        return new TimeRange(PLAUSIBLE_START.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(),
                now.plus(Duration.ofDays(1)).toEpochMilli());
    }

    /**
     * Parses {@code FROM..TO} (each an ISO date or date-time, or epoch seconds; either may be left empty for no bound),
     * {@code any}, or {@code default} (the plausible range ending one day after {@code now}).
     */
    public static TimeRange parse(String text, Instant now) {
        String t = text.trim();
        if (t.equalsIgnoreCase("any")) {
            return ANY;
        }
        if (t.equalsIgnoreCase("default")) {
            return plausible(now);
        }
        int dots = t.indexOf("..");
        if (dots < 0) {
            throw new InvalidParameterException("--time-range", text, "FROM..TO (e.g. 1990-01-01..2030-01-01), "
                    + "'default' or 'any'");
        }
        return new TimeRange(bound(t.substring(0, dots), Long.MIN_VALUE, text),
                bound(t.substring(dots + 2), Long.MAX_VALUE, text));
    }

    private static long bound(String s, long open, String whole) {
        String t = s.trim();
        if (t.isEmpty()) {
            return open;
        }
        try {
            if (t.matches("-?\\d{1,12}")) {
                return Long.parseLong(t) * 1000;
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidParameterException("--time-range", whole, "FROM..TO with ISO dates (2020-01-31), "
                    + "date-times (2020-01-31T12:00:00Z) or epoch seconds", "'" + t + "' is none of them");
        }
    }

    public boolean contains(long millis) {
        return millis >= fromMillis && millis <= toMillis;
    }

    @Override
    public String toString() {
        return this.equals(ANY) ? "any" : end(fromMillis) + ".." + end(toMillis);
    }

    private static String end(long millis) {
        return millis == Long.MIN_VALUE || millis == Long.MAX_VALUE ? "" : Instant.ofEpochMilli(millis).toString();
    }
}
