package dev.seqmind.rec.model.rules;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.model.BaseScoreRecommender;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Recommends the consequents of the rules a history fires. An item's score is {@code 2 + c + pop / 1000}, with
 * {@code c} the highest confidence of a fired rule predicting it and {@code pop} its training popularity in
 * {@code [0, 1)}; items no rule predicts score their popularity alone, so they follow every predicted item.
 * {@link #explain} names the rule behind the item. Immutable and thread-safe.
 */
public final class RuleBasedRecommender extends BaseScoreRecommender {
    private final RuleSet rules;
    private final Matching matching;
    private final int window;

    RuleBasedRecommender(String name, IdMap items, RuleSet rules, float[] popularity, Matching matching, int window) {
        super(name, items, popularity);
        this.rules = rules;
        this.matching = matching;
        this.window = window;
    }

    public int numRules() {
        return rules.size();
    }

    /** Rule {@code r} (dense ids). */
    public Rule rule(int r) {
        return rules.rule(r);
    }

    RuleSet ruleSet() {
        return rules;
    }

    float[] popularity() {
        return baseScores();
    }

    Matching matching() {
        return matching;
    }

    int window() {
        return window;
    }

    @Override
    public void score(int[] history, float[] out) {
        fillBaseScores(out);
        final float[] popularity = baseScores();
        forEachFired(history, r -> {
            int c = rules.consequent[r];
            float s = 2f + (float) rules.confidence[r] + popularity[c] / 1000f;
            if (s > out[c]) {
                out[c] = s;
            }
        });
    }

    /**
     * The highest confidence of a fired rule predicting each item, 0 for items no rule predicts: the rules alone,
     * without the popularity tiers of {@link #score}, for blends that weigh rules against other evidence.
     *
     * @throws IllegalArgumentException if {@code out.length < numItems()}
     */
    public void confidences(int[] history, float[] out) {
        int n = numItems();
        if (out.length < n) {
            throw new IllegalArgumentException("out has length " + out.length + " for " + n + " items");
        }
        java.util.Arrays.fill(out, 0, n, 0f);
        forEachFired(history, r -> {
            int c = rules.consequent[r];
            out[c] = Math.max(out[c], (float) rules.confidence[r]);
        });
    }

    @Override
    public Explanation explain(int[] history, int item) {
        int[] best = {-1};
        forEachFired(history, r -> {
            if (rules.consequent[r] == item && (best[0] < 0 || better(r, best[0]))) {
                best[0] = r;
            }
        });
        if (best[0] < 0) {
            return new Explanation("popularity", "popular in training (no rule fires for the history)", List.of(),
                    Double.NaN);
        }
        int r = best[0];
        List<Integer> ev = new ArrayList<>();
        StringBuilder ant = new StringBuilder();
        for (int j = rules.antStart[r]; j < rules.antStart[r + 1]; j++) {
            ev.add(rules.antItems[j]);
            ant.append(ant.isEmpty() ? "" : ", ").append(items().externalId(rules.antItems[j]));
        }
        // Two kinds of rule share this class; their texts differ so that neither is read as the other.
        String text = matching == Matching.SET
                ? String.format(Locale.ROOT, "sequential rule {%s} => {%s}: after all of %s, in any order, %s "
                        + "follows somewhere later (confidence %.3f, support %d, lift %.1f)", ant,
                        items().externalId(item), ant, items().externalId(item), rules.confidence[r],
                        rules.support[r], rules.lift[r])
                : String.format(Locale.ROOT, "next-item rule %s -> %s: %s %s the next item is %s "
                        + "(confidence %.3f, support %d, lift %.1f)", ant.toString().replace(", ", " > "),
                        items().externalId(item), matching == Matching.SUFFIX ? "right after" : "after (gaps allowed)",
                        ant.toString().replace(", ", " > "), items().externalId(item),
                        rules.confidence[r], rules.support[r], rules.lift[r]);
        return new Explanation(matching == Matching.SET ? "sequential-rule" : "next-item-rule", text, ev,
                rules.confidence[r]);
    }

    private boolean better(int a, int b) {
        if (rules.confidence[a] != rules.confidence[b]) {
            return rules.confidence[a] > rules.confidence[b];
        }
        if (rules.length(a) != rules.length(b)) {
            return rules.length(a) > rules.length(b);
        }
        return rules.support[a] > rules.support[b];
    }

    private void forEachFired(int[] h, IntConsumer fired) {
        int n = h.length;
        if (n == 0) {
            return;
        }
        if (matching == Matching.SUFFIX) {
            int last = h[n - 1];
            for (int j = rules.byLastStart[last]; j < rules.byLastStart[last + 1]; j++) {
                int r = rules.byLast[j];
                int len = rules.length(r);
                if (len <= n && suffixMatches(r, h, len)) {
                    fired.accept(r);
                }
            }
            return;
        }
        int from = Math.max(0, n - window);
        if (matching == Matching.SET) {
            // Each rule is indexed under its last antecedent item; it fires once when all its items are present.
            for (int p = n - 1; p >= from; p--) {
                int item = h[p];
                if (seenLater(h, p, n, item)) {
                    continue;
                }
                for (int j = rules.byLastStart[item]; j < rules.byLastStart[item + 1]; j++) {
                    int r = rules.byLast[j];
                    if (allPresent(r, h, from, n)) {
                        fired.accept(r);
                    }
                }
            }
            return;
        }
        for (int p = n - 1; p >= from; p--) {
            int item = h[p];
            if (seenLater(h, p, n, item)) {
                continue; // the later occurrence already fired the same rules with more room before it
            }
            for (int j = rules.byLastStart[item]; j < rules.byLastStart[item + 1]; j++) {
                int r = rules.byLast[j];
                if (subsequenceBefore(r, h, from, p)) {
                    fired.accept(r);
                }
            }
        }
    }

    private boolean allPresent(int r, int[] h, int from, int to) {
        for (int j = rules.antStart[r]; j < rules.antStart[r + 1] - 1; j++) {
            int a = rules.antItems[j];
            boolean found = false;
            for (int q = from; q < to && !found; q++) {
                found = h[q] == a;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private boolean suffixMatches(int r, int[] h, int len) {
        int base = h.length - len;
        for (int j = 0; j < len - 1; j++) {
            if (rules.antItems[rules.antStart[r] + j] != h[base + j]) {
                return false;
            }
        }
        return true;
    }

    /** True when the antecedent of r without its last item occurs in order within h[from, p). */
    private boolean subsequenceBefore(int r, int[] h, int from, int p) {
        int j = rules.antStart[r + 1] - 2;
        int q = p - 1;
        while (j >= rules.antStart[r] && q >= from) {
            if (h[q] == rules.antItems[j]) {
                j--;
            }
            q--;
        }
        return j < rules.antStart[r];
    }

    private static boolean seenLater(int[] h, int p, int n, int item) {
        for (int q = p + 1; q < n; q++) {
            if (h[q] == item) {
                return true;
            }
        }
        return false;
    }
}
