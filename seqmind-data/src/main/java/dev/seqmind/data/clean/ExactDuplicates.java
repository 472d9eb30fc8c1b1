package dev.seqmind.data.clean;

import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.SequenceDataset;

/**
 * Drops events identical to an earlier one of the same user: same item, action and time. Events of one user with the
 * same time are adjacent after grouping, so one scan of each run of equal times finds them.
 */
public record ExactDuplicates() implements CleaningStep {
    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public String detail() {
        return "same user, item, action and time";
    }

    @Override
    public TracedEvents apply(TracedEvents in, DropCounter drops) {
        SequenceDataset d = in.data();
        boolean[] drop = new boolean[d.numInteractions()];
        for (int u = 0; u < d.numUsers(); u++) {
            int runStart = d.start(u);
            for (int i = d.start(u); i < d.end(u); i++) {
                if (d.time(i) != d.time(runStart)) {
                    runStart = i;
                }
                for (int j = runStart; j < i; j++) {
                    if (!drop[j] && d.item(j) == d.item(i) && d.action(j) == d.action(i)) {
                        drop[i] = true;
                        break;
                    }
                }
            }
        }
        return CleaningStep.dropMarked(in, drop, "exact duplicate", drops);
    }
}
