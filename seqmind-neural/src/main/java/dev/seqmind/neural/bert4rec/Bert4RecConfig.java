package dev.seqmind.neural.bert4rec;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * BERT4Rec's architecture and masking.
 *
 * @param dim        embedding and hidden size
 * @param blocks     Transformer blocks
 * @param heads      attention heads ({@code dim} divisible by it)
 * @param dropout    dropout rate in [0, 1)
 * @param maxLength  the most recent items a sequence keeps (the appended mask token included when scoring)
 * @param maskProb   probability that a training position is masked, in (0, 1)
 */
public record Bert4RecConfig(int dim, int blocks, int heads, float dropout, int maxLength, float maskProb) {
    public Bert4RecConfig {
        InvalidParameterException.requireInRange("dim", dim, 1, 4096);
        InvalidParameterException.requireInRange("blocks", blocks, 1, 64);
        InvalidParameterException.requireInRange("heads", heads, 1, dim);
        if (dim % heads != 0) {
            throw new InvalidParameterException("heads", heads, "a divisor of dim=" + dim);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidParameterException("dropout", dropout, "in [0, 1)");
        }
        InvalidParameterException.requireInRange("maxLength", maxLength, 2, 100_000);
        if (!(maskProb > 0 && maskProb < 1)) {
            throw new InvalidParameterException("maskProb", maskProb, "in (0, 1)", "BERT4Rec used 0.2 on ML-1M");
        }
    }

    /** 64 dims, 2 blocks, 2 heads, dropout 0.1, length 200, mask probability 0.2 (BERT4Rec's ML-1M setting). */
    public static Bert4RecConfig defaults() {
        return new Bert4RecConfig(64, 2, 2, 0.1f, 200, 0.2f);
    }
}
