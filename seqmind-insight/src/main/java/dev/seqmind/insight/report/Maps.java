package dev.seqmind.insight.report;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.map.Pca;
import dev.seqmind.insight.map.UmapProjection;
import dev.seqmind.insight.segment.Clustering;
import dev.seqmind.insight.segment.Sampling;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.VectorTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The report's maps. PCA: principal components fitted on every row, then at most {@code maxPoints} rows drawn
 * (users: a seeded uniform sample; items: the most frequent). UMAP: fitted on at most {@code umapPoints} rows chosen
 * the same way (UMAP places only the rows it was fitted on); none when {@code umapPoints} is 0. Items are coloured by
 * primary category: the 9 largest get a colour each, the rest share "other". Immutable.
 */
record Maps(int maxPoints, int umapPoints, long seed) {
    private static final int ITEM_COLOURS = 9;
    private static final double[] NONE = new double[0];

    InsightReport.MapPoints users(SequenceDataset data, VectorTable basis, Clustering clustering) {
        if (basis.dim() < 2) {
            return new InsightReport.MapPoints(segments(clustering), NONE, basis.size(), List.of());
        }
        Pca pca = Pca.fit(basis.rows(), 2);
        int[] pick = userSample(basis, maxPoints);
        double[][] xy = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            xy[i] = pca.project(basis.row(pick[i]));
        }
        return userPoints(data, clustering, basis.size(), pick, xy, pca.explained());
    }

    InsightReport.MapPoints usersUmap(SequenceDataset data, VectorTable basis, Clustering clustering) {
        int[] pick = userSample(basis, umapPoints);
        if (umapPoints == 0 || basis.dim() < 2 || pick.length < 3) {
            return new InsightReport.MapPoints(segments(clustering), NONE, basis.size(), List.of());
        }
        double[][] xy = UmapProjection.defaults(seed).fit(rows(basis, pick));
        return userPoints(data, clustering, basis.size(), pick, xy, NONE);
    }

    InsightReport.MapPoints items(SequenceDataset data, VectorTable items, ItemCategories cats) {
        if (items.dim() < 2 || items.size() < 2) {
            return new InsightReport.MapPoints(itemGroups(cats), NONE, items.size(), List.of());
        }
        Pca pca = Pca.fit(items.rows(), 2);
        int[] pick = mostFrequent(data, items, maxPoints);
        double[][] xy = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            xy[i] = pca.project(items.row(pick[i]));
        }
        return itemPoints(data, items, cats, pick, xy, pca.explained());
    }

    InsightReport.MapPoints itemsUmap(SequenceDataset data, VectorTable items, ItemCategories cats) {
        int[] pick = umapPoints == 0 ? new int[0] : mostFrequent(data, items, umapPoints);
        if (items.dim() < 2 || pick.length < 3) {
            return new InsightReport.MapPoints(itemGroups(cats), NONE, items.size(), List.of());
        }
        double[][] xy = UmapProjection.defaults(seed).fit(rows(items, pick));
        return itemPoints(data, items, cats, pick, xy, NONE);
    }

    private int[] userSample(VectorTable basis, int max) {
        return Sampling.indices(basis.size(), max, new SplittableRandom(seed ^ 0x3A9));
    }

    private static double[][] rows(VectorTable table, int[] pick) {
        double[][] out = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            out[i] = table.row(pick[i]);
        }
        return out;
    }

    private static List<String> segments(Clustering clustering) {
        List<String> groups = new ArrayList<>();
        for (int s = 0; s < clustering.k(); s++) {
            groups.add("segment " + s);
        }
        return groups;
    }

    private static InsightReport.MapPoints userPoints(SequenceDataset data, Clustering clustering, int total,
                                                      int[] pick, double[][] xy, double[] explained) {
        List<InsightReport.Point> points = new ArrayList<>(pick.length);
        for (int i = 0; i < pick.length; i++) {
            int u = pick[i];
            points.add(new InsightReport.Point(data.users().externalId(u), data.length(u) + " events", xy[i][0],
                    xy[i][1], clustering.labels()[u]));
        }
        return new InsightReport.MapPoints(segments(clustering), explained, total, points);
    }

    private static List<String> itemGroups(ItemCategories cats) {
        int colours = Math.min(ITEM_COLOURS, cats.size());
        List<String> groups = new ArrayList<>(cats.names().subList(0, colours));
        groups.add(cats.available() ? "other" : "no category");
        return groups;
    }

    /** Rows of {@code items} by how often the data holds their item, most frequent first, at most {@code max}. */
    private static int[] mostFrequent(SequenceDataset data, VectorTable items, int max) {
        int[] counts = data.itemCounts();
        int[] freq = new int[items.size()];
        for (int r = 0; r < freq.length; r++) {
            int dense = data.items().denseId(items.ids().get(r));
            freq[r] = dense == IdMap.ABSENT ? 0 : counts[dense];
        }
        Integer[] order = new Integer[items.size()];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer r) -> -freq[r]).thenComparing(r -> r));
        int[] out = new int[Math.min(max, order.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    private static InsightReport.MapPoints itemPoints(SequenceDataset data, VectorTable items, ItemCategories cats,
                                                      int[] pick, double[][] xy, double[] explained) {
        List<String> groups = itemGroups(cats);
        int colours = groups.size() - 1;
        List<InsightReport.Point> points = new ArrayList<>(pick.length);
        for (int i = 0; i < pick.length; i++) {
            String id = items.ids().get(pick[i]);
            int dense = data.items().denseId(id);
            int primary = dense == IdMap.ABSENT ? ItemCategories.NONE : cats.primary(dense);
            int group = primary >= 0 && primary < colours ? primary : colours;
            points.add(new InsightReport.Point(id, data.catalog().label(id), xy[i][0], xy[i][1], group));
        }
        return new InsightReport.MapPoints(groups, explained, items.size(), points);
    }
}
