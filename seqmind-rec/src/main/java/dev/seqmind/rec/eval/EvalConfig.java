package dev.seqmind.rec.eval;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.topk.SeenItems;

import java.util.Arrays;
import java.util.Objects;

/**
 * How to evaluate.
 *
 * @param ks               cut-offs, strictly increasing, each >= 1 (default 1, 5, 10, 20)
 * @param seen             whether items of the history may be ranked (default {@link SeenItems#KEEP}: nothing is
 *                         filtered unless asked; published ML-1M/Beauty anchors filter seen items)
 * @param candidates       full ranking (default) or sampled negatives
 * @param batchSize        users scored together (memory: threads x batchSize x items floats)
 * @param threads          worker threads
 * @param bootstrapSamples resamples for confidence intervals (>= 0; 0 skips them)
 * @param seed             seed of bootstrap resampling
 */
public record EvalConfig(int[] ks, SeenItems seen, Candidates candidates, int batchSize, int threads,
                         int bootstrapSamples, long seed) {
    public static final int[] DEFAULT_KS = {1, 5, 10, 20};

    public EvalConfig {
        ks = ks.clone();
        if (ks.length == 0) {
            throw new InvalidParameterException("ks", "[]", "at least one cut-off");
        }
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] < 1 || (i > 0 && ks[i] <= ks[i - 1])) {
                throw new InvalidParameterException("ks", Arrays.toString(ks), "strictly increasing and >= 1");
            }
        }
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(candidates, "candidates");
        if (batchSize < 1) {
            throw new InvalidParameterException("batchSize", batchSize, ">= 1");
        }
        if (threads < 1) {
            throw new InvalidParameterException("threads", threads, ">= 1");
        }
        if (bootstrapSamples < 0) {
            throw new InvalidParameterException("bootstrapSamples", bootstrapSamples, ">= 0");
        }
    }

    public static EvalConfig defaults() {
        return new EvalConfig(DEFAULT_KS, SeenItems.KEEP, Candidates.FULL, 256,
                Runtime.getRuntime().availableProcessors(), 1000, 42);
    }

    public EvalConfig withSeen(SeenItems value) {
        return new EvalConfig(ks, value, candidates, batchSize, threads, bootstrapSamples, seed);
    }

    public EvalConfig withCandidates(Candidates value) {
        return new EvalConfig(ks, seen, value, batchSize, threads, bootstrapSamples, seed);
    }

    public EvalConfig withThreads(int value) {
        return new EvalConfig(ks, seen, candidates, batchSize, value, bootstrapSamples, seed);
    }

    public EvalConfig withBootstrapSamples(int value) {
        return new EvalConfig(ks, seen, candidates, batchSize, threads, value, seed);
    }

    @Override
    public int[] ks() {
        return ks.clone();
    }

    public int maxK() {
        return ks[ks.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvalConfig c && Arrays.equals(ks, c.ks) && seen == c.seen
                && candidates.equals(c.candidates) && batchSize == c.batchSize && threads == c.threads
                && bootstrapSamples == c.bootstrapSamples && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ks), seen, candidates, batchSize, threads, bootstrapSamples, seed);
    }

    @Override
    public String toString() {
        return "EvalConfig[ks=" + Arrays.toString(ks) + ", seen=" + seen + ", " + candidates.label() + ", batch="
                + batchSize + ", threads=" + threads + ", bootstrap=" + bootstrapSamples + ", seed=" + seed + "]";
    }
}
