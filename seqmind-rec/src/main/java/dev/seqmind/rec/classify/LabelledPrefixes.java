package dev.seqmind.rec.classify;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One example per sequence (a user's history, or a session when the dataset was cut into sessions): the events before
 * the first {@code label} action, labelled 1, or every event of a sequence without that action, labelled 0. A
 * sequence whose first event already is the label has nothing to predict from and is skipped (counted). The label
 * event and everything after it are never part of an input.
 *
 * <p>Example with label buy: {@code pv a, cart a, buy a, pv b} gives ({@code pv a, cart a}, 1); {@code pv a, pv b}
 * gives ({@code pv a, pv b}, 0).
 *
 * @param items     item ids of each input, oldest first
 * @param actions   action ids of each input (the dataset's action map), aligned with {@code items}
 * @param labels    1 or 0 per example
 * @param sequences the dataset sequence each example came from
 * @param split     0 train, 1 validation, 2 test (by a seeded draw per sequence: 80/10/10)
 * @param skipped   sequences that start with the label action
 */
public record LabelledPrefixes(int[][] items, int[][] actions, byte[] labels, int[] sequences, byte[] split,
                               int skipped) {
    public static final byte TRAIN = 0;
    public static final byte VALIDATION = 1;
    public static final byte TEST = 2;

    /** Cuts {@code data} at its first {@code label} action; the split draws from {@code seed}. */
    public static LabelledPrefixes of(SequenceDataset data, String label, long seed) {
        IdMap actions = data.actions();
        int target = actions.denseId(label);
        if (target == IdMap.ABSENT) {
            List<String> known = new ArrayList<>();
            for (int a = 0; a < actions.size(); a++) {
                known.add(actions.externalId(a));
            }
            throw new InvalidParameterException("--label", label, "an action of the data " + known);
        }
        List<int[]> items = new ArrayList<>();
        List<int[]> acts = new ArrayList<>();
        List<Byte> labels = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        int skipped = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            int start = data.start(u);
            int end = data.end(u);
            int cut = end;
            for (int i = start; i < end; i++) {
                if (data.action(i) == target) {
                    cut = i;
                    break;
                }
            }
            if (cut == start) {
                skipped += end > start ? 1 : 0;
                continue;
            }
            int[] it = new int[cut - start];
            int[] ac = new int[cut - start];
            for (int i = start; i < cut; i++) {
                it[i - start] = data.item(i);
                ac[i - start] = data.action(i);
            }
            items.add(it);
            acts.add(ac);
            labels.add((byte) (cut < end ? 1 : 0));
            seqs.add(u);
        }
        int n = items.size();
        byte[] y = new byte[n];
        int[] s = new int[n];
        byte[] split = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.get(i);
            s[i] = seqs.get(i);
            double r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s[i]).nextDouble();
            split[i] = r < 0.8 ? TRAIN : r < 0.9 ? VALIDATION : TEST;
        }
        return new LabelledPrefixes(items.toArray(int[][]::new), acts.toArray(int[][]::new), y, s, split, skipped);
    }

    public int size() {
        return labels.length;
    }

    /** Indices of the examples in {@code part} ({@link #TRAIN}, {@link #VALIDATION} or {@link #TEST}). */
    public int[] indices(byte part) {
        int c = 0;
        for (byte b : split) {
            c += b == part ? 1 : 0;
        }
        int[] out = new int[c];
        c = 0;
        for (int i = 0; i < split.length; i++) {
            if (split[i] == part) {
                out[c++] = i;
            }
        }
        return out;
    }

    /** The fraction of positive examples among {@code idx}. */
    public double positiveRate(int[] idx) {
        long p = 0;
        for (int i : idx) {
            p += labels[i];
        }
        return idx.length == 0 ? Double.NaN : (double) p / idx.length;
    }
}
