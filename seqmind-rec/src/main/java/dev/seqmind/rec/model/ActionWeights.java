package dev.seqmind.rec.model;

import dev.seqmind.data.model.SequenceDataset;

/**
 * How much each event counts, from the weights the dataset records per action ({@code ingest --action-weight
 * buy=4,cart=2}): a buy can count four views in popularity and co-occurrence. Unweighted datasets weigh every event 1,
 * so counting models give exactly their unweighted results. Immutable.
 */
public final class ActionWeights {
    private final float[] byAction;
    private final boolean uniform;

    private ActionWeights(float[] byAction, boolean uniform) {
        this.byAction = byAction;
        this.uniform = uniform;
    }

    /** The weights {@code data} records, indexed by its dense action ids. */
    public static ActionWeights of(SequenceDataset data) {
        int n = data.actions().size();
        float[] w = new float[n];
        boolean uniform = true;
        for (int a = 0; a < n; a++) {
            w[a] = (float) data.info().weightOf(data.actions().externalId(a));
            uniform &= w[a] == 1f;
        }
        return new ActionWeights(w, uniform);
    }

    /** True when every event weighs 1. */
    public boolean uniform() {
        return uniform;
    }

    /** The weight of event {@code index} of {@code data} (the dataset these weights were made for). */
    public float of(SequenceDataset data, int index) {
        return uniform ? 1f : byAction[data.action(index)];
    }

    /** The summed weight of each item's events: its weighted popularity. */
    public float[] itemTotals(SequenceDataset data) {
        float[] out = new float[data.numItems()];
        for (int i = 0; i < data.numInteractions(); i++) {
            out[data.item(i)] += of(data, i);
        }
        return out;
    }
}
