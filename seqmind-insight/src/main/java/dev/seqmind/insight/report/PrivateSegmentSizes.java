package dev.seqmind.insight.report;

import dev.seqmind.data.privacy.LaplaceMechanism;
import dev.seqmind.insight.segment.SegmentProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Releases the segment sizes of a report with differential privacy: every user is in exactly one segment, so the
 * size histogram changes by at most 1 in L1 when one user is added or removed; each size gets Laplace noise of scale
 * {@code 1 / epsilon}, is rounded and kept at or above 0, and the shares are the noisy sizes over their sum
 * (post-processing). Only the sizes and shares are private: the segments themselves (centroids, profiles, funnels,
 * patterns) are computed from the exact data. Stateless.
 */
public final class PrivateSegmentSizes {
    private PrivateSegmentSizes() {
    }

    /** {@code report} with noisy segment sizes and shares, in the same segment order. */
    public static InsightReport release(InsightReport report, double epsilon, RandomGenerator rng) {
        LaplaceMechanism noise = new LaplaceMechanism(1, epsilon);
        int[] sizes = new int[report.segments().size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) Math.max(0, Math.round(report.segments().get(i).size() + noise.sample(rng)));
            total += sizes[i];
        }
        List<SegmentProfile> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            SegmentProfile s = report.segments().get(i);
            out.add(new SegmentProfile(s.id(), sizes[i], total == 0 ? 0 : sizes[i] / (double) total, s.distinctive(),
                    s.topCategories(), s.topItems(), s.patterns(), s.funnel(), s.medianRecencyDays(),
                    s.medianEvents(), s.meanEvents(), s.medianSessions()));
        }
        return new InsightReport(report.title(), report.version(), report.dataset(), report.config(),
                report.userVectors(), report.itemVectors(), report.kChoice(), report.silhouette(), out,
                report.funnel(), report.topPatterns(), report.userMap(), report.itemMap(), report.userUmap(),
                report.itemUmap(), report.welcome(),
                report.seconds());
    }
}
