package dev.seqmind.rec.retrain;

import java.util.Map;

/**
 * What one retraining decided and why: both models' metric on the same recent slice, the paired test, and whether
 * the new model was promoted. Written as {@code decision.json} beside the new model.
 *
 * @param metric          the metric compared, e.g. "NDCG@10"
 * @param serving         the serving model's mean over the slice's users
 * @param candidate       the new model's mean over the same users
 * @param relativeGain    {@code candidate / serving - 1} (infinite when the serving model scores 0)
 * @param pValue          paired t-test p-value of the per-user differences
 * @param wilcoxonP       Wilcoxon signed-rank p-value of the same pairs
 * @param cases           users in the slice (pairs in the test)
 * @param margin          the relative gain required
 * @param alpha           the p-value required to be below
 * @param promoted        true when the candidate won by the margin and the test
 * @param reason          one sentence: why it was or was not promoted
 * @param slice           the slice: its time cut and protocol
 * @param trainer         the trainer and parameters fitted (the serving model's own)
 * @param facts           sizes and timings: training events, seconds to fit and to evaluate, fingerprints
 */
public record Decision(String metric, double serving, double candidate, double relativeGain, double pValue,
                       double wilcoxonP, int cases, double margin, double alpha, boolean promoted, String reason,
                       String slice, Map<String, String> trainer, Map<String, Object> facts) {
    public Decision {
        trainer = Map.copyOf(trainer);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }

    /** The same decision with {@code key = value} added to its facts. */
    public Decision withFact(String key, Object value) {
        var f = new java.util.LinkedHashMap<>(facts);
        f.put(key, value);
        return new Decision(metric, serving, candidate, relativeGain, pValue, wilcoxonP, cases, margin, alpha,
                promoted, reason, slice, trainer, f);
    }
}
