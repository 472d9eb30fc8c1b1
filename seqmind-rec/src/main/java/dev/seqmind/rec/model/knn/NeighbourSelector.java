package dev.seqmind.rec.model.knn;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.model.ItemPopularity;
import dev.seqmind.rec.rank.TopKSelector;

/**
 * The last step of the item-KNN fit, public so that co-occurrence sums computed elsewhere (e.g. aggregated on a
 * cluster) give the very model {@link ItemKnnTrainer#fit} gives: cosine normalisation of one item's co-occurrence sums
 * and the choice of its {@code neighbours} most similar items (ties: lower id first), then the assembly of the model.
 *
 * <p>Not thread-safe: each thread uses its own instance (it owns a dense scratch row of {@code numItems} floats).
 */
public final class NeighbourSelector {
    private final ItemKnnTrainer params;
    private final float[] norms;
    private final float[] acc;
    private final TopKSelector sel = new TopKSelector();

    /**
     * @param norms each item's (action-weighted) event count in the training data; without action weights, its
     *              number of events
     */
    public NeighbourSelector(ItemKnnTrainer params, float[] norms) {
        this.params = params;
        this.norms = norms;
        this.acc = new float[norms.length];
    }

    /**
     * Item {@code a}'s neighbours from its co-occurrence sums {@code sums[k]} with items {@code others[k]} ({@code k <
     * length}, distinct, none equal to {@code a}).
     */
    public TopKSelector.Result select(int a, int[] others, float[] sums, int length) {
        for (int j = 0; j < length; j++) {
            acc[others[j]] = sums[j];
        }
        return normaliseAndSelect(a, others, length);
    }

    /** The step on a dense row {@code acc} that {@code touched[0, t)} index; clears those entries of the row. */
    TopKSelector.Result normaliseAndSelect(int a, float[] row, int[] touched, int t) {
        for (int j = 0; j < t; j++) {
            int b = touched[j];
            row[b] = (float) (row[b] / Math.sqrt((double) norms[a] * norms[b]));
        }
        TopKSelector.Result top = sel.selectAmong(row, touched, t, params.neighbours());
        for (int j = 0; j < t; j++) {
            row[touched[j]] = 0f;
        }
        return top;
    }

    private TopKSelector.Result normaliseAndSelect(int a, int[] touched, int t) {
        return normaliseAndSelect(a, acc, touched, t);
    }

    /**
     * The fitted model from every item's neighbours ({@code ids[i]}, {@code sims[i]} as {@link #select} returns
     * them; an item without neighbours has empty arrays), as {@link ItemKnnTrainer#fit} builds it.
     */
    public static ItemKnnRecommender model(ItemKnnTrainer params, IdMap items, int[] itemCounts, int[][] ids,
                                           float[][] sims) {
        int numItems = items.size();
        int[] start = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            start[i + 1] = start[i] + ids[i].length;
        }
        int[] allIds = new int[start[numItems]];
        float[] allSims = new float[allIds.length];
        for (int i = 0; i < numItems; i++) {
            System.arraycopy(ids[i], 0, allIds, start[i], ids[i].length);
            System.arraycopy(sims[i], 0, allSims, start[i], sims[i].length);
        }
        return new ItemKnnRecommender(params.name(), items, new NeighbourTable(start, allIds, allSims),
                ItemPopularity.scale(itemCounts), params.historyItems(), (float) params.historyDecay());
    }
}
