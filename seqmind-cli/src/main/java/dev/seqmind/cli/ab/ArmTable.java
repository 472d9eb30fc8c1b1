package dev.seqmind.cli.ab;

import dev.seqmind.rec.abtest.AbAnalysis;
import dev.seqmind.rec.abtest.SampleSize;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints per-variant rates with intervals, the verdict, and the fixed-horizon size, alike for replay and server. */
final class ArmTable {
    private ArmTable() {
    }

    static void print(PrintWriter out, List<AbAnalysis.ArmStats> arms, List<String> models, long[] users) {
        out.printf(Locale.ROOT, "%-12s %-12s %8s %10s %8s %-26s %11s %-26s%n", "variant", "model", "users",
                "exposures", "clicks", "CTR [95% CI]", "conversions", "conversion rate [95% CI]");
        for (int i = 0; i < arms.size(); i++) {
            AbAnalysis.ArmStats a = arms.get(i);
            out.printf(Locale.ROOT, "%-12s %-12s %8s %,10d %,8d %-26s %,11d %-26s%n", a.name(), models.get(i),
                    users == null ? "-" : String.format(Locale.ROOT, "%,d", users[i]), a.exposures(), a.clicks(),
                    rate(a.ctr(), a.ctrCi().lo(), a.ctrCi().hi()), a.conversions(),
                    rate(a.conversionRate(), a.conversionCi().lo(), a.conversionCi().hi()));
        }
    }

    static void verdict(PrintWriter out, AbAnalysis.Verdict v) {
        out.printf(Locale.ROOT, "verdict: %s (winner %s, always-valid p = %.3g)%n  %s%n", v.decision(),
                v.winner() == null ? "none" : v.winner(), v.pValue(), v.text());
    }

    /**
     * The fixed-horizon size for the observed lift of the best variant over control, as exposures per variant and
     * as days and users at the observed traffic.
     */
    static void sizing(PrintWriter out, List<AbAnalysis.ArmStats> arms, double alpha, double power,
                       double exposuresPerDay, double exposuresPerUser) {
        AbAnalysis.ArmStats c = arms.get(0);
        AbAnalysis.ArmStats best = arms.get(1);
        for (AbAnalysis.ArmStats a : arms.subList(1, arms.size())) {
            if (Math.abs(a.ctr() - c.ctr()) > Math.abs(best.ctr() - c.ctr())) {
                best = a;
            }
        }
        if (c.ctr() <= 0 || c.ctr() >= 1 || best.ctr() == c.ctr() || best.ctr() <= 0 || best.ctr() >= 1) {
            out.println("sizing: not computable (a CTR is 0, 1, or the variants are equal)");
            return;
        }
        double lift = best.ctr() / c.ctr() - 1;
        long n = new SampleSize(c.ctr(), lift, alpha, power).perArm();
        out.printf(Locale.ROOT, "sizing: a fixed-horizon test of CTR %.3g%% -> %.3g%% (lift %+.1f%%) at alpha %.3g, "
                        + "power %.2g needs %,d exposures per variant%n", 100 * c.ctr(), 100 * best.ctr(), 100 * lift,
                alpha, power, n);
        if (exposuresPerDay > 0 && exposuresPerUser > 0) {
            out.printf(Locale.ROOT, "        = %.2f days and ~%,.0f users per variant at this traffic (%,.0f exposures "
                    + "a day per variant, %.1f per user)%n", n / exposuresPerDay, n / exposuresPerUser,
                    exposuresPerDay, exposuresPerUser);
        }
    }

    private static String rate(double r, double lo, double hi) {
        return String.format(Locale.ROOT, "%.3f%% [%.3f, %.3f]", 100 * r, 100 * lo, 100 * hi);
    }
}
