package dev.seqmind.server.model;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.text.NextItemRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The server's mined rules ({@link RuleIndex}) in one model's dense ids, as per-item evidence for a history: a rule
 * fires when every antecedent item is among the history's last {@value #WINDOW} items, and each of its consequents
 * gets the rule's confidence (the highest of the rules that fire). Rules naming items the model does not know are
 * left out. Immutable and thread-safe.
 */
final class RuleConfidences implements NextItemRules {
    /** Recent history items a rule's antecedent is looked for in. */
    static final int WINDOW = 10;

    private final int[][] antecedents;
    private final int[][] consequents;
    private final float[] confidence;

    RuleConfidences(RuleIndex rules, IdMap items) {
        List<int[]> ant = new ArrayList<>();
        List<int[]> cons = new ArrayList<>();
        List<Float> conf = new ArrayList<>();
        for (MinedRule r : rules.all()) {
            int[] a = dense(r.antecedent(), items);
            int[] c = dense(r.consequent(), items);
            if (a != null && c != null) {
                ant.add(a);
                cons.add(c);
                conf.add((float) r.confidence());
            }
        }
        antecedents = ant.toArray(new int[0][]);
        consequents = cons.toArray(new int[0][]);
        confidence = new float[conf.size()];
        for (int i = 0; i < confidence.length; i++) {
            confidence[i] = conf.get(i);
        }
    }

    /** The dense ids of {@code ids}, or null when the model lacks one. */
    private static int[] dense(List<String> ids, IdMap items) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.denseId(ids.get(i));
            if (out[i] == IdMap.ABSENT) {
                return null;
            }
        }
        return out;
    }

    int size() {
        return confidence.length;
    }

    @Override
    public void confidences(int[] history, float[] out) {
        Arrays.fill(out, 0f);
        int from = Math.max(0, history.length - WINDOW);
        int[] recent = Arrays.copyOfRange(history, from, history.length);
        Arrays.sort(recent);
        for (int r = 0; r < confidence.length; r++) {
            if (allIn(antecedents[r], recent)) {
                for (int c : consequents[r]) {
                    if (c < out.length) {
                        out[c] = Math.max(out[c], confidence[r]);
                    }
                }
            }
        }
    }

    private static boolean allIn(int[] items, int[] sorted) {
        for (int i : items) {
            if (Arrays.binarySearch(sorted, i) < 0) {
                return false;
            }
        }
        return true;
    }
}
