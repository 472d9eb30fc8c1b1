package dev.seqmind.data.split;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Global temporal cut: events before the validation cut train the model; events in [validation cut, test cut) are
 * validation targets; events at or after the test cut are test targets. Cuts are given as quantiles of all event
 * times (e.g. 0.8 and 0.9), so no model ever sees an event from after the moment it is asked about. A user's targets
 * are the distinct items after the cut in order of first occurrence, at most {@code maxTargets} of them (1 = the
 * next item only).
 */
public final class TemporalSplitter {
    private final double validationQuantile;
    private final double testQuantile;
    private final int maxTargets;

    public TemporalSplitter(double validationQuantile, double testQuantile, int maxTargets) {
        if (!(testQuantile > 0 && testQuantile < 1)) {
            throw new InvalidParameterException("testQuantile", testQuantile, "in (0, 1)");
        }
        if (!(validationQuantile > 0 && validationQuantile <= testQuantile)) {
            throw new InvalidParameterException("validationQuantile", validationQuantile,
                    "in (0, testQuantile=" + testQuantile + "]");
        }
        if (maxTargets < 1) {
            throw new InvalidParameterException("maxTargets", maxTargets, ">= 1");
        }
        this.validationQuantile = validationQuantile;
        this.testQuantile = testQuantile;
        this.maxTargets = maxTargets;
    }

    public Split split(SequenceDataset data) {
        long[] sorted = new long[data.numInteractions()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = data.time(i);
        }
        Arrays.sort(sorted);
        long valCut = quantile(sorted, validationQuantile);
        long testCut = quantile(sorted, testQuantile);
        return split(data, valCut, testCut);
    }

    /** Splits at explicit times (same unit as the dataset's times). */
    public Split split(SequenceDataset data, long validationCut, long testCut) {
        int n = data.numUsers();
        int[] trainLen = new int[n];
        int[] trainForTestLen = new int[n];
        List<EvalCase> validation = new ArrayList<>();
        List<EvalCase> test = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            int start = data.start(u);
            int end = data.end(u);
            int beforeVal = countBefore(data, start, end, validationCut);
            int beforeTest = countBefore(data, start, end, testCut);
            trainLen[u] = beforeVal;
            trainForTestLen[u] = beforeTest;
            if (beforeVal > 0 && beforeTest > beforeVal) {
                validation.add(new EvalCase(u, beforeVal, targets(data, start + beforeVal, start + beforeTest)));
            }
            if (beforeTest > 0 && end > start + beforeTest) {
                test.add(new EvalCase(u, beforeTest, targets(data, start + beforeTest, end)));
            }
        }
        String protocol = "temporal (validation cut " + validationCut + ", test cut " + testCut + ", up to "
                + maxTargets + " target(s))";
        return new Split(protocol, data, data.prefixes(trainLen), data.prefixes(trainForTestLen), validation, test);
    }

    private static int countBefore(SequenceDataset data, int start, int end, long cut) {
        int i = start;
        while (i < end && data.time(i) < cut) {
            i++;
        }
        return i - start;
    }

    private int[] targets(SequenceDataset data, int from, int to) {
        int[] t = new int[Math.min(maxTargets, to - from)];
        int k = 0;
        for (int i = from; i < to && k < t.length; i++) {
            int item = data.item(i);
            boolean seen = false;
            for (int j = 0; j < k; j++) {
                if (t[j] == item) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                t[k++] = item;
            }
        }
        return Arrays.copyOf(t, k);
    }

    private static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
        return sorted[idx];
    }
}
