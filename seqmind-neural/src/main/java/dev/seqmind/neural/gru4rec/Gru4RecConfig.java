package dev.seqmind.neural.gru4rec;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * GRU4Rec's architecture.
 *
 * @param dim        item embedding size (also the size the GRU output is projected to)
 * @param hidden     GRU hidden size
 * @param dropout    dropout on embeddings and GRU outputs, in [0, 1)
 * @param maxLength  the most recent items a history keeps
 */
public record Gru4RecConfig(int dim, int hidden, float dropout, int maxLength) {
    public Gru4RecConfig {
        InvalidParameterException.requireInRange("dim", dim, 1, 4096);
        InvalidParameterException.requireInRange("hidden", hidden, 1, 8192);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidParameterException("dropout", dropout, "in [0, 1)");
        }
        InvalidParameterException.requireInRange("maxLength", maxLength, 1, 100_000);
    }

    /** 64-dim embeddings, 128 hidden units, dropout 0.1, length 200. */
    public static Gru4RecConfig defaults() {
        return new Gru4RecConfig(64, 128, 0.1f, 200);
    }
}
