package dev.seqmind.rec.eval;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each dense item's categories as a sorted {@code int[]} (empty when unknown), for intra-list diversity: the
 * distance of two items is {@code 1 - |A n B| / |A u B|} (Jaccard), and pairs where either item has no category are
 * skipped. Immutable and thread-safe.
 */
final class CategoryIndex {
    private final int[][] categories;
    private final boolean any;

    private CategoryIndex(int[][] categories, boolean any) {
        this.categories = categories;
        this.any = any;
    }

    static CategoryIndex of(IdMap items, ItemCatalog catalog) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] out = new int[items.size()][];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            List<String> cats = catalog.get(items.externalId(i)).categories();
            int[] c = new int[cats.size()];
            for (int j = 0; j < c.length; j++) {
                c[j] = ids.computeIfAbsent(cats.get(j), k -> ids.size());
            }
            Arrays.sort(c);
            out[i] = c;
            any |= c.length > 0;
        }
        return new CategoryIndex(out, any);
    }

    /** True when at least one item has a category. */
    boolean available() {
        return any;
    }

    /** Mean pairwise Jaccard distance of {@code list[0, n)}, or NaN when no pair has categories on both sides. */
    double intraListDistance(int[] list, int n) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            int[] a = categories[list[i]];
            if (a.length == 0) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                int[] b = categories[list[j]];
                if (b.length == 0) {
                    continue;
                }
                int inter = 0;
                int x = 0;
                int y = 0;
                while (x < a.length && y < b.length) {
                    if (a[x] == b[y]) {
                        inter++;
                        x++;
                        y++;
                    } else if (a[x] < b[y]) {
                        x++;
                    } else {
                        y++;
                    }
                }
                int union = a.length + b.length - inter;
                sum += 1.0 - (double) inter / union;
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }
}
