package dev.seqmind.insight.report;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.map.Pca;
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
 * The report's two maps: principal components fitted on every row, then at most {@code maxPoints} rows drawn (users:
 * a seeded uniform sample; items: the most frequent). Items are coloured by primary category: the 9 largest get a
 * colour each, the rest share "other". Immutable.
 */
record Maps(int maxPoints, long seed) {
    private static final int ITEM_COLOURS = 9;

    InsightReport.MapPoints users(SequenceDataset data, VectorTable basis, Clustering clustering) {
        List<String> groups = new ArrayList<>();
        for (int s = 0; s < clustering.k(); s++) {
            groups.add("segment " + s);
        }
        if (basis.dim() < 2) {
            return new InsightReport.MapPoints(groups, new double[0], basis.size(), List.of());
        }
        Pca pca = Pca.fit(basis.rows(), 2);
        int[] pick = Sampling.indices(basis.size(), maxPoints, new SplittableRandom(seed ^ 0x3A9));
        List<InsightReport.Point> points = new ArrayList<>(pick.length);
        for (int u : pick) {
            double[] xy = pca.project(basis.row(u));
            points.add(new InsightReport.Point(data.users().externalId(u), data.length(u) + " events", xy[0], xy[1],
                    clustering.labels()[u]));
        }
        return new InsightReport.MapPoints(groups, pca.explained(), basis.size(), points);
    }

    InsightReport.MapPoints items(SequenceDataset data, VectorTable items, ItemCategories cats) {
        int colours = Math.min(ITEM_COLOURS, cats.size());
        List<String> groups = new ArrayList<>(cats.names().subList(0, colours));
        groups.add(cats.available() ? "other" : "no category");
        if (items.dim() < 2 || items.size() < 2) {
            return new InsightReport.MapPoints(groups, new double[0], items.size(), List.of());
        }
        Pca pca = Pca.fit(items.rows(), 2);
        IdMap dataItems = data.items();
        int[] counts = data.itemCounts();
        int[] freq = new int[items.size()];
        int[] dense = new int[items.size()];
        for (int r = 0; r < freq.length; r++) {
            dense[r] = dataItems.denseId(items.ids().get(r));
            freq[r] = dense[r] == IdMap.ABSENT ? 0 : counts[dense[r]];
        }
        Integer[] order = new Integer[items.size()];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer r) -> -freq[r]).thenComparing(r -> r));
        List<InsightReport.Point> points = new ArrayList<>();
        for (int i = 0; i < Math.min(maxPoints, order.length); i++) {
            int r = order[i];
            double[] xy = pca.project(items.row(r));
            int primary = dense[r] == IdMap.ABSENT ? ItemCategories.NONE : cats.primary(dense[r]);
            int group = primary >= 0 && primary < colours ? primary : colours;
            String id = items.ids().get(r);
            points.add(new InsightReport.Point(id, data.catalog().label(id), xy[0], xy[1], group));
        }
        return new InsightReport.MapPoints(groups, pca.explained(), items.size(), points);
    }
}
