package dev.seqmind.data.read;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** How a timestamp field is written; every format is turned into epoch milliseconds (UTC). */
public enum TimeFormat {
    /** Numbers: below 10^11 read as epoch seconds, else epoch milliseconds; other text as ISO-8601. */
    AUTO,
    EPOCH_SECONDS,
    EPOCH_MILLIS,
    /** ISO-8601: {@code 2024-05-01T10:00:00Z}, with an offset, without a zone (taken as UTC), or a date. */
    ISO;

    /** Returned by {@link #parse} for text it cannot read. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long SECONDS_LIMIT = 100_000_000_000L;

    /** How times of this format are written, for error messages. */
    public String describe() {
        return switch (this) {
            case AUTO -> "epoch seconds, epoch millis or ISO-8601";
            case EPOCH_SECONDS -> "epoch seconds";
            case EPOCH_MILLIS -> "epoch millis";
            case ISO -> "ISO-8601";
        };
    }

    /** Parses a canonical integer already extracted by the caller (the fast path). */
    public long fromNumber(long n) {
        return switch (this) {
            case EPOCH_SECONDS -> n * 1000;
            case EPOCH_MILLIS -> n;
            case AUTO -> Math.abs(n) < SECONDS_LIMIT ? n * 1000 : n;
            case ISO -> INVALID;
        };
    }

    /** Parses text; {@link #INVALID} when it is not a timestamp in this format. */
    public long parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return INVALID;
        }
        if (this != ISO) {
            try {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d) && Math.abs(d) < 9.2e15) {
                    return this == EPOCH_MILLIS || (this == AUTO && Math.abs(d) >= SECONDS_LIMIT) ? Math.round(d)
                            : Math.round(d * 1000);
                }
                return INVALID;
            } catch (NumberFormatException e) {
                if (this != AUTO) {
                    return INVALID;
                }
            }
        }
        return parseIso(t);
    }

    private static long parseIso(String t) {
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }
}
