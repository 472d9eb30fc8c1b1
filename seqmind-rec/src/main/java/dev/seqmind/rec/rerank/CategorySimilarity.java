package dev.seqmind.rec.rerank;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jaccard similarity of two items' category sets, {@code |A n B| / |A u B|}; 0 when either item has no category
 * (an item without categories is taken as unlike every other). This is one minus the evaluator's intra-list
 * distance, so re-ranking with it optimises the diversity the report shows. Immutable and thread-safe.
 *
 * <p>Categories are held as sorted dense {@code int[]} per item: items {a: [Drama, War], b: [War]} become
 * {a: [0, 1], b: [1]} and similarity(a, b) = 1 / 2.
 */
public final class CategorySimilarity implements ItemSimilarity {
    private final int[][] categories;
    private final boolean any;

    private CategorySimilarity(int[][] categories) {
        this.categories = categories;
        boolean found = false;
        for (int[] c : categories) {
            found |= c.length > 0;
        }
        this.any = found;
    }

    /** The categories the catalogue gives each dense item of {@code items} (none for items it does not list). */
    public static CategorySimilarity of(IdMap items, ItemCatalog catalog) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] out = new int[items.size()][];
        for (int i = 0; i < out.length; i++) {
            List<String> cats = catalog.get(items.externalId(i)).categories();
            out[i] = cats.stream().mapToInt(c -> ids.computeIfAbsent(c, k -> ids.size())).distinct().sorted()
                    .toArray();
        }
        return new CategorySimilarity(out);
    }

    /** From category ids per dense item (copied; any non-negative ints, duplicates ignored). */
    public static CategorySimilarity ofIds(int[][] categoryIds) {
        int[][] out = new int[categoryIds.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.stream(categoryIds[i]).distinct().sorted().toArray();
        }
        return new CategorySimilarity(out);
    }

    /** True when at least one item has a category (otherwise every similarity is 0 and re-ranking changes nothing). */
    public boolean available() {
        return any;
    }

    @Override
    public int numItems() {
        return categories.length;
    }

    @Override
    public double similarity(int a, int b) {
        int[] x = categories[a];
        int[] y = categories[b];
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int inter = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                inter++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) inter / (x.length + y.length - inter);
    }
}
