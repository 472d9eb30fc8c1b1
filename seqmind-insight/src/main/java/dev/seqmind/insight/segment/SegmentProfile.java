package dev.seqmind.insight.segment;

import java.util.List;

/**
 * What one segment is like.
 *
 * @param id                 segment number (0 = largest)
 * @param size               users
 * @param share              share of all users
 * @param distinctive        the features that set it apart: the centroid's largest standardised values (share =
 *                           z-score)
 * @param topCategories      categories by share of the segment's category weight, with lift over everyone
 * @param topItems           items by share of the segment's users who touched them, with lift
 * @param patterns           the sequential patterns most over-represented in the segment (by lift)
 * @param funnel             view -> cart -> buy over the segment's users
 * @param medianRecencyDays  median days since a user's last event (NaN without clock times)
 * @param medianEvents       median events per user
 * @param meanEvents         mean events per user
 * @param medianSessions     median sessions per user (NaN without clock times)
 */
public record SegmentProfile(int id, int size, double share, List<Share> distinctive, List<Share> topCategories,
                             List<Share> topItems, List<LiftedPattern> patterns, Funnel funnel,
                             double medianRecencyDays, double medianEvents, double meanEvents,
                             double medianSessions) {
    public SegmentProfile {
        distinctive = List.copyOf(distinctive);
        topCategories = List.copyOf(topCategories);
        topItems = List.copyOf(topItems);
        patterns = List.copyOf(patterns);
    }
}
