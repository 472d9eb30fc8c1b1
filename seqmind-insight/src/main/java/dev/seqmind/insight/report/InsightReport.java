package dev.seqmind.insight.report;

import dev.seqmind.insight.audience.WelcomeFlows;
import dev.seqmind.insight.segment.Funnel;
import dev.seqmind.insight.segment.KChoice;
import dev.seqmind.insight.segment.LiftedPattern;
import dev.seqmind.insight.segment.SegmentProfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the insight report shows. Immutable once built.
 *
 * @param title        shown as the page title
 * @param version      seqmind version that made it
 * @param dataset      what was analysed
 * @param config       the settings used
 * @param userVectors  what the user vectors for segments and the map were
 * @param itemVectors  what the item vectors for the map were
 * @param kChoice      the number of segments and the evidence for it
 * @param silhouette   mean silhouette of the final segmentation (sampled on large inputs)
 * @param segments     one profile per segment, largest first
 * @param funnel       view -> cart -> buy over everyone
 * @param topPatterns  the most common sequential patterns over everyone
 * @param userMap      users on the first two principal components, coloured by segment
 * @param itemMap      items on the first two principal components, coloured by primary category
 * @param userUmap     a sample of users on a 2-D UMAP of the same vectors, coloured by segment (no points when off)
 * @param itemUmap     the most frequent items on a 2-D UMAP, coloured by primary category (no points when off)
 * @param welcome      welcome flows for new users
 * @param seconds      run time of each step, in order
 */
public record InsightReport(String title, String version, DatasetSummary dataset, InsightConfig config,
                            String userVectors, String itemVectors, KChoice kChoice, double silhouette,
                            List<SegmentProfile> segments, Funnel funnel, List<LiftedPattern> topPatterns,
                            MapPoints userMap, MapPoints itemMap, MapPoints userUmap, MapPoints itemUmap,
                            WelcomeFlows welcome, Map<String, Double> seconds) {
    public InsightReport {
        segments = List.copyOf(segments);
        topPatterns = List.copyOf(topPatterns);
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    /**
     * @param name          dataset name
     * @param users         users
     * @param items         items
     * @param events        events
     * @param actions       action names
     * @param timed         true when times are clock times
     * @param pseudonymised true when user ids are pseudonyms
     */
    public record DatasetSummary(String name, int users, int items, long events, List<String> actions, boolean timed,
                                 boolean pseudonymised) {
    }

    /**
     * Points of a 2-D map.
     *
     * @param groups    the colour groups' names; a point's {@code group} indexes it
     * @param explained share of variance on each axis
     * @param total     rows projected (the points are a sample when fewer)
     * @param points    the points drawn
     */
    public record MapPoints(List<String> groups, double[] explained, int total, List<Point> points) {
        public MapPoints {
            groups = List.copyOf(groups);
            points = List.copyOf(points);
        }
    }

    /** One point of a map: external id, label, coordinates and colour group. */
    public record Point(String id, String label, double x, double y, int group) {
    }
}
