package dev.seqmind.insight.similar;

/** Which order-respecting similarity {@link SequenceNeighbours} uses. */
public enum SequenceMeasure {
    /** Longest common subsequence over the longer length ({@link SequenceSimilarity#lcsSimilarity}). */
    LCS,
    /** One minus the edit distance over the longer length ({@link SequenceSimilarity#editSimilarity}). */
    EDIT;

    public double similarity(int[] a, int[] b) {
        return this == LCS ? SequenceSimilarity.lcsSimilarity(a, b) : SequenceSimilarity.editSimilarity(a, b);
    }
}
