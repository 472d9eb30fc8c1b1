package dev.seqmind.mining.privacy;

import dev.seqmind.data.privacy.PrivacyCost;
import dev.seqmind.mining.Pattern;

import java.util.List;

/**
 * What {@link PrivatePatternMiner} releases: patterns with noisy supports (rounded, never negative), best first, and
 * how it was done. Everything here may be published; nothing in it depends on the data except through the noise.
 *
 * @param patterns  the released patterns (sequence encoding of {@code dev.seqmind.mining}, or a set's items
 *                  ascending), ordered by noisy support, highest first
 * @param cost      the privacy cost of the release (charge it to the ledger before computing)
 * @param mechanism a one-line description of the mechanisms and thresholds, for the ledger and the report
 * @param levels    per pattern length: candidates measured and patterns passing the threshold
 */
public record PrivateRelease(List<Pattern> patterns, PrivacyCost cost, String mechanism, List<Level> levels) {
    public PrivateRelease {
        patterns = List.copyOf(patterns);
        levels = List.copyOf(levels);
    }

    /**
     * One level of the search.
     *
     * @param length     the pattern length
     * @param candidates keys measured (level 1: items present in the data; then public candidates)
     * @param released   those whose noisy support passed the threshold
     * @param threshold  the noisy support a key had to exceed
     * @param noiseStd   the standard deviation of the noise on each support
     */
    public record Level(int length, int candidates, int released, double threshold, double noiseStd) {
    }
}
