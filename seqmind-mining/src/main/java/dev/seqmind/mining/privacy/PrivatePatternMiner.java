package dev.seqmind.mining.privacy;

import dev.seqmind.data.privacy.GaussianMechanism;
import dev.seqmind.data.privacy.LaplaceMechanism;
import dev.seqmind.data.privacy.NoiseMechanism;
import dev.seqmind.data.privacy.PartitionSelection;
import dev.seqmind.data.privacy.PrivacyCost;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.PatternSink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Differentially private frequent patterns, level by level (user-level privacy: neighbouring datasets differ in one
 * user's whole history).
 *
 * <p>Level 1 counts each item's distinct users. A user holding more than {@code 4m} distinct items keeps a uniform
 * random {@code 4m} of them. A user holding {@code n} distinct keys at a level adds the weight
 * {@code w = min(1, m/n)} (Laplace) or {@code min(1, sqrt(m/n))} (Gaussian) to each, so the vector of counts moves by
 * at most {@code m} in L1 (resp. {@code sqrt(m)} in L2) and by at most 1 in any coordinate when the user is removed.
 * Noise is added, and an item is released only if its noisy count exceeds the {@link PartitionSelection} threshold,
 * which a key held by one user crosses with probability at most {@code delta_select / 4m}: the set of released items is
 * chosen privately, not by thresholding exact counts.
 *
 * <p>Level {@code k > 1} measures public candidates only: the {@code beam} best released patterns of level
 * {@code k-1} extended by the {@code beam} best released items (for sequences, appended after the pattern; for sets,
 * added when larger than its last item). Their weighted counts get fresh noise; releasing those above the same kind of
 * threshold, ranking, top-k and the {@code minUsers} suppression are post-processing of noisy values.
 *
 * <p>Cost: epsilon splits evenly over the {@code maxLength} measurements; delta goes to the level-1 selection, and
 * with Gaussian noise half of it is spread over the measurements instead. The sum is the {@link PrivateRelease#cost()}
 * (basic composition). Down-weighting heavy users biases supports low; that bias, not only the noise, is part of the
 * error measured by {@code seqmind bench dp-patterns}.
 *
 * <p>Stateless; each call draws from its own generator seeded by {@link PrivateMiningParams#seed()}.
 */
public final class PrivatePatternMiner {
    /** Level 1 keeps at most this many times the contribution bound of distinct items per user. */
    public static final int KEYS_PER_BOUND = 4;

    private PrivatePatternMiner() {
    }

    /** The cost a release with these parameters will have (to charge the ledger before mining). */
    public static PrivacyCost cost(PrivateMiningParams p) {
        return p.budget();
    }

    /** Mines and releases; {@code rows} is read only. */
    public static PrivateRelease mine(UserRows rows, PatternShape shape, PrivateMiningParams p) {
        SplittableRandom rng = new SplittableRandom(p.seed());
        int levels = p.maxLength();
        double epsLevel = p.budget().epsilon() / levels;
        double deltaSelect = p.noise() == NoiseKind.GAUSSIAN ? p.budget().delta() / 2 : p.budget().delta();
        double deltaNoise = (p.budget().delta() - deltaSelect) / levels;
        int m = p.maxContributions();
        NoiseMechanism noise = p.noise() == NoiseKind.GAUSSIAN
                ? GaussianMechanism.of(Math.sqrt(m), epsLevel, deltaNoise)
                : new LaplaceMechanism(m, epsLevel);
        int maxKeys = (int) Math.min(Integer.MAX_VALUE, (long) KEYS_PER_BOUND * m);
        PartitionSelection selection = new PartitionSelection(noise, maxKeys, deltaSelect);
        double threshold = selection.threshold();
        Counter counter = new Counter(rows, shape, p.noise(), m);

        List<Pattern> released = new ArrayList<>();
        List<PrivateRelease.Level> report = new ArrayList<>();
        double[] itemCounts = counter.countItems(maxKeys, rng);
        List<Pattern> level = new ArrayList<>();
        int present = 0;
        for (int i = 0; i < itemCounts.length; i++) {
            if (itemCounts[i] > 0) { // keys are the items some user holds; the others are not keys at all
                present++;
                double noisy = noise.release(itemCounts[i], rng);
                if (noisy > threshold) {
                    level.add(new Pattern(new int[] {i}, Math.round(noisy)));
                }
            }
        }
        report.add(new PrivateRelease.Level(1, present, level.size(), threshold, noise.stddev()));
        level.sort(BY_SUPPORT);
        released.addAll(level);
        int[] extensions = firstItems(level, p.beam());
        for (int k = 2; k <= levels && !level.isEmpty(); k++) {
            List<int[]> prefixes = new ArrayList<>();
            for (int i = 0; i < Math.min(p.beam(), level.size()); i++) {
                prefixes.add(plain(level.get(i).items()));
            }
            double[] counts = counter.countExtensions(prefixes, extensions);
            List<Pattern> next = new ArrayList<>();
            int measured = 0;
            for (int c = 0; c < counts.length; c++) {
                int[] prefix = prefixes.get(c / extensions.length);
                int ext = extensions[c % extensions.length];
                if (shape == PatternShape.SET && ext <= prefix[prefix.length - 1]) {
                    continue; // not a candidate: each set is built once, from its ascending prefix
                }
                measured++;
                double noisy = noise.release(counts[c], rng);
                if (noisy > threshold) {
                    int[] items = Arrays.copyOf(prefix, prefix.length + 1);
                    items[prefix.length] = ext;
                    next.add(new Pattern(encode(items, shape), Math.round(noisy)));
                }
            }
            report.add(new PrivateRelease.Level(k, measured, next.size(), threshold, noise.stddev()));
            next.sort(BY_SUPPORT);
            released.addAll(next);
            level = next;
        }
        released.removeIf(pat -> pat.support() < p.minUsers());
        released.sort(BY_SUPPORT);
        List<Pattern> out = p.topK() > 0 && released.size() > p.topK() ? released.subList(0, p.topK()) : released;
        String mech = String.format(Locale.ROOT, "%s per level: std %.3g at (epsilon %.4g, delta %.3g), %d levels, "
                        + "contribution bound %d, release threshold %.4g, selection delta %.3g, seed %d",
                p.noise().name().toLowerCase(Locale.ROOT), noise.stddev(), epsLevel, deltaNoise, levels, m,
                threshold, deltaSelect, p.seed());
        return new PrivateRelease(out, p.budget(), mech, report);
    }

    private static final Comparator<Pattern> BY_SUPPORT = Comparator.comparingLong(Pattern::support).reversed()
            .thenComparing(Pattern::key);

    private static int[] firstItems(List<Pattern> items, int beam) {
        int n = Math.min(beam, items.size());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = items.get(i).items()[0];
        }
        return out;
    }

    /** The items of an encoded pattern without separators. */
    static int[] plain(int[] encoded) {
        return Arrays.stream(encoded).filter(x -> x != PatternSink.ITEMSET_END).toArray();
    }

    static int[] encode(int[] items, PatternShape shape) {
        if (shape == PatternShape.SET) {
            return items;
        }
        int[] out = new int[2 * items.length - 1];
        for (int i = 0; i < items.length; i++) {
            out[2 * i] = items[i];
            if (i + 1 < items.length) {
                out[2 * i + 1] = PatternSink.ITEMSET_END;
            }
        }
        return out;
    }
}
