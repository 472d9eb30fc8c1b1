package dev.seqmind.data.split;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cold-item split: a seeded random share of the items is held out of training altogether, as if they had been added
 * to the catalogue after the model was trained. Cases are leave-one-out (each user's last event is the test target,
 * the one before it the validation target; users with fewer than 3 events are not evaluated), and every event on a
 * held-out item is removed from {@code train} and {@code trainForTest}. Histories are prefixes of the full
 * sequences, so they may contain held-out items: new items users met after training.
 *
 * <p>Worked example: sequences {@code u0: a b c d}, {@code u1: b c e}, held-out {@code {c}}: u0's test case is history
 * {@code a b c} with target {@code d}, u1's is {@code b c} with target {@code e}; {@code trainForTest} holds
 * {@code u0: a b} and {@code u1: b}. The cold-item protocol ({@code ColdStart}) then keeps the cases whose target is
 * held out. Stateless.
 */
public final class ColdItemSplitter {
    private final double fraction;
    private final long seed;

    /**
     * @param fraction share of items held out, in (0, 1)
     * @param seed     seed of the choice
     */
    public ColdItemSplitter(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidParameterException("cold item fraction", fraction, "in (0, 1)");
        }
        this.fraction = fraction;
        this.seed = seed;
    }

    /** The held-out items of {@code numItems} (a mask by dense id): the first {@code fraction} of a seeded shuffle. */
    public boolean[] heldOut(int numItems) {
        int[] order = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = numItems - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] out = new boolean[numItems];
        int n = (int) Math.round(fraction * numItems);
        for (int i = 0; i < n; i++) {
            out[order[i]] = true;
        }
        return out;
    }

    public Split split(SequenceDataset data) {
        boolean[] held = heldOut(data.numItems());
        int n = data.numUsers();
        int[] trainLen = new int[n];
        int[] trainForTestLen = new int[n];
        List<EvalCase> validation = new ArrayList<>();
        List<EvalCase> test = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            int len = data.length(u);
            int start = data.start(u);
            if (len < 3) {
                trainLen[u] = len;
                trainForTestLen[u] = len;
                continue;
            }
            trainLen[u] = len - 2;
            trainForTestLen[u] = len - 1;
            validation.add(new EvalCase(u, len - 2, new int[] {data.item(start + len - 2)}));
            test.add(new EvalCase(u, len - 1, new int[] {data.item(start + len - 1)}));
        }
        int heldCount = 0;
        for (boolean h : held) {
            heldCount += h ? 1 : 0;
        }
        return new Split("cold-item (" + heldCount + " of " + data.numItems() + " items held out of training, seed "
                + seed + "; leave-one-out cases)", data, withoutHeldOut(data.prefixes(trainLen), held),
                withoutHeldOut(data.prefixes(trainForTestLen), held), validation, test);
    }

    /** {@code data} without any event on a held-out item; id maps, catalog and info shared. */
    static SequenceDataset withoutHeldOut(SequenceDataset data, boolean[] held) {
        int n = data.numUsers();
        int[] offsets = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < data.numInteractions(); i++) {
            kept += held[data.item(i)] ? 0 : 1;
        }
        int[] items = new int[kept];
        long[] times = new long[kept];
        byte[] actions = new byte[kept];
        int k = 0;
        for (int u = 0; u < n; u++) {
            for (int i = data.start(u); i < data.end(u); i++) {
                if (!held[data.item(i)]) {
                    items[k] = data.item(i);
                    times[k] = data.time(i);
                    actions[k] = (byte) data.action(i);
                    k++;
                }
            }
            offsets[u + 1] = k;
        }
        return new SequenceDataset(data.users(), data.items(), data.actions(), offsets, items, times, actions,
                data.catalog(), data.info());
    }
}
