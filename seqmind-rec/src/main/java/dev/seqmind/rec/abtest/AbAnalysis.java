package dev.seqmind.rec.abtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Summarises an experiment: per variant the exposure count, CTR and conversion rate with Wilson intervals, and the
 * verdict on CTR. The first variant is the control; every other is compared with it by the mSPRT (always-valid
 * p-values, kept as running minima across looks by the caller), Bonferroni-corrected for the number of comparisons.
 * A variant wins when its adjusted p-value is at most {@code alpha} and its CTR is the highest among the control and
 * the significant variants. Immutable.
 *
 * @param alpha       the false-positive rate of the whole test
 * @param confidence  the level of the intervals (e.g. 0.95)
 * @param test        the sequential test
 */
public record AbAnalysis(double alpha, double confidence, Msprt test) {
    /** Decisions: some variant is better or worse than control ... */
    public static final String SIGNIFICANT = "significant";
    /** ... no evidence yet: keep collecting ... */
    public static final String CONTINUE = "continue";
    /** ... some variant has no exposures yet. */
    public static final String NO_DATA = "insufficient_data";

    public AbAnalysis {
        if (!(alpha > 0 && alpha < 1) || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("alpha " + alpha + " and confidence " + confidence + " must be in (0, 1)");
        }
    }

    /** Counts of one variant. */
    public record Arm(String name, long exposures, long clicks, long conversions) {
    }

    /** One variant's rates with intervals. */
    public record ArmStats(String name, long exposures, long clicks, double ctr, Interval ctrCi, long conversions,
                           double conversionRate, Interval conversionCi) {
    }

    /** One variant against control: CTR difference (variant minus control) with its interval, and the p-value. */
    public record Comparison(String control, String variant, double difference, Interval differenceCi,
                             double pValue) {
    }

    /**
     * @param winner    the winning variant, or {@code null}
     * @param pValue    the smallest Bonferroni-adjusted always-valid p-value
     * @param decision  {@link #SIGNIFICANT}, {@link #CONTINUE} or {@link #NO_DATA}
     * @param text      one plain sentence
     */
    public record Verdict(String winner, double pValue, String decision, String text) {
    }

    /** Everything: arms, comparisons (with running-minimum p-values to keep for the next look), verdict. */
    public record Result(List<ArmStats> arms, List<Comparison> comparisons, Verdict verdict) {
        /** The raw (unadjusted) running p-values, one per comparison, to pass back at the next look. */
        public double[] pValues() {
            return comparisons.stream().mapToDouble(Comparison::pValue).toArray();
        }
    }

    /**
     * Looks at the counts once.
     *
     * @param previous  each comparison's running p-value from the last look (null or all 1 at the first)
     */
    public Result analyze(List<Arm> arms, double[] previous) {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("an experiment needs at least two variants, got " + arms.size());
        }
        List<ArmStats> stats = new ArrayList<>();
        for (Arm a : arms) {
            stats.add(new ArmStats(a.name(), a.exposures(), a.clicks(), Proportions.rate(a.clicks(), a.exposures()),
                    Proportions.wilson(a.clicks(), a.exposures(), confidence), a.conversions(),
                    Proportions.rate(a.conversions(), a.exposures()),
                    Proportions.wilson(a.conversions(), a.exposures(), confidence)));
        }
        Arm control = arms.get(0);
        List<Comparison> comps = new ArrayList<>();
        int m = arms.size() - 1;
        double best = 1;
        String winner = null;
        double winnerCtr = Double.NEGATIVE_INFINITY;
        boolean noData = false;
        boolean significant = false;
        for (int i = 1; i < arms.size(); i++) {
            Arm v = arms.get(i);
            double prev = previous == null || previous.length < i ? 1 : previous[i - 1];
            double p = test.pValue(prev, control.clicks(), control.exposures(), v.clicks(), v.exposures());
            double diff = Proportions.rate(v.clicks(), v.exposures()) - Proportions.rate(control.clicks(),
                    control.exposures());
            comps.add(new Comparison(control.name(), v.name(), diff, Proportions.difference(control.clicks(),
                    control.exposures(), v.clicks(), v.exposures(), confidence), p));
            double adj = Math.min(1, p * m);
            best = Math.min(best, adj);
            noData |= v.exposures() == 0 || control.exposures() == 0;
            if (adj <= alpha) {
                significant = true;
                double ctr = Proportions.rate(v.clicks(), v.exposures());
                if (ctr > winnerCtr) {
                    winnerCtr = ctr;
                    winner = v.name();
                }
            }
        }
        if (significant && Proportions.rate(control.clicks(), control.exposures()) > winnerCtr) {
            winner = control.name();
        }
        String decision = significant ? SIGNIFICANT : noData ? NO_DATA : CONTINUE;
        return new Result(stats, comps, new Verdict(winner, best, decision, text(stats, comps, decision, winner,
                best, m)));
    }

    private String text(List<ArmStats> stats, List<Comparison> comps, String decision, String winner, double p,
                        int m) {
        if (decision.equals(NO_DATA)) {
            return "Not every variant has exposures yet.";
        }
        ArmStats c = stats.get(0);
        Comparison top = comps.get(0);
        for (Comparison x : comps) {
            if (Math.abs(x.difference()) > Math.abs(top.difference())) {
                top = x;
            }
        }
        String name = top.variant();
        ArmStats v = stats.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        String rates = String.format(Locale.ROOT, "CTR %s %.2f%% [%.2f, %.2f] vs %s %.2f%% [%.2f, %.2f], difference "
                        + "%+.2f points [%+.2f, %+.2f]", v.name(), 100 * v.ctr(), 100 * v.ctrCi().lo(),
                100 * v.ctrCi().hi(), c.name(), 100 * c.ctr(), 100 * c.ctrCi().lo(), 100 * c.ctrCi().hi(),
                100 * top.difference(), 100 * top.differenceCi().lo(), 100 * top.differenceCi().hi());
        String pv = String.format(Locale.ROOT, "always-valid p = %.3g%s", p, m > 1 ? " (Bonferroni over " + m
                + " comparisons)" : "");
        if (decision.equals(SIGNIFICANT)) {
            return winner + " wins on CTR: " + rates + "; " + pv + " <= " + alpha + ".";
        }
        return "No significant difference yet (keep collecting; looking again is safe): " + rates + "; " + pv
                + " > " + alpha + ".";
    }
}
