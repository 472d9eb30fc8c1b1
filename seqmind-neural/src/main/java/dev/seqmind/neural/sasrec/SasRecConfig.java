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
 * @param longHistory  what is read of a history longer than {@code maxLength} ({@code null}, as in model files
 *                     written before it existed, is {@link LongHistory#NONE})
 * @param memoryTokens the summary's memory tokens with {@link LongHistory#SUMMARY} (0 there means
 *                     {@link #DEFAULT_MEMORY_TOKENS}); always 0 with {@link LongHistory#NONE}
 */
public record SasRecConfig(int dim, int blocks, int heads, float dropout, int maxLength, SasRecLoss loss,
                           int negatives, BlockStyle style, LongHistory longHistory, int memoryTokens) {
    /** Memory tokens of a summary when none is given. */
    public static final int DEFAULT_MEMORY_TOKENS = 4;

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
        if (longHistory == null) {
            longHistory = LongHistory.NONE;
        }
        if (longHistory == LongHistory.NONE) {
            memoryTokens = 0;
        } else {
            if (memoryTokens == 0) {
                memoryTokens = DEFAULT_MEMORY_TOKENS;
            }
            InvalidParameterException.requireInRange("memoryTokens", memoryTokens, 1, 1024);
        }
    }

    /** Plain truncation of long histories. */
    public SasRecConfig(int dim, int blocks, int heads, float dropout, int maxLength, SasRecLoss loss, int negatives,
                        BlockStyle style) {
        this(dim, blocks, heads, dropout, maxLength, loss, negatives, style, LongHistory.NONE, 0);
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
        return new SasRecConfig(dim, blocks, heads, dropout, value, loss, negatives, style, longHistory, memoryTokens);
    }

    public SasRecConfig withStyle(BlockStyle value) {
        return new SasRecConfig(dim, blocks, heads, dropout, maxLength, loss, negatives, value, longHistory,
                memoryTokens);
    }

    public SasRecConfig withLoss(SasRecLoss value, int negativeCount) {
        return new SasRecConfig(dim, blocks, heads, dropout, maxLength, value, negativeCount, style, longHistory,
                memoryTokens);
    }

    /** The same network reading long histories as {@code value} says, with {@code tokens} memory tokens. */
    public SasRecConfig withLongHistory(LongHistory value, int tokens) {
        return new SasRecConfig(dim, blocks, heads, dropout, maxLength, loss, negatives, style, value, tokens);
    }

    /** Whether the network reads a summary of the events older than its window. */
    public boolean summarisesOlderEvents() {
        return longHistory == LongHistory.SUMMARY;
    }
}
