package dev.seqmind.data.split;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-out: each user's last event is the test target and the one before it the validation target; the rest is
 * training data. Users with fewer than {@code minLength} events (default 3) stay wholly in training and are not
 * evaluated, the convention of the SASRec and BERT4Rec papers.
 */
public final class LeaveOneOutSplitter {
    private final int minLength;

    public LeaveOneOutSplitter() {
        this(3);
    }

    public LeaveOneOutSplitter(int minLength) {
        if (minLength < 3) {
            throw new InvalidParameterException("minLength", minLength, ">= 3",
                    "a user needs a training, a validation and a test event");
        }
        this.minLength = minLength;
    }

    public Split split(SequenceDataset data) {
        int n = data.numUsers();
        int[] trainLen = new int[n];
        int[] trainForTestLen = new int[n];
        List<EvalCase> validation = new ArrayList<>();
        List<EvalCase> test = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            int len = data.length(u);
            if (len < minLength) {
                trainLen[u] = len;
                trainForTestLen[u] = len;
                continue;
            }
            trainLen[u] = len - 2;
            trainForTestLen[u] = len - 1;
            int start = data.start(u);
            validation.add(new EvalCase(u, len - 2, new int[] {data.item(start + len - 2)}));
            test.add(new EvalCase(u, len - 1, new int[] {data.item(start + len - 1)}));
        }
        return new Split("leave-one-out", data, data.prefixes(trainLen), data.prefixes(trainForTestLen), validation,
                test);
    }
}
