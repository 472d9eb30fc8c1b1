package dev.seqmind.insight.segment;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.UserActivity;
import dev.seqmind.insight.vector.VectorTable;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Builds a {@link SegmentProfile} for every segment of a clustering of a dataset's users. Immutable.
 *
 * @param show         entries per list (categories, items, patterns, distinctive features)
 * @param minePatterns patterns mined per segment before ranking by lift
 * @param minUsers     a pattern must be shared by at least this many of the segment's users
 */
public record SegmentProfiler(int show, int minePatterns, int minUsers) {
    public static SegmentProfiler defaults() {
        return new SegmentProfiler(5, 40, 5);
    }

    public List<SegmentProfile> profile(SequenceDataset data, ItemCategories categories, UserActivity activity,
                                        VectorTable features, Clustering clustering, PatternLift lift,
                                        Progress progress) {
        int n = data.numUsers();
        int[][] members = members(clustering);
        double[] allCats = categoryShares(data, categories, null);
        int[] allItemUsers = itemUsers(data, null);
        List<SegmentProfile> out = new ArrayList<>();
        try (Progress.Task task = progress.start("profile segments", clustering.k(), "segments")) {
            for (int s = 0; s < clustering.k(); s++) {
                int[] m = members[s];
                out.add(new SegmentProfile(s, m.length, m.length / (double) n,
                        distinctive(features, clustering.centroids()[s]),
                        topCategories(categories, categoryShares(data, categories, m), allCats),
                        topItems(data, itemUsers(data, m), m.length, allItemUsers, n),
                        lift.top(m, minePatterns, show, minUsers),
                        Funnel.of(data, m),
                        median(m, activity::recencyDays),
                        median(m, u -> activity.events(u)),
                        Arrays.stream(m).map(activity::events).average().orElse(Double.NaN),
                        activity.timed() ? median(m, u -> activity.sessions(u)) : Double.NaN));
                task.advance(1);
            }
        }
        return out;
    }

    static int[][] members(Clustering c) {
        int[] sizes = c.sizes();
        int[][] out = new int[c.k()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new int[sizes[s]];
        }
        int[] fill = new int[c.k()];
        for (int u = 0; u < c.labels().length; u++) {
            int s = c.labels()[u];
            out[s][fill[s]++] = u;
        }
        return out;
    }

    private List<Share> distinctive(VectorTable features, double[] centroid) {
        Integer[] order = new Integer[centroid.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(centroid[j])).thenComparing(j -> j));
        List<Share> out = new ArrayList<>();
        for (int i = 0; i < Math.min(show, order.length); i++) {
            String name = features.columns().get(order[i]);
            out.add(new Share(name, name, centroid[order[i]], Double.NaN));
        }
        return out;
    }

    /** Share of category weight per kept category (slot {@code size()} = other) over {@code users}. */
    private static double[] categoryShares(SequenceDataset data, ItemCategories categories, int[] users) {
        double[] w = new double[categories.size() + 1];
        int n = users == null ? data.numUsers() : users.length;
        for (int k = 0; k < n; k++) {
            int u = users == null ? k : users[k];
            for (int i = data.start(u); i < data.end(u); i++) {
                categories.addTo(data.item(i), w);
            }
        }
        double total = Arrays.stream(w).sum();
        for (int c = 0; c < w.length && total > 0; c++) {
            w[c] /= total;
        }
        return w;
    }

    private List<Share> topCategories(ItemCategories categories, double[] seg, double[] all) {
        List<Share> out = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            out.add(new Share(categories.names().get(c), categories.names().get(c), seg[c],
                    all[c] == 0 ? Double.NaN : seg[c] / all[c]));
        }
        out.sort(Comparator.comparingDouble(Share::share).reversed().thenComparing(Share::id));
        return List.copyOf(out.subList(0, Math.min(show, out.size())));
    }

    /** Users per item among {@code users} (all when null). */
    private static int[] itemUsers(SequenceDataset data, int[] users) {
        int[] count = new int[data.numItems()];
        int[] lastUser = new int[data.numItems()];
        Arrays.fill(lastUser, -1);
        int n = users == null ? data.numUsers() : users.length;
        for (int k = 0; k < n; k++) {
            int u = users == null ? k : users[k];
            for (int i = data.start(u); i < data.end(u); i++) {
                int item = data.item(i);
                if (lastUser[item] != u) {
                    lastUser[item] = u;
                    count[item]++;
                }
            }
        }
        return count;
    }

    private List<Share> topItems(SequenceDataset data, int[] seg, int segSize, int[] all, int allSize) {
        Integer[] order = new Integer[seg.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -seg[i]).thenComparing(i -> i));
        List<Share> out = new ArrayList<>();
        for (int r = 0; r < Math.min(show, order.length) && segSize > 0 && seg[order[r]] > 0; r++) {
            int i = order[r];
            String id = data.items().externalId(i);
            double share = seg[i] / (double) segSize;
            out.add(new Share(id, data.catalog().label(id), share, share / (all[i] / (double) allSize)));
        }
        return out;
    }

    private static double median(int[] users, IntToDoubleFunction value) {
        double[] v = Arrays.stream(users).mapToDouble(value).filter(x -> !Double.isNaN(x)).toArray();
        return v.length == 0 ? Double.NaN : new Median().evaluate(v);
    }
}
