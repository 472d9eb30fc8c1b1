package dev.seqmind.neural.bert4rec;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.TransformerStack;

/**
 * BERT4Rec's architecture and masking.
 *
 * @param dim        embedding and hidden size
 * @param ffnDim     inner size of the point-wise feed-forward layers (BERT uses {@code 4 * dim})
 * @param blocks     Transformer blocks
 * @param heads      attention heads ({@code dim} divisible by it)
 * @param dropout    dropout rate in [0, 1)
 * @param maxLength  the most recent items a sequence keeps (the appended mask token included when scoring)
 * @param maskProb   probability that a training position is masked, in (0, 1)
 * @param style      LayerNorm placement, position origin and weight initialisation ({@code null}, as in model files
 *                   written before it existed, is {@link BlockStyle#defaults()}; BERT's own is post-norm, positions
 *                   from the oldest item, N(0, 0.02) weights)
 * @param head       how hidden states meet the tied item embeddings ({@code null}: {@link Bert4RecHead#TRANSFORM})
 */
public record Bert4RecConfig(int dim, int ffnDim, int blocks, int heads, float dropout, int maxLength,
                             float maskProb, BlockStyle style, Bert4RecHead head) {
    public Bert4RecConfig {
        TransformerStack.requireValidShape(dim, blocks, heads, dropout);
        InvalidParameterException.requireInRange("ffnDim", ffnDim, 1, 65_536);
        InvalidParameterException.requireInRange("maxLength", maxLength, 2, 100_000);
        if (!(maskProb > 0 && maskProb < 1)) {
            throw new InvalidParameterException("maskProb", maskProb, "in (0, 1)", "BERT4Rec used 0.2 on ML-1M");
        }
        if (style == null) {
            style = BlockStyle.defaults();
        }
        if (head == null) {
            head = Bert4RecHead.TRANSFORM;
        }
    }

    /** Blocks in the default style, BERT's transform head. */
    public Bert4RecConfig(int dim, int ffnDim, int blocks, int heads, float dropout, int maxLength, float maskProb) {
        this(dim, ffnDim, blocks, heads, dropout, maxLength, maskProb, BlockStyle.defaults(), Bert4RecHead.TRANSFORM);
    }

    /**
     * 64 dims, feed-forward 256, 2 blocks, 2 heads, dropout 0.1, length 200, mask probability 0.2 (BERT4Rec's ML-1M
     * setting).
     */
    public static Bert4RecConfig defaults() {
        return new Bert4RecConfig(64, 256, 2, 2, 0.1f, 200, 0.2f);
    }
}
