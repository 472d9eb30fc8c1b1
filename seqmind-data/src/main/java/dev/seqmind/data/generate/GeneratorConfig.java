package dev.seqmind.data.generate;

import dev.seqmind.data.error.InvalidParameterException;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link LogGenerator} makes. Validated on construction; immutable.
 *
 * @param users               number of users
 * @param items               number of items in the catalogue (some of the least popular may never occur)
 * @param events              exact number of event rows to write
 * @param seed                the same seed gives byte-identical output
 * @param zipfExponent        item popularity: the item of popularity rank r is drawn with weight {@code r^-s}
 * @param lengths             shape of user activity
 * @param lengthSkew          log-normal sigma, or Zipf exponent of user activity
 * @param minLength           every user gets at least this many events
 * @param meanSessionViews    mean number of item views per session (geometric)
 * @param patterns            number of planted item chains
 * @param patternLength       items per planted chain
 * @param patternMinFraction  share of users a chain is planted into, for the rarest chain
 * @param patternMaxFraction  the same, for the most common chain (shares are spread evenly in between)
 * @param start               earliest possible first event
 * @param startSpreadDays     users' first events are spread uniformly over this many days after {@code start}
 * @param activityDays        a user's sessions spread over about this many days: the more sessions, the shorter
 *                            the gaps between them (always at least 30 minutes)
 * @param segments            0 for none; otherwise every user belongs to one of this many planted segments (see
 *                            {@link LogGenerator#plantedSegment(int)}), which browse their own department and put
 *                            items in the cart at their own rate
 */
public record GeneratorConfig(int users, int items, long events, long seed, double zipfExponent,
                              LengthDistribution lengths, double lengthSkew, int minLength, double meanSessionViews,
                              int patterns, int patternLength, double patternMinFraction, double patternMaxFraction,
                              Instant start, int startSpreadDays, int activityDays, int segments) {
    /** Defaults for everything but the sizes and the seed. */
    public static GeneratorConfig of(int users, int items, long events, long seed) {
        return new GeneratorConfig(users, items, events, seed, 1.0, LengthDistribution.LOG_NORMAL, 1.0, 2, 6.0, 5, 3,
                0.02, 0.10, Instant.parse("2024-01-01T00:00:00Z"), 30, 60, 0);
    }

    public GeneratorConfig {
        InvalidParameterException.requirePositive("users", users);
        InvalidParameterException.requirePositive("items", items);
        InvalidParameterException.requirePositive("events", events);
        if (events > Integer.MAX_VALUE - 8L) {
            throw new InvalidParameterException("events", events, "at most " + (Integer.MAX_VALUE - 8),
                    "one dataset holds at most that many events; generate several logs");
        }
        if (!(zipfExponent >= 0 && zipfExponent <= 5)) {
            throw new InvalidParameterException("zipfExponent", zipfExponent, "in [0, 5]", "1.0 is typical");
        }
        Objects.requireNonNull(lengths, "lengths");
        if (!(lengthSkew >= 0 && lengthSkew <= 5)) {
            throw new InvalidParameterException("lengthSkew", lengthSkew, "in [0, 5]");
        }
        InvalidParameterException.requireInRange("minLength", minLength, 1, 1_000_000);
        if ((long) minLength * users > events) {
            throw new InvalidParameterException("events", events, ">= users * minLength = " + (long) minLength * users,
                    "raise --events or lower --users or --min-length");
        }
        if (!(meanSessionViews >= 1 && meanSessionViews <= 10_000)) {
            throw new InvalidParameterException("meanSessionViews", meanSessionViews, "in [1, 10000]");
        }
        InvalidParameterException.requireInRange("patterns", patterns, 0, 1_000);
        InvalidParameterException.requireInRange("patternLength", patternLength, 2, 20);
        if (patterns > 0 && (long) patterns * patternLength > items) {
            throw new InvalidParameterException("patterns", patterns, "at most items / patternLength = "
                    + items / patternLength, "planted chains use distinct items");
        }
        if (!(patternMinFraction > 0 && patternMinFraction <= patternMaxFraction && patternMaxFraction <= 1)) {
            throw new InvalidParameterException("patternMinFraction/patternMaxFraction",
                    patternMinFraction + "/" + patternMaxFraction, "0 < min <= max <= 1");
        }
        Objects.requireNonNull(start, "start");
        InvalidParameterException.requireInRange("startSpreadDays", startSpreadDays, 0, 36_500);
        InvalidParameterException.requireInRange("activityDays", activityDays, 1, 36_500);
        InvalidParameterException.requireInRange("segments", segments, 0, MAX_SEGMENTS);
    }

    /** At most one planted segment per department of the generated shop. */
    public static final int MAX_SEGMENTS = 8;

    /** The share of users chain {@code j} (0-based) is planted into. */
    public double patternFraction(int j) {
        return patterns == 1 ? patternMaxFraction
                : patternMinFraction + (patternMaxFraction - patternMinFraction) * j / (patterns - 1);
    }

    public GeneratorConfig withZipfExponent(double value) {
        return new GeneratorConfig(users, items, events, seed, value, lengths, lengthSkew, minLength,
                meanSessionViews, patterns, patternLength, patternMinFraction, patternMaxFraction, start,
                startSpreadDays, activityDays, segments);
    }

    public GeneratorConfig withLengths(LengthDistribution shape, double skew, int min) {
        return new GeneratorConfig(users, items, events, seed, zipfExponent, shape, skew, min, meanSessionViews,
                patterns, patternLength, patternMinFraction, patternMaxFraction, start, startSpreadDays,
                activityDays, segments);
    }

    public GeneratorConfig withPatterns(int count, int length, double minFraction, double maxFraction) {
        return new GeneratorConfig(users, items, events, seed, zipfExponent, lengths, lengthSkew, minLength,
                meanSessionViews, count, length, minFraction, maxFraction, start, startSpreadDays,
                activityDays, segments);
    }

    public GeneratorConfig withSessions(double meanViews) {
        return new GeneratorConfig(users, items, events, seed, zipfExponent, lengths, lengthSkew, minLength,
                meanViews, patterns, patternLength, patternMinFraction, patternMaxFraction, start, startSpreadDays,
                activityDays, segments);
    }

    /** The same config with {@code count} planted segments (0 for none). */
    public GeneratorConfig withSegments(int count) {
        return new GeneratorConfig(users, items, events, seed, zipfExponent, lengths, lengthSkew, minLength,
                meanSessionViews, patterns, patternLength, patternMinFraction, patternMaxFraction, start,
                startSpreadDays, activityDays, count);
    }
}
