package dev.seqmind.insight.report;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.insight.segment.SegmentBasis;
import dev.seqmind.insight.vector.ItemVectorSource;

import java.util.Objects;

/**
 * What the insight report computes. Validated on construction; immutable.
 *
 * @param basis         what users are segmented on
 * @param minK          smallest number of segments tried
 * @param maxK          largest number tried
 * @param fixedK        0 to choose k from the data, else the k to use
 * @param restarts      k-means++ restarts per fit
 * @param seed          seed of every random step (sampling, k-means++)
 * @param maxCategories categories kept for profiles (the rest fold into "other")
 * @param mapPoints     at most this many users and items are drawn on each map (a seeded sample)
 * @param patternSteps  each user's last this many steps are mined for patterns
 * @param minAudience   segments smaller than this get no audience file
 * @param itemVectors   where item vectors come from
 * @param umapPoints    at most this many users and items get a UMAP map (a seeded sample); 0 = no UMAP map
 */
public record InsightConfig(SegmentBasis basis, int minK, int maxK, int fixedK, int restarts, long seed,
                            int maxCategories, int mapPoints, int patternSteps, int minAudience,
                            ItemVectorSource itemVectors, int umapPoints) {
    public InsightConfig {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(itemVectors, "itemVectors");
        if (umapPoints != 0) {
            InvalidParameterException.requireInRange("umapPoints", umapPoints, 20, 20_000);
        }
        InvalidParameterException.requireInRange("minK", minK, 2, 50);
        if (maxK < minK || maxK > 50) {
            throw new InvalidParameterException("maxK", maxK, "in [minK, 50] with minK = " + minK);
        }
        InvalidParameterException.requireInRange("fixedK", fixedK, 0, 200);
        InvalidParameterException.requireInRange("restarts", restarts, 1, 100);
        InvalidParameterException.requireInRange("maxCategories", maxCategories, 1, 1_000);
        InvalidParameterException.requireInRange("mapPoints", mapPoints, 10, 100_000);
        InvalidParameterException.requireInRange("patternSteps", patternSteps, 2, 100_000);
        InvalidParameterException.requireInRange("minAudience", minAudience, 1, Integer.MAX_VALUE);
    }

    public static InsightConfig defaults() {
        return new InsightConfig(SegmentBasis.INTERESTS, 2, 10, 0, 5, 42, 24, 3_000, 100, 50, ItemVectorSource.AUTO,
                2_000);
    }

    /** The same settings with another number of UMAP points (0 = no UMAP map). */
    public InsightConfig withUmapPoints(int value) {
        return new InsightConfig(basis, minK, maxK, fixedK, restarts, seed, maxCategories, mapPoints, patternSteps,
                minAudience, itemVectors, value);
    }
}
