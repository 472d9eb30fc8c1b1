package dev.seqmind.data.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One item chain planted into a share of users: they see {@code items[0]}, later {@code items[1]}, and so on,
 * within one session (other events may come between). Dense item ids of the generator (0-based).
 *
 * @param id             0-based chain number
 * @param items          the chain (distinct items; not copied: callers must not modify)
 * @param targetFraction the share of users it is planted into (in expectation)
 */
record PlantedPattern(int id, int[] items, double targetFraction) {
    /** True when {@code seq[0, len)} contains the chain in order, not necessarily contiguously. */
    boolean containedIn(int[] seq, int len) {
        int k = 0;
        for (int i = 0; i < len && k < items.length; i++) {
            if (seq[i] == items[k]) {
                k++;
            }
        }
        return k == items.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlantedPattern p && p.id == id && Arrays.equals(p.items, items)
                && Double.compare(p.targetFraction, targetFraction) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(id) + Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return "PlantedPattern[" + id + ": " + Arrays.toString(items) + " in " + targetFraction + "]";
    }

    /**
     * Picks {@code config.patterns()} chains of distinct items, each preferably from one department (so chains read
     * like "tent, sleeping bag, lantern"), falling back to the whole catalogue for small ones.
     */
    static PlantedPattern[] choose(GeneratorConfig config, ItemUniverse universe, Vocabulary vocabulary) {
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(config.seed(), Seeds.PATTERNS));
        int len = config.patternLength();
        boolean[] used = new boolean[universe.size()];
        PlantedPattern[] out = new PlantedPattern[config.patterns()];
        for (int j = 0; j < out.length; j++) {
            String department = vocabulary.leaf(rnd.nextInt(vocabulary.leafCount())).department();
            int[] pool = poolOf(universe, vocabulary, department, used);
            if (pool.length < len) {
                pool = poolOf(universe, vocabulary, null, used);
            }
            int[] chain = new int[len];
            for (int k = 0; k < len; k++) {
                int pick = k + rnd.nextInt(pool.length - k);
                int t = pool[k];
                pool[k] = pool[pick];
                pool[pick] = t;
                chain[k] = pool[k];
                used[chain[k]] = true;
            }
            out[j] = new PlantedPattern(j, chain, config.patternFraction(j));
        }
        return out;
    }

    private static int[] poolOf(ItemUniverse universe, Vocabulary vocabulary, String department, boolean[] used) {
        int count = 0;
        int[] pool = new int[universe.size()];
        for (int c = 0; c < universe.leafCount(); c++) {
            if (department == null || vocabulary.leaf(c).department().equals(department)) {
                for (int item : universe.itemsOf(c)) {
                    if (!used[item]) {
                        pool[count++] = item;
                    }
                }
            }
        }
        return Arrays.copyOf(pool, count);
    }
}
