package dev.seqmind.data.clean;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.SequenceDataset;

/**
 * Drops users with fewer than {@code min} events and keeps only the most recent {@code max} events of longer ones
 * ({@code max = 0}: no limit).
 */
public record LengthLimits(int min, int max) implements CleaningStep {
    public LengthLimits {
        if (min < 0) {
            throw new InvalidParameterException("min-length", min, ">= 0");
        }
        if (max != 0 && max < Math.max(1, min)) {
            throw new InvalidParameterException("max-length", max, "0 (no limit) or >= min-length " + min);
        }
    }

    @Override
    public String name() {
        return "length";
    }

    @Override
    public String detail() {
        return "min " + min + (max > 0 ? ", keep the latest " + max : "") + " events per user";
    }

    @Override
    public TracedEvents apply(TracedEvents in, DropCounter drops) {
        SequenceDataset d = in.data();
        byte[] reason = new byte[d.numInteractions()];
        for (int u = 0; u < d.numUsers(); u++) {
            int len = d.length(u);
            int from = len < min ? d.end(u) : (max > 0 ? Math.max(d.start(u), d.end(u) - max) : d.start(u));
            for (int i = d.start(u); i < from; i++) {
                reason[i] = len < min ? (byte) 1 : (byte) 2;
            }
        }
        return CleaningStep.dropByReason(in, reason, new String[] {"user shorter than " + min,
                "older than the latest " + max}, drops);
    }
}
