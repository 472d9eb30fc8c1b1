package dev.seqmind.data.generate;

import java.util.SplittableRandom;

/**
 * The generated catalogue: each item's leaf category, popularity weight and title. Popularity follows Zipf over a
 * seeded random ranking of items (so dense ids carry no popularity signal); items are drawn either from the whole
 * catalogue or from one leaf category, with the same relative weights. Item {@code i} (0-based) has external id
 * {@code i + 1}. Immutable after construction.
 */
final class ItemUniverse {
    private final Vocabulary vocabulary;
    private final int[] leafOf;
    private final long[] titlePick;
    private final AliasSampler global;
    private final AliasSampler[] byLeaf;
    private final int[][] leafItems;
    private final double[] leafWeight;

    ItemUniverse(GeneratorConfig config, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        int n = config.items();
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(config.seed(), Seeds.ITEMS));
        int leaves = vocabulary.leafCount();
        leafOf = new int[n];
        titlePick = new long[n];
        int[] leafSize = new int[leaves];
        for (int i = 0; i < n; i++) {
            leafOf[i] = rnd.nextInt(leaves);
            titlePick[i] = rnd.nextLong();
            leafSize[leafOf[i]]++;
        }
        int[] rankOf = permutation(n, rnd);
        double[] weight = new double[n];
        double s = config.zipfExponent();
        for (int i = 0; i < n; i++) {
            weight[i] = Math.pow(rankOf[i] + 1.0, -s);
        }
        global = new AliasSampler(weight);
        leafItems = new int[leaves][];
        byLeaf = new AliasSampler[leaves];
        leafWeight = new double[leaves];
        int[] fill = new int[leaves];
        for (int c = 0; c < leaves; c++) {
            leafItems[c] = new int[leafSize[c]];
        }
        for (int i = 0; i < n; i++) {
            int c = leafOf[i];
            leafItems[c][fill[c]++] = i;
            leafWeight[c] += weight[i];
        }
        for (int c = 0; c < leaves; c++) {
            if (leafItems[c].length > 0) {
                double[] w = new double[leafItems[c].length];
                for (int k = 0; k < w.length; k++) {
                    w[k] = weight[leafItems[c][k]];
                }
                byLeaf[c] = new AliasSampler(w);
            }
        }
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    int size() {
        return leafOf.length;
    }

    int leafCount() {
        return leafItems.length;
    }

    /** Total popularity weight of leaf {@code c} (0 when it has no item). */
    double leafWeight(int c) {
        return leafWeight[c];
    }

    /** The department (top-level category) of leaf {@code c}. */
    String department(int c) {
        return vocabulary.leaf(c).department();
    }

    int leafOf(int item) {
        return leafOf[item];
    }

    /** Items of leaf {@code c} (shared array: do not modify). */
    int[] itemsOf(int c) {
        return leafItems[c];
    }

    int sampleGlobal(SplittableRandom rnd) {
        return global.sample(rnd);
    }

    /** An item of leaf {@code c} by popularity, or one of the whole catalogue when the leaf is empty. */
    int sampleInLeaf(int c, SplittableRandom rnd) {
        AliasSampler s = byLeaf[c];
        return s == null ? global.sample(rnd) : leafItems[c][s.sample(rnd)];
    }

    static String externalId(int item) {
        return Integer.toString(item + 1);
    }

    String title(int item) {
        return vocabulary.title(leafOf[item], titlePick[item], externalId(item));
    }

    /** The item's categories from general to specific, e.g. {@code Clothing} then {@code Clothing/Shirts}. */
    String[] categories(int item) {
        Vocabulary.Leaf leaf = vocabulary.leaf(leafOf[item]);
        return new String[] {leaf.department(), leaf.path()};
    }
}
