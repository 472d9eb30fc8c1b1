package dev.seqmind.data.clean;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;

import java.time.Duration;
import java.util.Arrays;

/**
 * Splits each user's events into sessions wherever the gap between consecutive events exceeds {@code gapMillis}.
 * Each session becomes its own sequence with the id {@code user#n} (n from 1). Drops nothing.
 */
public record SessionSplit(long gapMillis) implements CleaningStep {
    public SessionSplit {
        InvalidParameterException.requirePositive("session-gap", gapMillis);
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public String detail() {
        return "new session after " + Duration.ofMillis(gapMillis) + " without events";
    }

    @Override
    public TracedEvents apply(TracedEvents in, DropCounter drops) {
        SequenceDataset d = in.data();
        if (d.info().timeKind() != TimeKind.EPOCH_MILLIS) {
            throw new InvalidParameterException("session-gap", detail(), "used on data with timestamps",
                    "this input has no clock (" + d.info().timeKind() + ")");
        }
        IdMap.Builder sessions = new IdMap.Builder(d.numUsers() * 2);
        int[] offsets = new int[d.numInteractions() + 1];
        int count = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            int session = 0;
            for (int i = d.start(u); i < d.end(u); i++) {
                if (i == d.start(u) || d.time(i) - d.time(i - 1) > gapMillis) {
                    sessions.getOrAdd(d.users().externalId(u) + "#" + (++session));
                    offsets[count++] = i;
                }
            }
        }
        int[] off = Arrays.copyOf(offsets, count + 1);
        off[count] = d.numInteractions();
        int[] items = new int[d.numInteractions()];
        long[] times = new long[items.length];
        byte[] actions = new byte[items.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = d.item(i);
            times[i] = d.time(i);
            actions[i] = (byte) d.action(i);
        }
        SequenceDataset out = new SequenceDataset(sessions.build(), d.items(), d.actions(), off, items, times, actions,
                d.catalog(), d.info());
        return in.withData(out);
    }
}
