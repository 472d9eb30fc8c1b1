package dev.seqmind.mining.privacy;

import dev.seqmind.mining.IntArrayKey;
import dev.seqmind.mining.Pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules computed from a {@link PrivateRelease} alone (post-processing: no further privacy cost). For sequences, a
 * rule is "the pattern without its last item, then the last item"; for sets, "the set without one item implies that
 * item". A rule is formed only when its antecedent was released too. Noisy supports can make a confidence exceed 1;
 * it is capped at 1. Stateless.
 */
public final class ReleasedRules {
    private ReleasedRules() {
    }

    /**
     * One rule.
     *
     * @param antecedent items left of the arrow (plain dense ids, in order for sequences)
     * @param consequent the single item right of the arrow
     * @param support    noisy support of the whole pattern
     * @param confidence support / support(antecedent), capped at 1
     * @param lift       confidence / (support(consequent) / users), NaN when the consequent alone was not released
     */
    public record Rule(int[] antecedent, int consequent, long support, double confidence, double lift) {
    }

    public static List<Rule> of(PrivateRelease release, PatternShape shape, long users, double minConfidence) {
        Map<IntArrayKey, Long> support = new HashMap<>();
        for (Pattern p : release.patterns()) {
            support.put(new IntArrayKey(PrivatePatternMiner.plain(p.items())), p.support());
        }
        List<Rule> out = new ArrayList<>();
        for (Pattern p : release.patterns()) {
            int[] items = PrivatePatternMiner.plain(p.items());
            if (items.length < 2 || p.support() <= 0) {
                continue;
            }
            int splits = shape == PatternShape.SEQUENCE ? 1 : items.length;
            for (int s = 0; s < splits; s++) {
                int drop = shape == PatternShape.SEQUENCE ? items.length - 1 : s;
                int[] a = new int[items.length - 1];
                for (int i = 0, w = 0; i < items.length; i++) {
                    if (i != drop) {
                        a[w++] = items[i];
                    }
                }
                Long supA = support.get(new IntArrayKey(a));
                if (supA == null || supA <= 0) {
                    continue;
                }
                double conf = Math.min(1, p.support() / (double) supA);
                if (conf + 1e-12 < minConfidence) {
                    continue;
                }
                Long supC = support.get(new IntArrayKey(new int[] {items[drop]}));
                double lift = supC == null || supC <= 0 ? Double.NaN : conf / (supC / (double) users);
                out.add(new Rule(Arrays.copyOf(a, a.length), items[drop], p.support(), conf, lift));
            }
        }
        return out;
    }
}
