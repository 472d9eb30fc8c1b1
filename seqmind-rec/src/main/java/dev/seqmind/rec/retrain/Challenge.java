package dev.seqmind.rec.retrain;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.Split;
import dev.seqmind.data.split.TemporalSplitter;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.eval.Significance;
import dev.seqmind.rec.topk.SeenItems;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.seqmind.data.split.EvalCase;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A new model against the serving one on the most recent temporal slice. The slice starts at the later of the
 * {@code 1 - slice} quantile of all event times and the end of the serving model's training data (when known), so
 * neither model has seen a target; the new model is fitted on every event before that cut, with the serving model's
 * trainer; the {@link Evaluator} ranks all items before every event after the cut that has a history (the event's
 * item is the target, the history every earlier event of the user, as the server's live sequence would be) for both
 * models, and {@link Significance#compare} pairs the per-user means (users are independent; a user's events are
 * not). The new model is promoted
 * only when its mean is higher by at least {@code margin} (relative) and the paired t-test's p-value is below
 * {@code alpha}. Stateless.
 */
public final class Challenge {
    /**
     * How to compare.
     *
     * @param slice     fraction of the most recent events held out (0.1 = the last 10% in time)
     * @param margin    relative gain required, e.g. 0.02 = 2% higher
     * @param alpha     significance level of the paired t-test
     * @param metric    the metric compared
     * @param k         its cut-off
     * @param seen      whether items in the history may be recommended
     * @param minCases  fewest users in the slice to decide at all
     * @param threads   worker threads for fitting and evaluating
     * @param seed      the fit's seed
     */
    public record Settings(double slice, double margin, double alpha, Metric metric, int k, SeenItems seen,
                           int minCases, int threads, long seed) {
        public Settings {
            if (!(slice > 0 && slice < 1)) {
                throw new InvalidParameterException("--slice", slice, "in (0, 1)");
            }
            if (!(margin >= 0) || Double.isInfinite(margin)) {
                throw new InvalidParameterException("--margin", margin, ">= 0 (0.02 = 2% better)");
            }
            if (!(alpha > 0 && alpha <= 1)) {
                throw new InvalidParameterException("--alpha", alpha, "in (0, 1]");
            }
            if (k < 1 || minCases < 2 || threads < 1) {
                throw new InvalidParameterException("k/minCases/threads", k + "/" + minCases + "/" + threads,
                        ">= 1 / >= 2 / >= 1");
            }
        }

        public static Settings defaults() {
            return new Settings(0.1, 0.02, 0.05, Metric.NDCG, 10, SeenItems.KEEP, 30, 1, 42);
        }

        public String metricLabel() {
            return metric.label() + "@" + k;
        }
    }

    /** The decision and the new model fitted before the slice (the caller closes it). */
    public record Outcome(Decision decision, Recommender candidate, Split split) {
    }

    private Challenge() {
    }

    /**
     * @param data              the updated dataset
     * @param serving           the serving model (any item space; it is not closed here)
     * @param trainer           the trainer to fit (the serving model's own)
     * @param servingDataUntil  the last event time the serving model was fitted on, or {@code null} when unknown
     */
    public static Outcome run(SequenceDataset data, Recommender serving, RecommenderTrainer trainer,
                              Long servingDataUntil, Settings s, Progress progress) {
        long[] times = new long[data.numInteractions()];
        for (int i = 0; i < times.length; i++) {
            times[i] = data.time(i);
        }
        Arrays.sort(times);
        if (times.length == 0) {
            throw new InvalidParameterException("dataset", "empty", "a dataset with events");
        }
        long cut = times[(int) Math.min(times.length - 1, Math.floor((1 - s.slice()) * times.length))];
        String cutWhy = "the " + pct(1 - s.slice()) + " quantile of event times";
        if (servingDataUntil != null && servingDataUntil >= cut) {
            cut = servingDataUntil + 1;
            cutWhy = "just after the serving model's training data";
        }
        Split split = new TemporalSplitter(1e-9, 0.5, 1).split(data, cut, cut);
        List<EvalCase> events = sliceEvents(data, cut);
        int[] userOf = new int[events.size()];
        for (int i = 0; i < userOf.length; i++) {
            userOf[i] = events.get(i).user();
        }
        int cases = (int) Arrays.stream(userOf).distinct().count();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("trainer", trainer.name());
        params.putAll(trainer.params());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("slice_cut", cut);
        facts.put("slice_cut_iso", iso(data, cut));
        facts.put("events_before_cut", split.trainForTest().numInteractions());
        facts.put("events_in_dataset", data.numInteractions());
        facts.put("dataset_fingerprint", DatasetFingerprint.of(data).id());
        facts.put("slice_events", events.size());
        facts.put("slice_users", cases);
        String slice = "every event at or after " + iso(data, cut) + " (" + cutWhy + ") with a history before it "
                + "is a target; full ranking over " + data.numItems() + " items, seen items " + (s.seen()
                == SeenItems.KEEP ? "kept" : "excluded") + "; per-user means paired";
        if (cases < s.minCases()) {
            Decision d = new Decision(s.metricLabel(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    cases, s.margin(), s.alpha(), false, "not decided: only " + cases + " user(s) have events in the "
                    + "slice (at least " + s.minCases() + " needed); wait for more events", slice, params, facts);
            return new Outcome(d, null, split);
        }
        long t0 = System.nanoTime();
        Recommender candidate = trainer.fit(split.trainForTest(),
                new FitContext(s.seed(), s.threads(), java.util.List.of(), progress));
        facts.put("fit_seconds", (System.nanoTime() - t0) / 1e9);
        int[] ks = s.k() == 10 ? EvalConfig.DEFAULT_KS : new int[] {s.k()};
        Evaluator ev = new Evaluator(new EvalConfig(ks, s.seen(), dev.seqmind.rec.eval.Candidates.FULL, 256,
                s.threads(), 0, s.seed()));
        long t1 = System.nanoTime();
        EvalResult old = ev.evaluate(new ItemSpaceAdapter(serving, data.items()), split, events,
                split.trainForTest(), progress);
        EvalResult neu = ev.evaluate(candidate, split, events, split.trainForTest(), progress);
        facts.put("evaluate_seconds", (System.nanoTime() - t1) / 1e9);
        Map<String, Object> both = new LinkedHashMap<>();
        for (int k : ks) {
            for (Metric m : new Metric[] {Metric.HR, Metric.NDCG}) { // per event
                both.put("serving " + m.label() + "@" + k, old.mean(m, k));
                both.put("candidate " + m.label() + "@" + k, neu.mean(m, k));
            }
        }
        facts.put("metrics", both);
        float[] a = perUser(neu.values(s.metric(), s.k()), userOf);
        float[] b = perUser(old.values(s.metric(), s.k()), userOf);
        Significance.Comparison c = Significance.compare(a, b);
        double mc = mean(a);
        double ms = mean(b);
        double gain = ms > 0 ? mc / ms - 1 : (mc > 0 ? Double.POSITIVE_INFINITY : 0);
        boolean byMargin = gain >= s.margin() && mc > ms;
        boolean significant = c.tTestP() < s.alpha();
        boolean promoted = byMargin && significant;
        String reason = String.format(Locale.ROOT, "%s %s %.4f vs serving %.4f (%+.1f%%, margin %+.1f%%), paired "
                        + "t-test p = %.3g (alpha %.3g) over %d users: %s", "new model", s.metricLabel(), mc, ms,
                100 * gain, 100 * s.margin(), c.tTestP(), s.alpha(), cases,
                promoted ? "promoted" : !byMargin ? "not promoted, the gain is below the margin"
                        : "not promoted, the difference is not significant");
        Decision d = new Decision(s.metricLabel(), ms, mc, gain, c.tTestP(), c.wilcoxonP(), cases, s.margin(),
                s.alpha(), promoted, reason, slice, params, facts);
        return new Outcome(d, candidate, split);
    }

    /**
     * One case per event at or after {@code cut} that has a history: the history is every earlier event of the
     * user (including earlier slice events, as a live sequence would), the target the event's item.
     */
    static List<EvalCase> sliceEvents(SequenceDataset data, long cut) {
        List<EvalCase> out = new ArrayList<>();
        for (int u = 0; u < data.numUsers(); u++) {
            for (int i = data.start(u) + 1; i < data.end(u); i++) {
                if (data.time(i) >= cut) {
                    out.add(new EvalCase(u, i - data.start(u), new int[] {data.item(i)}));
                }
            }
        }
        return out;
    }

    /** Means of {@code values} per user, users in order of first case (cases are grouped by user). */
    private static float[] perUser(float[] values, int[] userOf) {
        float[] out = new float[userOf.length];
        int n = 0;
        int i = 0;
        while (i < values.length) {
            int j = i;
            double sum = 0;
            while (j < values.length && userOf[j] == userOf[i]) {
                sum += values[j++];
            }
            out[n++] = (float) (sum / (j - i));
            i = j;
        }
        return Arrays.copyOf(out, n);
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    private static String pct(double q) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * q);
    }

    private static String iso(SequenceDataset data, long t) {
        return data.info().timeKind() == dev.seqmind.data.model.TimeKind.ORDINAL ? "position " + t
                : Instant.ofEpochMilli(t).toString();
    }
}
