package dev.seqmind.cli.tune;

import java.util.Map;

/**
 * One trial trained to one rung: a line of the trial log.
 *
 * @param trial           the trial's number (0-based; its options follow from it and the search seed)
 * @param rung            the successive-halving rung (0 = every trial)
 * @param epochs          epochs trained in total at this rung
 * @param params          the drawn {@code train} options
 * @param validationNdcg  best validation NDCG@10 over those epochs
 * @param validationHr    validation HR@10 at that epoch
 * @param bestEpoch       the epoch of the best validation NDCG@10
 * @param seconds         wall time this rung took for this trial
 */
public record TrialResult(int trial, int rung, int epochs, Map<String, String> params, double validationNdcg,
                          double validationHr, int bestEpoch, double seconds) {
    public TrialResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params)); // keeps the space's order
    }
}
