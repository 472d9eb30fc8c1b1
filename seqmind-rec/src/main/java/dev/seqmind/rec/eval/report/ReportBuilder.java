package dev.seqmind.rec.eval.report;

import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.eval.Significance;
import dev.seqmind.rec.topk.SeenItems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns model runs into an {@link EvaluationReport}: bootstrap intervals for every metric@K (the resamples of one
 * model are shared across its metrics, seeded), and paired t-test and Wilcoxon against the best baseline.
 */
public final class ReportBuilder {
    private final double alpha;
    private final double level;

    public ReportBuilder(double alpha, double confidenceLevel) {
        this.alpha = alpha;
        this.level = confidenceLevel;
    }

    public EvaluationReport build(String title, List<ModelRun> runs, Reproducibility repro) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no model was evaluated");
        }
        EvalResult first = runs.get(0).result();
        int[] ks = first.ks();
        int keyK = closestTo10(ks);
        ModelRun base = bestBaseline(runs, keyK);
        List<EvaluationReport.ModelReport> models = new ArrayList<>();
        for (ModelRun run : runs) {
            models.add(model(run, base, ks));
        }
        var cfg = first.config();
        return new EvaluationReport(title, first.ranking(), first.sampled(), cfg.seen() == SeenItems.EXCLUDE, ks,
                first.label(Metric.NDCG, keyK), base.result().model(), alpha, level, models, repro,
                protocols(runs, ks, keyK));
    }

    /** Each protocol of the first run, its models compared with the protocol's own best baseline. */
    private List<EvaluationReport.ProtocolReport> protocols(List<ModelRun> runs, int[] ks, int keyK) {
        List<EvaluationReport.ProtocolReport> out = new ArrayList<>();
        List<ModelRun.ProtocolResult> first = runs.get(0).protocols();
        for (int p = 0; p < first.size(); p++) {
            List<ModelRun> onProtocol = new ArrayList<>();
            for (ModelRun run : runs) {
                if (p < run.protocols().size() && run.protocols().get(p).result().isPresent()) {
                    onProtocol.add(new ModelRun(run.trainer(), run.params(), run.baseline(), run.fitSeconds(),
                            run.protocols().get(p).result().get()));
                }
            }
            ModelRun.ProtocolResult pr = first.get(p);
            if (onProtocol.isEmpty()) {
                out.add(new EvaluationReport.ProtocolReport(pr.protocol(), pr.description(), 0, null, List.of()));
                continue;
            }
            ModelRun base = bestBaseline(onProtocol, keyK);
            List<EvaluationReport.ModelReport> models = new ArrayList<>();
            for (ModelRun run : onProtocol) {
                models.add(model(run, base, ks));
            }
            out.add(new EvaluationReport.ProtocolReport(pr.protocol(), pr.description(),
                    base.result().numCases(), base.result().model(), models));
        }
        return out;
    }

    private static int closestTo10(int[] ks) {
        int best = ks[0];
        for (int k : ks) {
            if (Math.abs(k - 10) < Math.abs(best - 10)) {
                best = k;
            }
        }
        return best;
    }

    private static ModelRun bestBaseline(List<ModelRun> runs, int k) {
        ModelRun best = null;
        for (ModelRun r : runs) {
            if (r.baseline() && (best == null || r.result().mean(Metric.NDCG, k) > best.result().mean(Metric.NDCG, k))) {
                best = r;
            }
        }
        if (best == null) {
            for (ModelRun r : runs) {
                if (best == null || r.result().mean(Metric.NDCG, k) > best.result().mean(Metric.NDCG, k)) {
                    best = r;
                }
            }
        }
        return best;
    }

    private EvaluationReport.ModelReport model(ModelRun run, ModelRun base, int[] ks) {
        EvalResult r = run.result();
        Metric[] metrics = Metric.values();
        float[][] all = new float[metrics.length * ks.length][];
        int j = 0;
        for (Metric m : metrics) {
            for (int k : ks) {
                all[j++] = r.values(m, k);
            }
        }
        var cfg = r.config();
        Significance.Interval[] ci = Significance.bootstrap(all, cfg.bootstrapSamples(), level, cfg.seed());
        Map<String, EvaluationReport.MetricValue> values = new LinkedHashMap<>();
        j = 0;
        boolean isBase = run == base;
        for (Metric m : metrics) {
            for (int k : ks) {
                Significance.Interval iv = ci[j];
                Double diff = null;
                Double tp = null;
                Double wp = null;
                String marker = isBase ? "baseline" : "";
                if (!isBase) {
                    Significance.Comparison c = Significance.compare(all[j], base.result().values(m, k));
                    diff = c.meanDifference();
                    tp = c.tTestP();
                    wp = c.wilcoxonP();
                    if (c.significant(alpha)) {
                        marker = c.meanDifference() > 0 ? "better" : "worse";
                    }
                }
                values.put(r.label(m, k), new EvaluationReport.MetricValue(iv.mean(), orNull(iv.low()),
                        orNull(iv.high()), diff, tp, wp, marker));
                j++;
            }
        }
        return new EvaluationReport.ModelReport(r.model(), run.trainer(), run.params(), run.baseline(),
                run.fitSeconds(), r.seconds(), r.usersPerSecond(), r.numCases(), values, r.beyond());
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
