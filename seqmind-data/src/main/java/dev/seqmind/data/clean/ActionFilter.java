package dev.seqmind.data.clean;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.SequenceDataset;

import java.util.Set;
import java.util.TreeSet;

/** Keeps only events whose action is listed (e.g. {@code buy}, or ratings {@code 4,5}). */
public record ActionFilter(Set<String> keep) implements CleaningStep {
    public ActionFilter {
        if (keep.isEmpty()) {
            throw new InvalidParameterException("actions", keep, "a non-empty list of actions to keep");
        }
        keep = Set.copyOf(keep);
    }

    @Override
    public String name() {
        return "actions";
    }

    @Override
    public String detail() {
        return "keep " + String.join(",", new TreeSet<>(keep));
    }

    @Override
    public TracedEvents apply(TracedEvents in, DropCounter drops) {
        SequenceDataset d = in.data();
        boolean[] kept = new boolean[d.actions().size()];
        boolean anyKnown = false;
        for (int a = 0; a < kept.length; a++) {
            kept[a] = keep.contains(d.actions().externalId(a));
            anyKnown |= kept[a];
        }
        if (!anyKnown && d.numInteractions() > 0) {
            throw new InvalidParameterException("actions", detail(), "one of the actions in the data "
                    + d.actions().externalIds(), "every event would be dropped");
        }
        boolean[] drop = new boolean[d.numInteractions()];
        for (int i = 0; i < drop.length; i++) {
            drop[i] = !kept[d.action(i)];
        }
        return CleaningStep.dropMarked(in, drop, "action not kept", drops);
    }
}
