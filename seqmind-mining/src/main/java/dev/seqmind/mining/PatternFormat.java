package dev.seqmind.mining;

/** Output formats of {@link PatternWriter}. */
public enum PatternFormat {
    /** Tab-separated: pattern ({@code a b | c}), number of items, support, relative support; with a header line. */
    TSV,
    /** One JSON object per line: {@code {"pattern":[["a","b"],["c"]],"support":5,"relativeSupport":0.01}}. */
    JSONL,
    /** SPMF's output format: {@code a b -1 c -1 #SUP: 5} for sequences, {@code a b #SUP: 5} for itemsets. */
    SPMF
}
