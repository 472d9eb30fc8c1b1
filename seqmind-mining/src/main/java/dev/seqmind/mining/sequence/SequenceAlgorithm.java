package dev.seqmind.mining.sequence;

/** Which search a {@link SequentialPatternMiner} runs. All give identical results; they differ in speed and memory. */
public enum SequenceAlgorithm {
    /** Chosen from the data's shape and the constraints (see {@link AlgorithmChooser}). */
    AUTO,
    /** Depth-first pattern growth over pseudo-projected databases (PrefixSpan family). */
    PREFIXSPAN,
    /** Depth-first search over vertical bitmaps, one bit per itemset position (SPAM family). */
    SPAM
}
