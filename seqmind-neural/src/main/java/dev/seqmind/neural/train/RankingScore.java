package dev.seqmind.neural.train;

/**
 * HR@K and NDCG@K of one-target full rankings, accumulated case by case (the early-stopping signal; the full
 * evaluator lives in seqmind-rec). A target's rank is the number of candidate items scoring strictly higher; items
 * excluded by the caller are not candidates, the target always is. Not thread-safe.
 */
public final class RankingScore {
    private final int k;
    private double hits;
    private double ndcg;
    private int cases;

    public RankingScore(int k) {
        this.k = k;
    }

    /**
     * Adds one case: {@code scores[offset, offset + numItems)} are the item scores, {@code excluded} (may be
     * {@code null}) lists dense ids that are not candidates.
     */
    public void add(float[] scores, int offset, int numItems, int target, int[] excluded) {
        float t = scores[offset + target];
        int rank = 0;
        for (int i = 0; i < numItems; i++) {
            if (scores[offset + i] > t) {
                rank++;
            }
        }
        if (excluded != null) {
            // items can repeat in a history: count each excluded item once
            java.util.BitSet seen = new java.util.BitSet(numItems);
            for (int e : excluded) {
                if (e != target && !seen.get(e)) {
                    seen.set(e);
                    if (scores[offset + e] > t) {
                        rank--;
                    }
                }
            }
        }
        cases++;
        if (rank < k) {
            hits++;
            ndcg += 1.0 / (Math.log(rank + 2) / Math.log(2));
        }
    }

    public int cases() {
        return cases;
    }

    public double hitRate() {
        return cases == 0 ? 0 : hits / cases;
    }

    public double ndcg() {
        return cases == 0 ? 0 : ndcg / cases;
    }
}
