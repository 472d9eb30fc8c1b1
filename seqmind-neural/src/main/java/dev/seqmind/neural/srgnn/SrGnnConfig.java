package dev.seqmind.neural.srgnn;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * SR-GNN's architecture and how training examples are drawn.
 *
 * @param dim        item embedding and node state size
 * @param steps      gated graph network propagation steps
 * @param maxLength  the most recent items a history keeps (the graph is built from them)
 * @param prefixes   training examples drawn from each training sequence in a step: that many cut points chosen
 *                   uniformly without replacement (every cut point when the sequence has fewer), each predicting the
 *                   item at the cut from the graph of the items before it
 */
public record SrGnnConfig(int dim, int steps, int maxLength, int prefixes) {
    public SrGnnConfig {
        InvalidParameterException.requireInRange("dim", dim, 1, 4096);
        InvalidParameterException.requireInRange("steps", steps, 1, 16);
        InvalidParameterException.requireInRange("maxLength", maxLength, 1, 100_000);
        InvalidParameterException.requireInRange("prefixes", prefixes, 1, 100_000);
    }

    /** 64 dimensions, one propagation step (the published setting), the last 50 items, 8 prefixes a sequence. */
    public static SrGnnConfig defaults() {
        return new SrGnnConfig(64, 1, 50, 8);
    }
}
