package dev.seqmind.spark.ingest;

import dev.seqmind.data.clean.ActionFilter;
import dev.seqmind.data.clean.CleaningStep;
import dev.seqmind.data.clean.ConsecutiveRepeats;
import dev.seqmind.data.clean.ExactDuplicates;
import dev.seqmind.data.clean.LengthLimits;
import dev.seqmind.data.clean.SessionSplit;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.error.InvalidParameterException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cleaning steps of an ingest, as the {@code seqmind ingest} options choose them, in the same order. Every step
 * here works on one user's events at a time, so executors run seqmind-data's own step on partitions of whole users.
 * Serializable (it travels to executors); the steps themselves are built where they run.
 *
 * @param dedup            drop exact duplicate events
 * @param keepActions      keep only these actions (empty: all)
 * @param dropRepeats      drop an event repeating the user's previous one
 * @param sessionGapMillis split users into sessions at gaps longer than this (0: no split)
 * @param minLength        drop users with fewer events (0: none)
 * @param maxLength        keep each user's latest events only (0: all)
 * @param timeFrom         earliest accepted time, epoch millis (rows outside the range are dropped when read)
 * @param timeTo           latest accepted time, epoch millis
 */
public record CleaningSpec(boolean dedup, List<String> keepActions, boolean dropRepeats, long sessionGapMillis,
                           int minLength, int maxLength, long timeFrom, long timeTo) implements Serializable {
    /** No cleaning beyond rejecting malformed rows, every time accepted. */
    public static final CleaningSpec NONE = new CleaningSpec(false, List.of(), false, 0, 0, 0, Long.MIN_VALUE,
            Long.MAX_VALUE);

    public CleaningSpec {
        keepActions = List.copyOf(keepActions);
        if (sessionGapMillis < 0 || minLength < 0 || maxLength < 0) {
            throw new InvalidParameterException("cleaning", sessionGapMillis + "/" + minLength + "/" + maxLength,
                    "session gap, min and max length >= 0");
        }
    }

    /** This spec accepting only times in {@code range}. */
    public CleaningSpec withTimeRange(TimeRange range) {
        return new CleaningSpec(dedup, keepActions, dropRepeats, sessionGapMillis, minLength, maxLength,
                range.fromMillis(), range.toMillis());
    }

    /** The times the read accepts. */
    public TimeRange timeRange() {
        return new TimeRange(timeFrom, timeTo);
    }

    /** The steps, in the order {@code seqmind ingest} applies them. */
    public List<CleaningStep> steps() {
        List<CleaningStep> steps = new ArrayList<>();
        if (dedup) {
            steps.add(new ExactDuplicates());
        }
        if (!keepActions.isEmpty()) {
            steps.add(new ActionFilter(Set.copyOf(keepActions)));
        }
        if (dropRepeats) {
            steps.add(new ConsecutiveRepeats());
        }
        if (sessionGapMillis > 0) {
            steps.add(new SessionSplit(sessionGapMillis));
        }
        if (minLength > 0 || maxLength > 0) {
            steps.add(new LengthLimits(minLength, maxLength));
        }
        return steps;
    }
}
