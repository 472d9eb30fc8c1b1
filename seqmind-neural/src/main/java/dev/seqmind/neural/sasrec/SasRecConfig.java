package dev.seqmind.neural.sasrec;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.TransformerStack;

/**
 * SASRec's architecture and loss. Defaults ({@link #sasRecPlus()}) are the published SASRec+ configuration for ML-1M.
 *
 * @param dim        embedding and hidden size
 * @param blocks     number of self-attention blocks
 * @param heads      attention heads ({@code dim} must be divisible by it)
 * @param dropout    dropout rate on embeddings, attention weights and block outputs, in [0, 1)
 * @param maxLength  the most recent items a history keeps
 * @param loss       training loss
 * @param negatives  sampled negatives per batch for {@link SasRecLoss#SAMPLED_SOFTMAX} (ignored otherwise)
 * @param style      LayerNorm placement, position origin and weight initialisation ({@code null}, as in model files
 *                   written before it existed, is {@link BlockStyle#defaults()})
 */
public record SasRecConfig(int dim, int blocks, int heads, float dropout, int maxLength, SasRecLoss loss,
                           int negatives, BlockStyle style) {
    public SasRecConfig {
        TransformerStack.requireValidShape(dim, blocks, heads, dropout);
        InvalidParameterException.requireInRange("maxLength", maxLength, 1, 100_000);
        if (loss == null) {
            throw new InvalidParameterException("loss", null, "one of FULL_SOFTMAX, SAMPLED_SOFTMAX, BCE");
        }
        InvalidParameterException.requireInRange("negatives", negatives, 1, 1_000_000);
        if (style == null) {
            style = BlockStyle.defaults();
        }
    }

    /** Blocks in the default style. */
    public SasRecConfig(int dim, int blocks, int heads, float dropout, int maxLength, SasRecLoss loss, int negatives) {
        this(dim, blocks, heads, dropout, maxLength, loss, negatives, BlockStyle.defaults());
    }

    /** 64 dims, 2 blocks, 1 head, dropout 0.1, length 200, full softmax. */
    public static SasRecConfig sasRecPlus() {
        return new SasRecConfig(64, 2, 1, 0.1f, 200, SasRecLoss.FULL_SOFTMAX, 3000);
    }

    public SasRecConfig withMaxLength(int value) {
        return new SasRecConfig(dim, blocks, heads, dropout, value, loss, negatives, style);
    }

    public SasRecConfig withStyle(BlockStyle value) {
        return new SasRecConfig(dim, blocks, heads, dropout, maxLength, loss, negatives, value);
    }

    public SasRecConfig withLoss(SasRecLoss value, int negativeCount) {
        return new SasRecConfig(dim, blocks, heads, dropout, maxLength, value, negativeCount, style);
    }
}
