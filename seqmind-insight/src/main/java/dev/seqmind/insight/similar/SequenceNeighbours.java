package dev.seqmind.insight.similar;

import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Users whose behaviour sequences are most alike in order. A user's sequence is their item ids with consecutive
 * repeats collapsed (a view then a cart of the same item is one step), cut to the last {@code maxLength} steps so
 * that a comparison costs at most {@code maxLength^2}. Every other user is compared (exact, brute force). Immutable
 * and thread-safe.
 */
public final class SequenceNeighbours {
    private final SequenceDataset data;
    private final int[][] sequences;

    public SequenceNeighbours(SequenceDataset data, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength " + maxLength + " < 1");
        }
        this.data = data;
        this.sequences = new int[data.numUsers()][];
        for (int u = 0; u < sequences.length; u++) {
            sequences[u] = steps(data.itemsOf(u), maxLength);
        }
    }

    /** {@code items} with consecutive repeats collapsed, the last {@code maxLength} steps kept. */
    static int[] steps(int[] items, int maxLength) {
        int n = 0;
        int[] out = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (i == 0 || items[i] != items[i - 1]) {
                out[n++] = items[i];
            }
        }
        int from = Math.max(0, n - maxLength);
        return Arrays.copyOfRange(out, from, n);
    }

    /** The collapsed, cut sequence of {@code user} (a copy). */
    public int[] sequence(int user) {
        return sequences[user].clone();
    }

    /** The {@code k} users most similar to {@code user} under {@code measure}, most similar first (ties: lower id). */
    public List<Neighbour> nearest(int user, int k, SequenceMeasure measure) {
        int[] q = sequences[user];
        List<Neighbour> all = new ArrayList<>();
        for (int v = 0; v < sequences.length; v++) {
            if (v != user) {
                all.add(new Neighbour(v, data.users().externalId(v), measure.similarity(q, sequences[v])));
            }
        }
        all.sort(Comparator.comparingDouble(Neighbour::similarity).reversed()
                .thenComparingInt(Neighbour::index));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
