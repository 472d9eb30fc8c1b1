package dev.seqmind.spark.mine;

import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.sequence.OutputKind;
import dev.seqmind.mining.sequence.PatternConstraints;
import dev.seqmind.mining.sequence.SequenceAlgorithm;
import dev.seqmind.mining.sequence.SequenceMiningParams;

import java.io.Serializable;

/**
 * The mining parameters as executors receive them (the mining module's records stay free of serialization): every
 * value of a {@link SequenceMiningParams} with an absolute support, rebuilt by {@link #params()} on the executor,
 * one search thread per task.
 */
record ShippedParams(long minSupport, String algorithm, int minLength, int maxLength, int maxGap, long maxGapTime,
                     long maxWindow, int[] required, int[] excluded, String output, int topK, long maxPatterns,
                     long maxHeapBytes) implements Serializable {

    static ShippedParams of(SequenceMiningParams p, long absoluteSupport) {
        PatternConstraints c = p.constraints();
        return new ShippedParams(absoluteSupport, p.algorithm().name(), c.minLength(), c.maxLength(), c.maxGap(),
                c.maxGapTime(), c.maxWindow(), c.requiredItems(), c.excludedItems(), p.output().name(), p.topK(),
                p.budget().maxPatterns(), p.budget().maxHeapBytes());
    }

    SequenceMiningParams params() {
        return new SequenceMiningParams(MinSupport.count(minSupport), SequenceAlgorithm.valueOf(algorithm),
                new PatternConstraints(minLength, maxLength, maxGap, maxGapTime, maxWindow, required, excluded),
                OutputKind.valueOf(output), topK, 1, new MiningBudget(maxPatterns, maxHeapBytes));
    }
}
