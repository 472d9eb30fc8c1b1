package dev.seqmind.rec.eval.report;

import dev.seqmind.rec.eval.BeyondAccuracy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code report.json} and {@code report.html} show. Absent numbers (no interval, no comparison) are
 * null, never NaN.
 *
 * @param title            one line for people
 * @param ranking          how targets were ranked, e.g. "full ranking over all items, seen items kept"
 * @param sampled          true when ranked against sampled negatives: every metric is then labelled "sampled"
 * @param seenExcluded     true when the user's seen items were removed from every ranking
 * @param ks               the cut-offs
 * @param keyMetric        the metric that picks the best baseline, e.g. "NDCG@10"
 * @param baseline         the model every other one is compared with (the best baseline by {@code keyMetric})
 * @param alpha            significance level of the markers
 * @param confidenceLevel  level of the bootstrap intervals
 * @param models           one entry per model, in the order they were run
 * @param reproducibility  dataset fingerprint, split, seeds, versions
 * @param protocols        cold-start protocols (the same models on subsets of the cases), empty when none was asked
 */
public record EvaluationReport(String title, String ranking, boolean sampled, boolean seenExcluded, int[] ks,
                               String keyMetric, String baseline, double alpha, double confidenceLevel,
                               List<ModelReport> models, Reproducibility reproducibility,
                               List<ProtocolReport> protocols) {
    public EvaluationReport {
        models = List.copyOf(models);
        protocols = List.copyOf(protocols);
    }

    /**
     * The models on one cold-start protocol's cases, compared with that protocol's best baseline.
     *
     * @param name        "cold-item" or "cold-user"
     * @param description which cases were kept and why
     * @param cases       the number of cases (0: no case qualified, and {@code models} is empty)
     * @param baseline    the model the others are compared with here (null when there is no case)
     * @param models      one entry per model, in run order
     */
    public record ProtocolReport(String name, String description, int cases, String baseline,
                                 List<ModelReport> models) {
        public ProtocolReport {
            models = List.copyOf(models);
        }
    }

    /**
     * One metric of one model.
     *
     * @param mean         mean over cases
     * @param low          bootstrap interval low end (null without bootstrap)
     * @param high         bootstrap interval high end
     * @param difference   mean difference to the baseline (null for the baseline itself)
     * @param tTestP       paired t-test p-value against the baseline
     * @param wilcoxonP    Wilcoxon signed-rank p-value against the baseline
     * @param marker       "better" or "worse" when both tests reject equality at alpha, "" otherwise,
     *                     "baseline" for the baseline
     */
    public record MetricValue(double mean, Double low, Double high, Double difference, Double tTestP,
                              Double wilcoxonP, String marker) {
    }

    /**
     * One model's figures.
     *
     * @param name            the model's name
     * @param trainer         the trainer's name
     * @param params          its configuration
     * @param baseline        whether it counts as a baseline
     * @param fitSeconds      fit wall time
     * @param evalSeconds     evaluation wall time
     * @param usersPerSecond  evaluation throughput
     * @param cases           evaluated cases
     * @param metrics         "NDCG@10" (or "NDCG@10 (sampled)") to value, in metric then K order
     * @param beyond          beyond-accuracy figures per K (empty when sampled)
     */
    public record ModelReport(String name, String trainer, Map<String, String> params, boolean baseline,
                              double fitSeconds, double evalSeconds, double usersPerSecond, int cases,
                              Map<String, MetricValue> metrics, List<BeyondAccuracy> beyond) {
        public ModelReport {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            beyond = List.copyOf(beyond);
        }
    }
}
