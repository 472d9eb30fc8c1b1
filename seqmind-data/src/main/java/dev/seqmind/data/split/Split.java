package dev.seqmind.data.split;

import dev.seqmind.data.model.SequenceDataset;

import java.util.List;
import java.util.Objects;

/**
 * A dataset divided for honest evaluation. All four datasets share the full dataset's id maps.
 *
 * @param protocol         a one-line description, e.g. "leave-one-out"
 * @param full             every event; histories of {@link EvalCase}s are prefixes of its sequences
 * @param train            what a model is fitted on while validation decides hyper-parameters and early stopping
 * @param trainForTest     what a model may be refitted on before the test (train plus the validation events)
 * @param validation       validation cases: histories inside {@code train}, targets outside it
 * @param test             test cases: histories inside {@code trainForTest}, targets outside it
 */
public record Split(String protocol, SequenceDataset full, SequenceDataset train, SequenceDataset trainForTest,
                    List<EvalCase> validation, List<EvalCase> test) {
    public Split {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(trainForTest, "trainForTest");
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** User {@code c.user()}'s history for case {@code c}: the first {@code c.historyLength()} items of its sequence. */
    public int[] history(EvalCase c) {
        int start = full.start(c.user());
        int[] h = new int[c.historyLength()];
        full.copyItems(start, start + c.historyLength(), h, 0);
        return h;
    }
}
