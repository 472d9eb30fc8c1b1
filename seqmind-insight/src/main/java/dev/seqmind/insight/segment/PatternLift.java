package dev.seqmind.insight.segment;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.mining.CollectingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.PatternSink;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the sequential patterns most over-represented in a group of users. Each user's sequence is their items with
 * consecutive repeats collapsed (view, cart and buy of one item are one step), cut to the last {@code maxSteps}
 * steps. The group's {@code mine} most frequent patterns of 2 to {@code maxLength} items are mined with seqmind's
 * sequential-pattern miner (top-k, each event its own itemset); each is then counted over all users, and the
 * patterns are ranked by lift (group share over overall share). Immutable and thread-safe.
 */
public final class PatternLift {
    private final SequenceDataset data;
    private final int[][] steps;
    private final int maxLength;

    public PatternLift(SequenceDataset data, int maxSteps, int maxLength) {
        this.data = data;
        this.maxLength = maxLength;
        this.steps = new int[data.numUsers()][];
        for (int u = 0; u < steps.length; u++) {
            steps[u] = collapse(data.itemsOf(u), maxSteps);
        }
    }

    static int[] collapse(int[] items, int maxSteps) {
        int n = 0;
        int[] out = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (i == 0 || items[i] != items[i - 1]) {
                out[n++] = items[i];
            }
        }
        return Arrays.copyOfRange(out, Math.max(0, n - maxSteps), n);
    }

    /** The collapsed, cut sequence of user {@code u} (the object's own array: do not modify). */
    int[] steps(int u) {
        return steps[u];
    }

    /**
     * The {@code show} patterns of highest lift among the group's {@code mine} most frequent ones that at least
     * {@code minUsers} of its users share.
     */
    public List<LiftedPattern> top(int[] group, int mine, int show, int minUsers) {
        if (group.length == 0) {
            return List.of();
        }
        CollectingSink sink = new CollectingSink();
        SequenceMiningParams params = SequenceMiningParams.of(MinSupport.count(Math.max(1, minUsers)))
                .withConstraints(PatternConstraints.NONE.withLength(2, maxLength)).withTopK(mine);
        SequentialPatternMiner.mine(database(group), params, sink);
        List<LiftedPattern> out = new ArrayList<>();
        for (Pattern p : sink.patterns()) {
            int[] items = Arrays.stream(p.items()).filter(i -> i != PatternSink.ITEMSET_END).toArray();
            int all = 0;
            for (int[] s : steps) {
                all += contains(s, items) ? 1 : 0;
            }
            double groupShare = p.support() / (double) group.length;
            double allShare = all / (double) steps.length;
            List<String> ids = Arrays.stream(items).mapToObj(i -> data.items().externalId(i)).toList();
            out.add(new LiftedPattern(ids, ids.stream().map(data.catalog()::label).toList(), (int) p.support(), all,
                    groupShare, allShare, groupShare / allShare));
        }
        out.sort(Comparator.comparingDouble(LiftedPattern::lift).reversed()
                .thenComparing(Comparator.comparingInt(LiftedPattern::groupUsers).reversed())
                .thenComparing(l -> String.join(" ", l.items())));
        return List.copyOf(out.subList(0, Math.min(show, out.size())));
    }

    /** Users of {@code among} (dense ids; all when null) whose collapsed sequence contains {@code items} in order. */
    public int[] usersContaining(int[] items, int[] among) {
        int n = among == null ? steps.length : among.length;
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int u = among == null ? i : among[i];
            if (contains(steps[u], items)) {
                out[k++] = u;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** True when {@code pattern} occurs in {@code seq} in order, not necessarily adjacent. */
    static boolean contains(int[] seq, int[] pattern) {
        int k = 0;
        for (int i = 0; i < seq.length && k < pattern.length; i++) {
            if (seq[i] == pattern[k]) {
                k++;
            }
        }
        return k == pattern.length;
    }

    private SequenceDatabase database(int[] group) {
        int total = 0;
        for (int u : group) {
            total += steps[u].length;
        }
        int[] starts = new int[group.length + 1];
        int[] items = new int[total];
        int[] itemsets = new int[total];
        int at = 0;
        for (int g = 0; g < group.length; g++) {
            starts[g] = at;
            int[] s = steps[group[g]];
            for (int i = 0; i < s.length; i++) {
                items[at] = s[i];
                itemsets[at++] = i;
            }
        }
        starts[group.length] = at;
        return new SequenceDatabase(data.info().name(), starts, items, itemsets, null, data.items(), data.catalog());
    }
}
