package dev.seqmind.rec.eval;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * What a target is ranked against.
 *
 * @param sampledNegatives  0 for full ranking over every item (the default); otherwise the number of negatives drawn
 *                          uniformly per case from items that are not targets (and not seen, when seen items are
 *                          excluded) — results are then labelled "sampled" everywhere
 * @param seed              seed of the negative sampling (each case derives its own generator from it and its user)
 */
public record Candidates(int sampledNegatives, long seed) {
    public static final Candidates FULL = new Candidates(0, 0);

    public Candidates {
        if (sampledNegatives < 0) {
            throw new InvalidParameterException("sampledNegatives", sampledNegatives, ">= 0",
                    "0 ranks every item (full ranking)");
        }
    }

    public static Candidates sampled(int negatives, long seed) {
        if (negatives < 1) {
            throw new InvalidParameterException("negatives", negatives, ">= 1");
        }
        return new Candidates(negatives, seed);
    }

    public boolean isSampled() {
        return sampledNegatives > 0;
    }

    /** "full ranking" or "sampled (100 uniform negatives)". */
    public String label() {
        return isSampled() ? "sampled (" + sampledNegatives + " uniform negatives per case)"
                : "full ranking over all items";
    }
}
