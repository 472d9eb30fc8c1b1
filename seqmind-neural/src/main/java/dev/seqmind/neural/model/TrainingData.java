package dev.seqmind.neural.model;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.EvalCase;

import java.util.List;

/**
 * A dataset and validation cases in the array form the training loop consumes.
 *
 * @param sequences          every user's item sequence in the training dataset (dense ids, oldest first)
 * @param validationHistories the history of each validation case (a prefix of that user's training sequence)
 * @param validationTargets  the first target of each validation case
 */
public record TrainingData(int[][] sequences, int[][] validationHistories, int[] validationTargets) {
    /**
     * Converts {@code train} and {@code validation}. Validation histories are prefixes of the training dataset's
     * sequences, as {@link dev.seqmind.rec.FitContext} promises.
     */
    public static TrainingData of(SequenceDataset train, List<EvalCase> validation) {
        int[][] seqs = new int[train.numUsers()][];
        for (int u = 0; u < seqs.length; u++) {
            seqs[u] = train.itemsOf(u);
        }
        int[][] hist = new int[validation.size()][];
        int[] targets = new int[validation.size()];
        for (int i = 0; i < hist.length; i++) {
            EvalCase c = validation.get(i);
            int[] s = seqs[c.user()];
            hist[i] = java.util.Arrays.copyOf(s, Math.min(s.length, c.historyLength()));
            targets[i] = c.target(0);
        }
        return new TrainingData(seqs, hist, targets);
    }
}
