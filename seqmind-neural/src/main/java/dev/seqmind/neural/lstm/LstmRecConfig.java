package dev.seqmind.neural.lstm;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * The LSTM recommender's architecture.
 *
 * @param dim        item embedding size (also the size the LSTM output is projected to)
 * @param hidden     LSTM hidden (and cell) size
 * @param dropout    dropout on embeddings and LSTM outputs, in [0, 1)
 * @param maxLength  the most recent items a history keeps
 */
public record LstmRecConfig(int dim, int hidden, float dropout, int maxLength) {
    public LstmRecConfig {
        InvalidParameterException.requireInRange("dim", dim, 1, 4096);
        InvalidParameterException.requireInRange("hidden", hidden, 1, 8192);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidParameterException("dropout", dropout, "in [0, 1)");
        }
        InvalidParameterException.requireInRange("maxLength", maxLength, 1, 100_000);
    }

    /** GRU4Rec's defaults: 64-dim embeddings, 128 hidden units, dropout 0.1, length 200. */
    public static LstmRecConfig defaults() {
        return new LstmRecConfig(64, 128, 0.1f, 200);
    }
}
