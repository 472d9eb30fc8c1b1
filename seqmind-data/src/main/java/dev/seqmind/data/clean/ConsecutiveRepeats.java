package dev.seqmind.data.clean;

import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.SequenceDataset;

/** Drops an event that repeats the user's previous event (same item and action), e.g. page reloads. */
public record ConsecutiveRepeats() implements CleaningStep {
    @Override
    public String name() {
        return "repeats";
    }

    @Override
    public String detail() {
        return "same item and action as the user's previous event";
    }

    @Override
    public TracedEvents apply(TracedEvents in, DropCounter drops) {
        SequenceDataset d = in.data();
        boolean[] drop = new boolean[d.numInteractions()];
        for (int u = 0; u < d.numUsers(); u++) {
            for (int i = d.start(u) + 1; i < d.end(u); i++) {
                drop[i] = d.item(i) == d.item(i - 1) && d.action(i) == d.action(i - 1);
            }
        }
        return CleaningStep.dropMarked(in, drop, "consecutive repeat", drops);
    }
}
