package dev.seqmind.data.split;

import java.util.Arrays;

/**
 * One user to evaluate: the model sees the first {@code historyLength} events of the user's sequence in
 * {@link Split#full()} and must rank the {@code targets} (dense item ids, distinct, in time order of first occurrence).
 */
public record EvalCase(int user, int historyLength, int[] targets) {
    public EvalCase {
        if (historyLength < 0 || targets.length == 0) {
            throw new IllegalArgumentException("historyLength " + historyLength + ", targets " + targets.length);
        }
        targets = targets.clone();
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }

    public int numTargets() {
        return targets.length;
    }

    public int target(int i) {
        return targets[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvalCase c && c.user == user && c.historyLength == historyLength
                && Arrays.equals(c.targets, targets);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * user + historyLength) + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "EvalCase[user=" + user + ", history=" + historyLength + ", targets=" + Arrays.toString(targets) + "]";
    }
}
