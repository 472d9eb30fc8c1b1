package dev.seqmind.rec.abtest;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MsprtTest {
    @Test
    void likelihoodRatioMatchesTheHandComputedOne() {
        // 100/1000 vs 130/1000, tau = 0.01: pooled p = 0.115, V = 0.115 * 0.885 * (2/1000) = 2.0355e-4, d = 0.03,
        // sqrt(V / (V + 1e-4)) = 0.818881, exp(1e-4 * 9e-4 / (2 * 2.0355e-4 * 3.0355e-4)) = exp(0.728300) = 2.071573,
        // Lambda = 1.696359, p = 1 / Lambda = 0.589498: not enough
        Msprt t = new Msprt(0.01);
        assertThat(t.likelihoodRatio(100, 1000, 130, 1000)).isCloseTo(1.696359, within(1e-5));
        assertThat(t.pValue(1, 100, 1000, 130, 1000)).isCloseTo(0.589498, within(1e-5));
        // 500/10000 vs 600/10000: V = 0.055 * 0.945 * 2e-4 = 1.0395e-5, d = 0.01, Lambda = 23.94395, p = 0.041764
        assertThat(t.likelihoodRatio(500, 10_000, 600, 10_000)).isCloseTo(23.94395, within(1e-4));
        assertThat(t.pValue(1, 500, 10_000, 600, 10_000)).isCloseTo(0.041764, within(1e-5));
        // the p-value is a running minimum: an earlier smaller value stays
        assertThat(t.pValue(0.01, 100, 1000, 130, 1000)).isEqualTo(0.01);
        // empty arms or no successes at all: no evidence
        assertThat(t.likelihoodRatio(0, 0, 5, 10)).isEqualTo(1);
        assertThat(t.likelihoodRatio(0, 100, 0, 100)).isEqualTo(1);
    }

    /** Per arm and day; A/A at 5% CTR for 30 days, looking after every day. */
    private static final int DAYS = 30;
    private static final int PER_DAY = 200;

    @Test
    void aaWithDailyPeekingKeepsTheFalsePositiveRateAtMostAlpha() {
        double alpha = 0.05;
        Msprt t = new Msprt(Msprt.DEFAULT_TAU);
        SplittableRandom r = new SplittableRandom(20261205);
        int runs = 2000;
        int msprtRejects = 0;
        int naiveRejects = 0;
        double zCrit = Proportions.z(1 - alpha);
        for (int run = 0; run < runs; run++) {
            long xa = 0;
            long xb = 0;
            long n = 0;
            double p = 1;
            boolean naive = false;
            for (int day = 0; day < DAYS; day++) {
                xa += bernoulliSum(r, PER_DAY, 0.05);
                xb += bernoulliSum(r, PER_DAY, 0.05);
                n += PER_DAY;
                p = t.pValue(p, xa, n, xb, n);
                double pooled = (double) (xa + xb) / (2 * n);
                double se = Math.sqrt(pooled * (1 - pooled) * 2.0 / n);
                naive |= se > 0 && Math.abs((double) (xb - xa) / n) / se > zCrit;
            }
            msprtRejects += p <= alpha ? 1 : 0;
            naiveRejects += naive ? 1 : 0;
        }
        double fpr = (double) msprtRejects / runs;
        double naiveFpr = (double) naiveRejects / runs;
        System.out.printf(java.util.Locale.ROOT, "A/A, %d runs, %d daily looks: mSPRT false positives %.4f, "
                + "fixed-horizon z-test peeked daily %.4f%n", runs, DAYS, fpr, naiveFpr);
        assertThat(fpr).as("mSPRT false-positive rate with 30 daily looks").isLessThanOrEqualTo(alpha);
        // the contrast that makes the test meaningful: a fixed-horizon z-test read every day rejects far too often
        assertThat(naiveFpr).as("fixed-horizon z-test peeked daily").isGreaterThan(2 * alpha);
    }

    @Test
    void aRealDifferenceIsFoundWhileLooking() {
        Msprt t = new Msprt(Msprt.DEFAULT_TAU);
        SplittableRandom r = new SplittableRandom(11);
        int found = 0;
        for (int run = 0; run < 200; run++) {
            long xa = 0;
            long xb = 0;
            long n = 0;
            double p = 1;
            for (int day = 0; day < DAYS && p > 0.05; day++) {
                xa += bernoulliSum(r, PER_DAY, 0.05);
                xb += bernoulliSum(r, PER_DAY, 0.07);
                n += PER_DAY;
                p = t.pValue(p, xa, n, xb, n);
            }
            found += p <= 0.05 ? 1 : 0;
        }
        assertThat(found / 200.0).isGreaterThan(0.8);
    }

    private static int bernoulliSum(SplittableRandom r, int n, double p) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += r.nextDouble() < p ? 1 : 0;
        }
        return s;
    }
}
